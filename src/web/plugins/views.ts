import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { roleAllows, roleLabels } from '../../domain/accounts/roles.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const templatesDir = path.join(here, '..', 'templates');
const govukDist = path.resolve(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function partnershipNav(request: FastifyRequest) {
  const access = request.partnershipAccess;
  if (!access) return undefined;
  const base = `/p/${access.partnership.slug}`;
  const role = access.membership.role;
  const items = [
    { href: `${base}/`, text: 'Home' },
    { href: `${base}/rounds`, text: 'Assessments' },
    { href: `${base}/actions`, text: 'Actions' },
    { href: `${base}/organisations`, text: 'Organisations' },
    { href: `${base}/directory`, text: 'Directory' },
    { href: `${base}/needs`, text: 'Needs' },
    { href: `${base}/needs/map`, text: 'Needs map' },
    { href: `${base}/needs/gaps`, text: 'Gaps' },
    { href: `${base}/matching`, text: 'Matching' },
    { href: `${base}/grants`, text: 'Grants' },
    { href: `${base}/funding`, text: 'Funding' },
    { href: `${base}/funding/pipeline`, text: 'Funding pipeline' },
    { href: `${base}/areas`, text: 'Areas' },
    { href: '/guidance', text: 'Guidance' },
    ...(roleAllows(role, 'manage-members') ? [{ href: `${base}/members`, text: 'Members' }] : []),
    ...(roleAllows(role, 'read-audit-log') ? [{ href: `${base}/audit`, text: 'Audit log' }] : []),
    ...(roleAllows(role, 'read-outbox') ? [{ href: `${base}/emails`, text: 'Emails sent' }] : []),
    ...(roleAllows(role, 'import-data') ? [{ href: `${base}/imports`, text: 'Imports' }] : []),
  ];
  const current = request.url.split('?')[0] ?? '';
  // The longest link the address starts with is the current one (Needs map over Needs).
  const activeHref = items
    .filter((item) => (item.href === `${base}/` ? current === item.href : current.startsWith(item.href)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return {
    serviceName: access.partnership.name,
    serviceUrl: `${base}/`,
    items: items.map((item) => ({
      ...item,
      active: item.href === activeHref,
    })),
  };
}

export async function registerViews(app: FastifyInstance): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [templatesDir, govukDist],
    options: {
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('dateTime', (value: string | null | undefined) =>
          value ? dateFormat.format(new Date(value)).replace(' at ', ', ') : '',
        );
        env.addFilter('dateOnly', (value: string | null | undefined) =>
          value ? dayFormat.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)) : '',
        );
        env.addFilter('number', (value: number | null | undefined) =>
          typeof value === 'number' ? value.toLocaleString('en-GB') : '',
        );
        env.addFilter('roleLabel', (role: keyof typeof roleLabels) => roleLabels[role] ?? role);
      },
    },
  });

  app.decorateReply(
    'page',
    async function page(
      this: FastifyReply,
      template: string,
      context: Record<string, unknown> = {},
      statusCode = 200,
    ) {
      const request = this.request;
      const live = request.live;
      const access = request.partnershipAccess;
      const html = await this.viewAsync(template, {
        csrfToken: this.generateCsrf(),
        viewer: live && {
          displayName: live.user.displayName,
          email: live.user.email,
          isNationalAdmin: live.user.isNationalAdmin,
          partnershipCount: request.viewerPartnerships?.length ?? 0,
        },
        partnership: access?.partnership,
        roleLabel: access ? roleLabels[access.membership.role] : undefined,
        nav: partnershipNav(request),
        ...context,
      });
      this.code(statusCode).type('text/html; charset=utf-8').send(html);
    },
  );
}
