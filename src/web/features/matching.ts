import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import { serviceLoads, unmetByAreaAndTheme, unmetByTheme } from '../../app/matching/run-results.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { formErrors, text } from '../forms.js';
import { describeReachRule } from '../../domain/needs/reach-rule.js';
import {
  assumptionLines,
  km,
  percent,
  runListRow,
  runReachText,
  unmetMap,
  whole,
} from '../view-models/matching-view.js';
import { accessOf, actorOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;
const runner = { access: { partnership: 'run-matching' } } as const;

/** Every value of a form field that may be sent more than once (checkboxes). */
export const many = (body: unknown, field: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
};

/** A number typed in a form: NaN when it is not one, so the schema says what is wrong. */
export const typedNumber = (raw: string) => (/^\d*\.?\d+$/.test(raw) ? Number(raw) : Number.NaN);

/** The person starting a run, by name. */
export const namedActor = (request: FastifyRequest) => ({
  ...actorOf(request),
  label: request.live?.user.displayName ?? actorOf(request).label,
});

/** The matching pages: saved allocation runs, a run's results and an area's allocation explained. */
export function registerMatching(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;
  const themeName = (id: string) => themes().find((t) => t.id === id)?.name ?? id;

  const showIndex = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: { themes: string[]; maxKm: string },
    errors?: Record<string, string>,
  ) => {
    const { partnership, membership } = accessOf(request);
    const [runs, needs] = await Promise.all([
      services.matching.list(partnership),
      services.store.needs.listForPartnership(partnership.id),
    ]);
    const withNeeds = new Set(needs.map((n) => n.theme));
    const chosen = new Set(values?.themes ?? [...withNeeds]);
    return reply.page(
      'matching/index.njk',
      {
        title: 'Matching needs to services',
        mayRun: roleAllows(membership.role, 'run-matching'),
        runs: runs.map((r) => runListRow(partnership.slug, r, themeName)),
        themeItems: themes().map((t) => ({
          value: t.id,
          text: t.name,
          checked: chosen.has(t.id),
          hint: { text: withNeeds.has(t.id) ? 'Has needs records' : 'No needs records yet' },
        })),
        maxKm: values?.maxKm ?? '',
        reachRule: describeReachRule((await services.gaps.settings(partnership.id)).settings.reachKm),
        errors: errors ? formErrors(errors) : undefined,
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/matching', { config: member }, (request, reply) => showIndex(request, reply));

  app.post('/p/:slug/matching/runs', { config: runner }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const values = { themes: many(request.body, 'themes'), maxKm: text(request.body, 'maxKm') };
    const result = await services.matching.start(
      partnership,
      { themes: values.themes, ...(values.maxKm === '' ? {} : { maxKm: typedNumber(values.maxKm) }) },
      namedActor(request),
    );
    if (!result.ok) return showIndex(request, reply, values, result.errors);
    return reply.redirect(`/p/${partnership.slug}/matching/runs/${result.run.id}`, 303);
  });

  app.get('/p/:slug/matching/runs/:id', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { id } = request.params as { id: string };
    const run = await services.matching.open(partnership, id);
    if (!run) throw new NotFoundError('There is no such allocation run in this partnership');
    const rows = unmetByAreaAndTheme(run.input, run.allocation);
    const geography = await services.areas.forPartnership(partnership);
    const { svg, legend } = unmetMap('matching-map', run, rows, geography);
    const base = `/p/${partnership.slug}/matching/runs/${id}`;
    const a = run.allocation;
    const loads = serviceLoads(run.input, a);
    const groups = run.input.allocation.demands.length;
    const places = new Set(run.input.allocation.demands.map((d) => d.areaCode)).size;
    return reply.page('matching/run.njk', {
      title: 'Allocation run',
      run: run.summary,
      themesText: run.input.themes.map((t) => t.name).join(', '),
      reach: runReachText(run.input),
      mayRun: roleAllows(membership.role, 'run-matching'),
      whatIfHref: `${base}/what-if`,
      assumptions: assumptionLines(run),
      totals: [
        {
          key: { text: 'People with a need' },
          value: {
            text: `${whole(a.allocatedUnits + a.unmetUnits)}, in ${whole(groups)} recorded ${groups === 1 ? 'need' : 'needs'} (groups of people) in ${whole(places)} ${places === 1 ? 'place' : 'places'}`,
          },
        },
        {
          key: { text: 'Placed with a service' },
          value: {
            text: `${whole(a.allocatedUnits)} (${percent(a.allocatedUnits, a.allocatedUnits + a.unmetUnits)})`,
          },
        },
        {
          key: { text: 'Unmet' },
          value: {
            text: `${whole(a.unmetUnits)} (${percent(a.unmetUnits, a.allocatedUnits + a.unmetUnits)})`,
          },
        },
        {
          key: { text: 'Services that could take people' },
          value: { text: whole(run.input.allocation.services.length) },
        },
      ],
      workings: [
        {
          key: { text: 'Total travel' },
          value: { text: `${whole(a.travelKm)} km, adding up every placed person’s straight-line journey` },
        },
        {
          key: { text: 'Penalty for each unmet person' },
          value: {
            text: `${whole(a.unmetPenalty)} km of travel: more than any rearrangement of journeys could save, so as many people as possible are placed first`,
          },
        },
        {
          key: { text: 'Total cost (travel plus the penalties)' },
          value: { text: whole(a.cost) },
        },
        {
          key: { text: 'Cost of placing people nearest first instead' },
          value: {
            text: `${whole(a.greedyCost)}, leaving ${whole(a.greedyUnmetUnits)} people unmet${a.greedyCost > a.cost ? `: ${whole(a.greedyCost - a.cost)} more than this allocation` : ', the same as this allocation'}`,
          },
        },
      ],
      svg,
      legend,
      byTheme: unmetByTheme(rows, run.input).map((t) => ({
        ...t,
        unitsText: whole(t.units),
        allocatedText: whole(t.allocated),
        unmetText: `${whole(t.unmet)} (${percent(t.unmet, t.units)})`,
      })),
      rows: rows.map((r) => ({
        ...r,
        unitsText: whole(r.units),
        allocatedText: whole(r.allocated),
        unmetText: whole(r.unmet),
        href: `${base}/areas/${r.areaCode}`,
      })),
      loads: loads.map((l) => ({
        ...l,
        href: `/p/${partnership.slug}/directory/services/${l.serviceId}`,
        capacityText: `${whole(l.capacity)}${l.capacityKnown ? '' : ' (assumed)'}`,
        loadText: whole(l.load),
        shareText: l.share === null ? 'No capacity' : percent(l.load, l.capacity),
        status: l.open ? '' : 'Not running',
      })),
      backLink: { href: `/p/${partnership.slug}/matching`, text: 'Back to matching' },
    });
  });

  app.get('/p/:slug/matching/runs/:id/areas/:code', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const { id, code } = request.params as { id: string; code: string };
    const found = await services.matching.explainArea(partnership, id, code);
    if (!found) throw new NotFoundError('There is no such area in this allocation run');
    const { run, area, explanation: e } = found;
    const themeNames = new Map(run.input.themes.map((t) => [t.id, t.name]));
    return reply.page('matching/area.njk', {
      title: `${area.name}: allocation explained`,
      area,
      summary: [
        { key: { text: 'People with a need' }, value: { text: whole(e.units) } },
        { key: { text: 'Placed with a service' }, value: { text: whole(e.allocated) } },
        { key: { text: 'Unmet' }, value: { text: whole(e.unmet) } },
        { key: { text: 'How far people are asked to travel' }, value: { text: runReachText(run.input) } },
      ],
      demands: e.demands.map((d) => ({
        themeName: themeNames.get(d.demand.theme) ?? d.demand.theme,
        units: whole(d.demand.units),
        unmet: whole(d.unmet),
        unmetDetail: d.unmetDetail,
        feasible: d.feasibleServices,
        helpHref: d.demand.needId
          ? `/p/${partnership.slug}/who-can-help?need=${d.demand.needId}`
          : `/p/${partnership.slug}/who-can-help?area=${area.code}&theme=${d.demand.theme}`,
        placements: d.placements.map((p) => ({
          name: p.serviceName,
          href: p.serviceId.startsWith('what-if')
            ? null
            : `/p/${partnership.slug}/directory/services/${p.serviceId}`,
          units: whole(p.units),
          distance: p.reach === 'covers the area' ? 'Covers the area' : km(p.distanceKm),
          why: p.why,
        })),
      })),
      backLink: { href: `/p/${partnership.slug}/matching/runs/${id}`, text: 'Back to the allocation run' },
    });
  });
}
