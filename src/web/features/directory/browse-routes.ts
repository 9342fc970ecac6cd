import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { serviceStatusLabels } from '../../../domain/directory/model.js';
import { mayEditService } from '../../../domain/directory/service-form.js';
import { organisationKindLabels } from '../../../domain/partnerships/organisation-kinds.js';
import { roleAllows } from '../../../domain/accounts/roles.js';
import { formErrors } from '../../forms.js';
import { accessOf } from '../members.js';
import { areaPage, distanceChoices, formatMiles, kmPerMile, placeValues, readPlaceSearch } from './places.js';
import { mayAddServices } from './service-form.js';

const member = { access: { partnership: 'member' } } as const;

/** Browsing the directory: search and filter services, and an organisation's page with its themes. */
export function registerDirectoryBrowse(app: FastifyInstance, services: Services): void {
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
}
