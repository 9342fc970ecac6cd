import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { serviceStatusLabels, type ServiceLocation } from '../../../domain/directory/model.js';
import { dayLabel } from './form-boxes.js';
import { accessOf } from '../members.js';

const member = { access: { partnership: 'member' } } as const;

/** A place as someone who may not change the service may see it: hidden places not at all, area-only by district. */
const placeText = (location: ServiceLocation, editable: boolean): string | null => {
  if (editable || location.visibility === 'public')
    return [location.name, location.address, location.postcode].filter(Boolean).join(', ');
  if (location.visibility === 'area-only') return location.postcode?.split(' ')[0] ?? null;
  return null;
};

/**
 * "Is it still correct?": the page the reminder email links to for each service. Opening it changes nothing,
 * because mail scanners open every link in an email; only its button (a form posted to /confirm) does.
 */
export function registerStillCorrect(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;

  app.get(
    '/p/:slug/directory/services/:serviceId/still-correct',
    { config: member },
    async (request, reply) => {
      const { partnership, membership } = accessOf(request);
      const { serviceId } = request.params as { serviceId: string };
      const view = await services.directory.view(partnership.id, serviceId, membership);
      const d = view.service.details;
      const row = (key: string, value: string | null | undefined) =>
        value ? [{ key: { text: key }, value: { text: value } }] : [];
      const themeNames = d.themes.map((id) => themes().find((t) => t.id === id)?.name ?? id);
      const places = d.locations.map((l) => placeText(l, view.editable)).filter(Boolean);
      return reply.page('directory/still-correct.njk', {
        title: `Is ${d.name} still correct?`,
        d,
        organisation: view.organisation,
        editable: view.editable,
        base: `/p/${partnership.slug}/directory/services/${serviceId}`,
        summaryRows: [
          ...row('Description', d.description),
          ...row('Running', serviceStatusLabels[d.status]),
          ...row('Themes', themeNames.join(', ')),
          ...row('Places', places.join('; ') || 'None'),
          ...row(
            'Opening times',
            d.schedules.map((s) => `${dayLabel(s.day)} ${s.opens} to ${s.closes}`).join('; ') || 'None',
          ),
          ...row('Phone', d.phone),
          ...row('Email', d.email),
          ...row('Website', d.url),
          ...row(
            'Contacts',
            d.contacts.map((c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(', ')).join('; '),
          ),
          ...row(
            'Last checked',
            view.service.lastCheckedAt
              ? new Date(view.service.lastCheckedAt).toLocaleDateString('en-GB', {
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                  timeZone: 'Europe/London',
                })
              : 'Never',
          ),
        ],
        backLink: {
          href: `/p/${partnership.slug}/directory/services/${serviceId}`,
          text: 'Back to the service',
        },
      });
    },
  );
}
