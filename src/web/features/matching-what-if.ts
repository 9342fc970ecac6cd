import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import type { OpenedRun } from '../../app/matching/matching-runs.js';
import { unmetByAreaAndTheme, unmetByTheme } from '../../app/matching/run-results.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { percent, unmetMap, whole } from '../view-models/matching-view.js';
import { accessOf } from './members.js';

const runner = { access: { partnership: 'run-matching' } } as const;

const fieldsOf = (body: unknown) =>
  Object.fromEntries(
    ['change', 'serviceId', 'capacity', 'postcode', 'name', 'theme'].map((f) => [f, text(body, f)]),
  );

/**
 * What-if on a saved run: change one service's capacity, move it to a postcode, or add a service; the result is
 * shown side by side with the saved run (unmet need by area and theme). Nothing is saved.
 */
export function registerMatchingWhatIf(app: FastifyInstance, services: Services): void {
  const load = async (request: FastifyRequest) => {
    const { partnership } = accessOf(request);
    const { id } = request.params as { id: string };
    const run = await services.matching.open(partnership, id);
    if (!run) throw new NotFoundError('There is no such allocation run in this partnership');
    return { partnership, run, base: `/p/${partnership.slug}/matching/runs/${id}` };
  };

  const showForm = (
    reply: FastifyReply,
    run: OpenedRun,
    base: string,
    values: Record<string, string>,
    errors?: Readonly<Record<string, string>>,
  ) => {
    // Each change has its own form, so each field's id starts with its change: capacity-serviceId, add-name.
    const prefixed = Object.fromEntries(
      Object.entries(errors ?? {}).map(([name, message]) => [
        `${values.change || 'capacity'}-${name}`,
        message,
      ]),
    );
    const field = (id: string) => (prefixed[id] ? { text: prefixed[id] } : undefined);
    const serviceItems = [
      { value: '', text: 'Choose a service' },
      ...run.input.allocation.services
        .map((s) => ({ value: s.id, text: s.name, selected: s.id === values.serviceId }))
        .sort((a, b) => a.text.localeCompare(b.text)),
    ];
    return reply.page(
      'matching/what-if.njk',
      {
        title: 'What if',
        action: `${base}/what-if`,
        values,
        serviceItems,
        themeItems: run.input.themes.map((t) => ({
          value: t.id,
          text: t.name,
          selected: t.id === values.theme,
        })),
        fieldErrors: Object.fromEntries(
          [
            'capacity-serviceId',
            'capacity-capacity',
            'move-serviceId',
            'move-postcode',
            'add-name',
            'add-theme',
            'add-capacity',
            'add-postcode',
          ].map((id) => [id, field(id)]),
        ),
        errors: errors ? formErrors(prefixed) : undefined,
        backLink: { href: base, text: 'Back to the allocation run' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/matching/runs/:id/what-if', { config: runner }, async (request, reply) => {
    const { run, base } = await load(request);
    return showForm(reply, run, base, fieldsOf({ change: text(request.query, 'change') || 'capacity' }));
  });

  app.post('/p/:slug/matching/runs/:id/what-if', { config: runner }, async (request, reply) => {
    const { partnership, run, base } = await load(request);
    const values = fieldsOf(request.body);
    const change = values.change;
    const raw =
      change === 'capacity'
        ? {
            change,
            serviceId: values.serviceId,
            capacity: values.capacity === '' ? Number.NaN : values.capacity,
          }
        : change === 'move'
          ? { change, serviceId: values.serviceId, postcode: values.postcode }
          : {
              change,
              name: values.name,
              theme: values.theme,
              capacity: values.capacity === '' ? Number.NaN : values.capacity,
              postcode: values.postcode,
            };
    const result = await services.matching.whatIf(partnership, run.summary.id, raw);
    if (!result) throw new NotFoundError('There is no such allocation run in this partnership');
    if (!result.ok) return showForm(reply, run, base, values, result.errors);
    const whatIfRun = { ...run, input: result.input, allocation: result.allocation };
    const savedRows = unmetByAreaAndTheme(run.input, run.allocation);
    const whatIfRows = unmetByAreaAndTheme(result.input, result.allocation);
    const geography = await services.areas.forPartnership(partnership);
    const savedMap = unmetMap('saved-map', run, savedRows, geography);
    const whatIfMap = unmetMap('what-if-map', whatIfRun, whatIfRows, geography);
    const savedThemes = unmetByTheme(savedRows, run.input);
    const whatIfThemes = new Map(unmetByTheme(whatIfRows, result.input).map((t) => [t.theme, t]));
    const sa = run.allocation;
    const wa = result.allocation;
    const total = sa.allocatedUnits + sa.unmetUnits;
    const signed = (n: number) => (n > 0 ? `+${whole(n)}` : n < 0 ? `−${whole(-n)}` : 'No change');
    return reply.page('matching/what-if-result.njk', {
      title: 'What if: result',
      description: result.description,
      totals: [
        {
          label: 'Unmet',
          saved: `${whole(sa.unmetUnits)} (${percent(sa.unmetUnits, total)})`,
          whatIf: `${whole(wa.unmetUnits)} (${percent(wa.unmetUnits, total)})`,
          change: signed(wa.unmetUnits - sa.unmetUnits),
        },
        {
          label: 'Placed with a service',
          saved: whole(sa.allocatedUnits),
          whatIf: whole(wa.allocatedUnits),
          change: signed(wa.allocatedUnits - sa.allocatedUnits),
        },
        {
          label: 'Total travel (person-km)',
          saved: whole(sa.travelKm),
          whatIf: whole(wa.travelKm),
          change: signed(Math.round(wa.travelKm - sa.travelKm)),
        },
      ],
      byTheme: savedThemes.map((t) => {
        const after = whatIfThemes.get(t.theme)?.unmet ?? t.unmet;
        return {
          themeName: t.themeName,
          units: whole(t.units),
          saved: whole(t.unmet),
          whatIf: whole(after),
          change: signed(after - t.unmet),
        };
      }),
      rows: result.rows.map((r) => ({
        ...r,
        unitsText: whole(r.units),
        savedText: whole(r.savedUnmet),
        whatIfText: whole(r.whatIfUnmet),
        change: signed(r.whatIfUnmet - r.savedUnmet),
      })),
      savedMap,
      whatIfMap,
      againHref: `${base}/what-if`,
      runHref: base,
      backLink: { href: base, text: 'Back to the allocation run' },
    });
  });
}
