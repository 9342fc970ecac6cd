import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../app/errors.js';
import type { ServiceView } from '../../app/directory/directory.js';
import type { Services } from '../../app/services.js';
import {
  capacityPeriods,
  serviceStatuses,
  serviceStatusLabels,
  weekdays,
  type ServiceLocation,
} from '../../domain/directory/model.js';
import { mayEditService, serviceFormFor, type ServiceForm } from '../../domain/directory/service-form.js';
import { organisationKindLabels } from '../../domain/partnerships/organisation-kinds.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { formErrors, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';
import {
  areaPage,
  distanceChoices,
  formatMiles,
  kmPerMile,
  placeValues,
  readPlaceSearch,
} from './directory-places.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

const dayLabel = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);

/** Whether the member may add services: admins for any organisation, other editors for their own. */
const mayAddServices = (membership: { role: string; organisationId: string | null }) =>
  membership.role === 'partnership-admin' ||
  (membership.role !== 'viewer' && membership.organisationId !== null);

/** The outward half of a postcode ("M41"), all that an area-only location shows. */
const district = (postcode: string | null) => postcode?.split(' ')[0] ?? null;

export function formFromBody(body: unknown): ServiceForm {
  return {
    name: text(body, 'name'),
    description: text(body, 'description'),
    status: text(body, 'status'),
    themes: list((body as Record<string, unknown> | undefined)?.themes),
    url: text(body, 'url'),
    email: text(body, 'email'),
    phone: text(body, 'phone'),
    eligibility: text(body, 'eligibility'),
    minimumAge: text(body, 'minimumAge'),
    maximumAge: text(body, 'maximumAge'),
    cost: text(body, 'cost'),
    howToAccess: text(body, 'howToAccess'),
    languages: text(body, 'languages'),
    accessibility: text(body, 'accessibility'),
    capacityPeople: text(body, 'capacityPeople'),
    capacityPeriod: text(body, 'capacityPeriod'),
  };
}

