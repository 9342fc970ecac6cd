import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { needSeverityLabels } from '../../domain/needs/model.js';
import { formErrors, text } from '../forms.js';
import { km } from '../view-models/matching-view.js';
import { potentialProvisionText } from '../../domain/needs/gap-class.js';
import { accessOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;
const fields = ['need', 'area', 'theme', 'postcode', 'age', 'language', 'access', 'maxKm'] as const;

const factorLabels: Record<string, string> = {
  theme: 'Theme',
  eligibility: 'Eligibility',
  language: 'Language',
  coverage: 'Coverage',
  distance: 'Distance',
  hours: 'Opening times',
  capacity: 'Capacity',
  checked: 'Last checked',
  access: 'Access',
};

/** "Who can help": services ranked for one need, with their reasons, and the services left out with theirs. */
export function registerWhoCanHelp(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/who-can-help', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const values = Object.fromEntries(fields.map((f) => [f, text(request.query, f)])) as Record<
      (typeof fields)[number],
      string
    >;
    const asked = fields.some((f) => values[f] !== '');
    const [result, context] = await Promise.all([
      asked ? services.matching.whoCanHelp(partnership, values) : Promise.resolve(undefined),
      services.needs.context(partnership),
    ]);
    const needs = await services.store.needs.listForPartnership(partnership.id);
    const themes = services.directory.themes.themes;
    const themeName = (id: string) => themes.find((t) => t.id === id)?.name ?? id;
    const areaName = (code: string) => context.areas.byCode.get(code)?.name ?? code;
    const errors = result && !result.ok ? result.errors : undefined;
    const slug = partnership.slug;
    return reply.page(
      'matching/who-can-help.njk',
      {
        title: result?.ok ? `Who can help with ${result.target.label}` : 'Who can help',
        values,
        needItems: [
          { value: '', text: 'No need chosen' },
          ...needs.map((n) => ({
            value: n.id,
            text: `${themeName(n.theme)} in ${areaName(n.areaCode)}: ${needSeverityLabels[n.severity].toLowerCase()}, ${n.peopleAffected === null ? 'people not known' : `${n.peopleAffected} people`} (${n.reportedOn})`,
            selected: n.id === values.need,
          })),
        ],
        areaItems: [
          { value: '', text: 'No area chosen' },
          ...context.areas.list.map((a) => ({
            value: a.code,
            text:
              a.level === 'lsoa'
                ? `${a.name} (LSOA)`
                : a.level === 'ward'
                  ? `${a.name} (ward)`
                  : `All of ${a.name}`,
            selected: a.code === values.area,
          })),
        ],
        themeItems: [
          { value: '', text: 'Choose a theme' },
          ...themes.map((t) => ({ value: t.id, text: t.name, selected: t.id === values.theme })),
        ],
        errors: errors ? formErrors(errors) : undefined,
        fieldErrors: Object.fromEntries(
          fields.map((f) => [f, errors?.[f] ? { text: errors[f] } : undefined]),
        ),
        result: result?.ok
          ? {
              label: result.target.label,
              themeName: result.themeName,
              maxKm: km(result.maxKm),
              reachRule: result.reachRule,
              beyondReach: result.beyondReach.map((b) => {
                // Rounded up to the next 100 m, so the service is within the distance asked for.
                const askKm = Math.ceil(b.distanceKm * 10) / 10;
                const asked = Object.entries(values).filter(([name, v]) => v !== '' && name !== 'maxKm');
                return {
                  name: b.name,
                  href: `/p/${slug}/directory/services/${b.serviceId}`,
                  distance: km(b.distanceKm),
                  ask:
                    askKm <= 100
                      ? {
                          href: `/p/${slug}/who-can-help?${new URLSearchParams([...asked, ['maxKm', String(askKm)]]).toString()}`,
                          distance: km(askKm),
                        }
                      : null,
                };
              }),
              organisations: result.organisations.map((o) => ({
                name: o.name,
                href: `/p/${slug}/directory/organisations/${o.id}`,
                why: o.why,
              })),
              potentialProvision: {
                text: potentialProvisionText(result.potentialProvision.total),
                total: result.potentialProvision.total,
                more: result.potentialProvision.total - result.potentialProvision.organisations.length,
                organisations: result.potentialProvision.organisations.map((o) => ({
                  name: o.name,
                  href: `/p/${slug}/directory/organisations/${o.id}`,
                  why: o.why,
                })),
              },
              recordNeedHref: roleAllows(membership.role, 'edit') ? `/p/${slug}/needs/new` : null,
              addServiceHref: roleAllows(membership.role, 'edit')
                ? `/p/${slug}/directory/services/new`
                : null,
              loadsFromRunHref: result.loadsFromRunId
                ? `/p/${slug}/matching/runs/${result.loadsFromRunId}`
                : null,
              ranked: result.ranking.ranked.map((r, i) => ({
                rank: i + 1,
                name: r.name,
                organisationName: result.services.get(r.serviceId)?.organisationName ?? null,
                href: `/p/${slug}/directory/services/${r.serviceId}`,
                score: Math.round(r.score),
                distance:
                  r.reach === 'covers the area'
                    ? `Covers the area${r.distanceKm === null ? '' : `; nearest place ${km(r.distanceKm)}`}`
                    : km(r.distanceKm),
                reasons: r.reasons.map((reason) => ({
                  factor: factorLabels[reason.factor] ?? reason.factor,
                  points: Math.round(reason.points * 10) / 10,
                  text: reason.text,
                })),
              })),
              leftOut: result.ranking.leftOut.map((l) => ({
                name: l.name,
                href: `/p/${slug}/directory/services/${l.serviceId}`,
                text: l.text,
              })),
            }
          : undefined,
      },
      errors ? 400 : 200,
    );
  });
}
