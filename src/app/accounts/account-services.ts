import type { ServiceDeps } from '../service-deps.js';
import type { Actor } from '../shared/audit.js';
import type { UserRecord } from './account-store.js';
import { authenticateApiToken, createApiToken } from './api-tokens.js';
import {
  checkPasswordLink,
  createPasswordLink,
  requestPasswordReset,
  setPasswordFromLink,
} from './passwords.js';
import { resumeSession, signIn, signOut, startSession, type LiveSession } from './sessions.js';
import { signInWithinLimits } from './sign-in-limits.js';
import { createUser, type NewUser } from './users.js';

/** Signing in and out, password links, accounts and API tokens. */
export function accountServices(deps: ServiceDeps) {
  const { store, clock, hasher, baseUrl } = deps;
  const sessionDeps = { store, clock, hasher, policy: deps.sessionPolicy };
  const passwordDeps = { store, clock, hasher, baseUrl };
  return {
    sessions: {
      signIn: (email: string, password: string) => signIn(sessionDeps, email, password),
      /** Sign-in through the limits on failures; `networkAddress` is the client's, after proxy trust. */
      signInWithinLimits: (email: string, password: string, networkAddress: string) =>
        signInWithinLimits({ ...sessionDeps, limits: deps.signInLimits }, email, password, networkAddress),
      start: (user: UserRecord) => startSession(sessionDeps, user),
      resume: (token: string) => resumeSession(sessionDeps, token),
      signOut: (live: LiveSession) => signOut(sessionDeps, live),
      switchPartnership: (live: LiveSession, partnershipId: string) =>
        store.sessions.setCurrentPartnership(live.session.id, partnershipId),
    },
    passwords: {
      requestReset: (email: string) => requestPasswordReset(passwordDeps, email),
      checkLink: (token: string) => checkPasswordLink(passwordDeps, token),
      setFromLink: (token: string, password: string, confirmation: string) =>
        setPasswordFromLink(passwordDeps, token, password, confirmation),
      createSetPasswordLink: (user: UserRecord) => createPasswordLink(passwordDeps, user, 'set-password'),
    },
    users: {
      create: (input: NewUser, actor: Actor) => createUser(store, clock, input, actor),
      findByEmail: (email: string) => store.users.findByEmail(email),
    },
    apiTokens: {
      create: (user: UserRecord, name: string) => createApiToken(store, clock, user, name),
      list: (user: UserRecord) => store.apiTokens.listForUser(user.id),
      revoke: (user: UserRecord, id: string) =>
        store.apiTokens.revoke(user.id, id, clock.now().toISOString()),
      authenticate: (token: string) => authenticateApiToken(store, clock, token),
    },
  };
}
