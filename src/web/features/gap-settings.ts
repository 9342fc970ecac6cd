import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PartnershipGapSettings } from '../../app/gaps/gap-settings.js';
import type { Services } from '../../app/services.js';
import { linkKey } from '../../domain/needs/indicator-themes.js';
import { describeReachRule } from '../../domain/needs/reach-rule.js';
import { escapeXml } from '../charts/escape-xml.js';
import { formErrors, text } from '../forms.js';
import { thresholdRows } from '../view-models/gap-view.js';
import { accessOf, actorOf } from './members.js';

const manage = { access: { partnership: 'manage-settings' } } as const;

/** The number fields of the form: name, where the value lives in the settings, label and hint. */
const fields = [
  ['statistics', 'weights.statistics', 'Weight of area statistics', 'Any number from 0 to 10'],
  ['localRecords', 'weights.localRecords', 'Weight of local needs records', 'Any number from 0 to 10'],
  ['urban', 'reachKm.urban', 'Reach in towns and cities (km)', 'A walk or a short bus ride'],
  ['town', 'reachKm.town', 'Reach in small towns and larger villages (km)', 'A bus or car journey'],
  [
    'rural',
    'reachKm.rural',
    'Reach in smaller villages and the countryside (km)',
    'Further, as people travel further',
  ],
  ['highNeed', 'thresholds.highNeed', 'High need: a need score of at least', 'From 0 to 100'],
  ['lowNeed', 'thresholds.lowNeed', 'Low need: a need score below', 'From 0 to 100, at or below high need'],
  ['littleProvision', 'thresholds.littleProvision', 'Little provision: below', 'Service-equivalents'],
  ['thinProvision', 'thresholds.thinProvision', 'Thin provision: below', 'Service-equivalents'],
  [
    'overlapProvision',
    'thresholds.overlapProvision',
    'Overlap: at least (where need is low)',
    'Service-equivalents',
  ],
] as const;

const read = (settings: PartnershipGapSettings['settings'], path: string): number => {
  const [group, key] = path.split('.') as [keyof typeof settings, string];
  return (settings[group] as Record<string, number>)[key] ?? 0;
};

/** A number typed in a form: NaN when it is not one, so the schema says what is wrong. */
const number = (raw: string) => (raw === '' || !/^-?\d*\.?\d+$/.test(raw) ? Number.NaN : Number(raw));

/** The partnership's gap settings: weights, reach, thresholds and each statistic's weight for each theme. */
export function registerGapSettings(app: FastifyInstance, services: Services): void {
  const base = (slug: string) => `/p/${slug}/needs/settings`;
  const themeNames = () => new Map(services.directory.themes.themes.map((t) => [t.id, t.name]));

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> | undefined,
    errors?: Record<string, string>,
  ) => {
    const { partnership } = accessOf(request);
    const current = await services.gaps.settings(partnership.id);
    const names = themeNames();
    const domains = new Map(services.gaps.indicatorThemes.domains.map((d) => [d.id, d.name]));
    const value = (name: string, path: string) => values?.[name] ?? String(read(current.settings, path));
    return reply.page(
      'needs/settings.njk',
      {
        title: 'Needs map settings',
        flash: errors
          ? undefined
          : { '1': 'The settings were saved.', reset: 'The settings are back to the defaults.' }[
              text(request.query, 'saved') || (text(request.query, 'reset') ? 'reset' : '')
            ],
        customised: current.customised,
        reachRule: describeReachRule(current.settings.reachKm),
        thresholdRows: thresholdRows(current.settings.thresholds),
        fields: fields.map(([name, path, label, hint]) => ({
          id: name,
          name,
          label: { text: label },
          hint: { text: hint },
          value: value(name, path),
          inputmode: 'decimal',
          spellcheck: false,
          classes: 'govuk-input--width-5',
          errorMessage: errors?.[path] ? { text: errors[path] } : undefined,
        })),
        links: services.gaps.indicatorThemes.links.map((link, i) => {
          const key = linkKey(link);
          const name = `link-${i}`;
          return {
            id: name,
            name,
            theme: names.get(link.theme) ?? link.theme,
            label: {
              html: `<span class="govuk-visually-hidden">${escapeXml(names.get(link.theme) ?? link.theme)}: </span>${escapeXml(domains.get(link.indicator) ?? link.indicator)}`,
            },
            value: values?.[name] ?? String(current.linkWeights[key] ?? link.weight),
            inputmode: 'decimal',
            spellcheck: false,
            classes: 'govuk-input--width-3',
            errorMessage: errors?.[`linkWeights.${key}`]
              ? { text: 'Enter a weight from 0 to 10' }
              : undefined,
          };
        }),
        errors: errors
          ? formErrors(
              Object.fromEntries(
                Object.entries(errors).map(([path, message]) => {
                  const field = fields.find((f) => f.at(1) === path)?.[0];
                  const linkIndex = services.gaps.indicatorThemes.links.findIndex(
                    (l) => `linkWeights.${linkKey(l)}` === path,
                  );
                  return [field ?? (linkIndex >= 0 ? `link-${linkIndex}` : 'statistics'), message];
                }),
              ),
            )
          : undefined,
        backLink: { href: `/p/${partnership.slug}/needs/map`, text: 'Back to the needs map' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/needs/settings', { config: manage }, (request, reply) => show(request, reply, undefined));

  app.post('/p/:slug/needs/settings', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const body = request.body;
    const values = Object.fromEntries(
      [...fields.map((f) => f[0]), ...services.gaps.indicatorThemes.links.map((_, i) => `link-${i}`)].map(
        (name) => [name, text(body, name)],
      ),
    );
    const n = (name: string) => number(values[name] ?? '');
    const result = await services.gaps.saveSettings(
      partnership.id,
      {
        settings: {
          weights: { statistics: n('statistics'), localRecords: n('localRecords') },
          reachKm: { urban: n('urban'), town: n('town'), rural: n('rural') },
          thresholds: {
            highNeed: n('highNeed'),
            lowNeed: n('lowNeed'),
            littleProvision: n('littleProvision'),
            thinProvision: n('thinProvision'),
            overlapProvision: n('overlapProvision'),
          },
        },
        // A link left empty keeps its default weight.
        linkWeights: Object.fromEntries(
          services.gaps.indicatorThemes.links.flatMap((link, i) =>
            values[`link-${i}`] ? [[linkKey(link), n(`link-${i}`)]] : [],
          ),
        ),
      },
      actorOf(request),
    );
    if (!result.ok) return show(request, reply, values, result.errors);
    return reply.redirect(`${base(partnership.slug)}?saved=1`, 303);
  });

  app.post('/p/:slug/needs/settings/reset', { config: manage }, async (request, reply) => {
    const { partnership } = accessOf(request);
    await services.gaps.resetSettings(partnership.id, actorOf(request));
    return reply.redirect(`${base(partnership.slug)}?reset=1`, 303);
  });
}