/** The resource directory: browse and search services, a page per service, changes and "still correct". */
export function registerDirectory(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;
  const themeName = (id: string) => themes().find((t) => t.id === id)?.name ?? id;

  app.get('/p/:slug/directory', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const query = request.query as Record<string, unknown>;
    const mine = query.mine === 'yes' && membership.organisationId !== null;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const theme = typeof query.theme === 'string' ? query.theme : '';
    const needsChecking = query.check === 'yes';
    const page = Math.max(1, Number.parseInt(typeof query.page === 'string' ? query.page : '1', 10) || 1);
    const values = placeValues(query);
    const place = await readPlaceSearch(services, partnership, values);
    const filters = {
      text: q,
      theme,
      needsChecking,
      ...(mine && membership.organisationId ? { organisationId: membership.organisationId } : {}),
    };
    const result =
      place.kind === 'area'
        ? await areaPage(services, partnership.id, place.area, filters, page)
        : await services.directory.search(partnership.id, {
            ...filters,
            page,
            ...(place.kind === 'near'
              ? {
                  near: {
                    latitude: place.latitude,
                    longitude: place.longitude,
                    withinKm: place.miles * kmPerMile,
                  },
                }
              : {}),
          });
    const base = `/p/${partnership.slug}/directory`;
    const pageHref = (number: number) => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (theme) params.set('theme', theme);
      if (needsChecking) params.set('check', 'yes');
      if (mine) params.set('mine', 'yes');
      if (values.postcode) params.set('postcode', values.postcode);
      if (values.postcode) params.set('distance', String(values.miles));
      if (values.area) params.set('area', values.area);
      if (values.lsoa) params.set('lsoa', values.lsoa);
      if (number > 1) params.set('page', String(number));
      const search = params.toString();
      return search ? `${base}?${search}` : base;
    };
    const { authority, wards } = await services.areas.forPartnership(partnership);
    const errors = place.kind === 'error' ? formErrors(place.fields) : undefined;
    return reply.page(
      'directory/list.njk',
      {
        title: 'Directory of services',
        q,
        values,
        errors,
        place,
        themeItems: [
          { value: '', text: 'Any theme' },
          ...themes().map((t) => ({
            value: t.id,
            text: `${t.name} (${result.themeCounts[t.id] ?? 0})`,
            selected: t.id === theme,
          })),
        ],
        distanceItems: distanceChoices.map((miles) => ({
          value: String(miles),
          text: `${miles} ${miles === 1 ? 'mile' : 'miles'}`,
          selected: miles === values.miles,
        })),
        areaItems: [
          { value: '', text: 'Any area' },
          ...(authority
            ? [
                {
                  value: authority.code,
                  text: `All of ${authority.name}`,
                  selected: values.area === authority.code,
                },
              ]
            : []),
          ...[...wards]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((w) => ({ value: w.code, text: w.name, selected: values.area === w.code })),
        ],
        checkItems: [
          { value: 'yes', text: 'Only records not checked for 12 months', checked: needsChecking },
        ],
        mineItems: membership.organisationId
          ? [{ value: 'yes', text: 'Only my organisation’s services', checked: mine }]
          : undefined,
        filtered: Boolean(
          q || theme || needsChecking || mine || values.postcode || values.area || values.lsoa,
        ),
        total: result.total,
        canAdd: mayAddServices(membership),
        canCheckFeed: roleAllows(membership.role, 'import-data'),
        items: result.items.map((item) => ({
          ...item,
          href: `${base}/services/${item.id}`,
          organisationHref: `${base}/organisations/${item.organisationId}`,
          statusLabel: serviceStatusLabels[item.status],
          themeNames: item.themes.map(themeName),
          distance: item.distanceKm === undefined ? undefined : formatMiles(item.distanceKm),
          summary:
            item.description.length > 200 ? `${item.description.slice(0, 197).trimEnd()}…` : item.description,
        })),
        pagination:
          result.pages > 1
            ? {
                ...(result.page > 1 ? { previous: { href: pageHref(result.page - 1) } } : {}),
                ...(result.page < result.pages ? { next: { href: pageHref(result.page + 1) } } : {}),
                items: Array.from({ length: result.pages }, (_, i) => i + 1)
                  .filter((n) => n === 1 || n === result.pages || Math.abs(n - result.page) <= 2)
                  .flatMap((n, index, shown) => [
                    ...(index > 0 && n - (shown[index - 1] ?? n) > 1 ? [{ ellipsis: true }] : []),
                    { number: n, href: pageHref(n), current: n === result.page },
                  ]),
              }
            : undefined,
        page: result.page,
        pages: result.pages,
      },
      errors ? 400 : 200,
    );
  });

  app.get('/p/:slug/directory/organisations/:organisationId', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { organisationId } = request.params as { organisationId: string };
    const view = await services.directory.organisation(partnership.id, organisationId);
    const base = `/p/${partnership.slug}/directory`;
    const themeLines = await services.organisationThemes.forOrganisation(partnership.id, organisationId);
    const assigned = new Set(themeLines.filter((l) => l.status !== 'rejected').map((l) => l.themeId));
    return reply.page('directory/organisation.njk', {
      title: view.organisation.name,
      themeLines,
      themesHref: `${base}/organisations/${organisationId}/themes`,
      canDecideThemes: roleAllows(membership.role, 'edit') && !view.organisation.isPlaceholder,
      themesToAdd: [
        { value: '', text: 'Choose a theme' },
        ...services.directory.themes.themes
          .filter((t) => !assigned.has(t.id))
          .map((t) => ({ value: t.id, text: t.name })),
      ],
      potentialThemes: view.total === 0 ? themeLines.filter((l) => l.status !== 'rejected') : [],
      themesSaved: (request.query as { done?: string }).done === 'themes',
      organisation: view.organisation,
      kindLabel: organisationKindLabels[view.organisation.kind],
      total: view.total,
      canAdd:
        !view.organisation.isPlaceholder &&
        mayEditService(membership, { organisationId: view.organisation.id }),
      addHref: `${base}/services/new?organisation=${view.organisation.id}`,
      services: view.services.map((item) => ({
        ...item,
        href: `${base}/services/${item.id}`,
        statusLabel: serviceStatusLabels[item.status],
      })),
      backLink: { href: base, text: 'Directory of services' },
    });
  });

  const describeLocation = (location: ServiceLocation, editable: boolean) => {
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
  };

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
        statusItems: serviceStatuses.map((s) => ({
          value: s,
          text: serviceStatusLabels[s],
          checked: values.status === s,
        })),
        themeItems: themes().map((t) => ({
          value: t.id,
          text: t.name,
          hint: { text: t.description },
          checked: values.themes.includes(t.id),
        })),
        periodItems: [
          { value: '', text: 'Select a period' },
          ...capacityPeriods.map((p) => ({
            value: p,
            text: `A ${p}`,
            selected: values.capacityPeriod === p,
          })),
        ],
        errors,
        backLink: {
          href: `/p/${partnership.slug}/directory/services/${view.service.id}`,
          text: 'Back to the service',
        },
      },
      errors ? 400 : 200,
    );
  };

  const editableView = async (request: FastifyRequest) => {
    const { partnership, membership } = accessOf(request);
    const { serviceId } = request.params as { serviceId: string };
    const view = await services.directory.view(partnership.id, serviceId, membership);
    if (!view.editable) {
      throw new ForbiddenError(
        'Only people from the organisation that runs this service, or a partnership admin, can change it.',
      );
    }
    return view;
  };

  app.get('/p/:slug/directory/services/:serviceId/edit', { config: edit }, async (request, reply) => {
    const view = await editableView(request);
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
