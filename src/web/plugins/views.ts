import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { roleLabels } from '../../domain/accounts/roles.js';
import { pageNavigation, publicNavigation } from '../navigation/page-navigation.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const templatesDir = path.join(here, '..', 'templates');
/** A feature's templates live beside its routes (`features/actions/list.njk` is `actions/list.njk`). */
const featuresDir = path.join(here, '..', 'features');
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

function currentPartnership(request: FastifyRequest) {
  const partnerships = request.viewerPartnerships ?? [];
  const currentId = request.live?.session.currentPartnershipId;
  return partnerships.find((partnership) => partnership.id === currentId) ?? partnerships[0];
}

export async function registerViews(app: FastifyInstance): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [templatesDir, featuresDir, govukDist],
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
      // Outside a partnership (guidance, your account) a signed-in person keeps their current partnership's menu.
      const menuPartnership = access
        ? { ...access.partnership, role: access.membership.role }
        : currentPartnership(request);
      const navigation = menuPartnership
        ? pageNavigation({
            partnership: menuPartnership,
            role: menuPartnership.role,
            url: request.url,
            context,
            isErrorPage: template.startsWith('errors/'),
          })
        : publicNavigation(request.url, context);
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
        ...navigation,
        ...context,
      });
      this.code(statusCode).type('text/html; charset=utf-8').send(html);
    },
  );
}
