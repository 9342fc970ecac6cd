import type { Permission } from '../domain/accounts/roles.js';

/**
 * Who may call an HTTP route. Every route states it in `config.access`; a route that says nothing needs a
 * signed-in person. Public routes are few and listed in test/http/public-routes.test.ts.
 */
export type Access =
  'public' | 'signed-in' | 'national-admin' | 'api' | { readonly partnership: Permission | 'member' };
