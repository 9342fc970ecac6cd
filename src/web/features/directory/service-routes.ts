import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../app/errors.js';
import type { ServiceView } from '../../../app/directory/directory.js';
import type { Services } from '../../../app/services.js';
import { serviceStatusLabels, weekdays, type ServiceLocation } from '../../../domain/directory/model.js';
import { serviceFormFor, type ServiceForm } from '../../../domain/directory/service-form.js';
import { formErrors } from '../../forms.js';
import { accessOf, actorOf } from '../members.js';
import { dayLabel } from './form-boxes.js';
import { detailsItems, editableView, formFromBody } from './service-form.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;

/** The outward half of a postcode ("M41"), all that an area-only location shows. */
const district = (postcode: string | null) => postcode?.split(' ')[0] ?? null;

/** A place as the service page shows it: hidden and area-only places only in full to its editors. */
function describeLocation(location: ServiceLocation, editable: boolean) {
  if (location.visibility === 'hidden' && !editable) return undefined;
  if (location.visibility === 'area-only' && !editable) {
    return {
      name: location.name,
      address: null,
      postcode: district(location.postcode),
      note: 'Only the area is shown',
    };
  }
  return {
    name: location.name,
    address: location.address,
    postcode: location.postcode,
    point:
      location.latitude !== null && location.longitude !== null
        ? `${location.latitude}, ${location.longitude}`
        : null,
    note:
      location.visibility === 'hidden'
        ? 'Hidden: only people who can change this service see it'
        : location.visibility === 'area-only'
          ? 'Only the area is shown to others'
          : location.latitude === null || location.longitude === null
            ? 'Not on the map: the postcode file we have gives no location for this postcode'
            : null,
  };
}

/** A service's page, changing its details, and confirming it is still correct. */
export function registerServicePages(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;
  const themeName = (id: string) => themes().find((t) => t.id === id)?.name ?? id;

  const showService = async (
    reply: FastifyReply,
    slug: string,
    view: ServiceView,
    extra: Record<string, unknown> = {},
  ) => {
    const { service, organisation } = view;
    const d = service.details;
    return reply.page('directory/service.njk', {
      title: d.name,
      service: { ...service, statusLabel: serviceStatusLabels[d.status] },
      d,
      organisation,
      organisationHref: `/p/${slug}/directory/organisations/${organisation.id}`,
      stale: view.stale,
      editable: view.editable,
      themeNames: d.themes.map(themeName),
      ages:
        d.eligibility.minimumAge !== null || d.eligibility.maximumAge !== null
          ? d.eligibility.minimumAge !== null && d.eligibility.maximumAge !== null
            ? `${d.eligibility.minimumAge} to ${d.eligibility.maximumAge}`
            : d.eligibility.minimumAge !== null
              ? `${d.eligibility.minimumAge} and over`
              : `Up to ${d.eligibility.maximumAge ?? ''}`
          : null,
      capacity: d.capacity ? `${d.capacity.people} people a ${d.capacity.period}` : null,
      locations: d.locations.map((l) => describeLocation(l, view.editable)).filter((l) => l !== undefined),
      schedules: [...d.schedules]
        .sort((a, b) => weekdays.indexOf(a.day) - weekdays.indexOf(b.day) || a.opens.localeCompare(b.opens))
        .map((s) => ({ ...s, day: dayLabel(s.day) })),
      base: `/p/${slug}/directory/services/${service.id}`,
      backLink: { href: `/p/${slug}/directory`, text: 'Directory of services' },
      ...extra,
    });
  };

  app.get('/p/:slug/directory/services/:serviceId', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const view = await services.directory.view(partnership.id, serviceId, membership);
    const flash = (request.query as Record<string, unknown>).done;
    return showService(reply, partnership.slug, view, {
      confirmed: flash === 'confirmed',
      saved: flash === 'saved',
      added: flash === 'added',
      changedHere: await services.directory.fieldsChangedHere(partnership.id, serviceId),
    });
  });

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: ServiceView,
    values: ServiceForm,
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const { partnership } = accessOf(request);
    return reply.page(
      'directory/edit.njk',
      {
        title: `Change ${view.service.details.name}`,
        serviceName: view.service.details.name,
        action: `/p/${partnership.slug}/directory/services/${view.service.id}/edit`,
        values,
        ...detailsItems(themes(), values),
        errors,
        backLink: {
          href: `/p/${partnership.slug}/directory/services/${view.service.id}`,
          text: 'Back to the service',
        },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/directory/services/:serviceId/edit', { config: edit }, async (request, reply) => {
    const view = await editableView(services, request);
    return showForm(request, reply, view, serviceFormFor(view.service.details));
  });

  app.post('/p/:slug/directory/services/:serviceId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const values = formFromBody(request.body);
    const user = request.live?.user;
    if (!user) throw new ValidationError({ form: 'Sign in again to change this service' });
    try {
      await services.directory.update(partnership.id, serviceId, membership, user, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/directory/services/${serviceId}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const view = await services.directory.view(partnership.id, serviceId, membership);
      return showForm(request, reply, view, values, formErrors(error.fields));
    }
  });

  app.post('/p/:slug/directory/services/:serviceId/confirm', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const user = request.live?.user;
    if (!user) throw new ValidationError({ form: 'Sign in again to confirm this service' });
    await services.directory.confirm(partnership.id, serviceId, membership, user, actorOf(request));
    return reply.redirect(`/p/${partnership.slug}/directory/services/${serviceId}?done=confirmed`, 303);
  });
}
