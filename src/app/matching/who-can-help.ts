import { z } from 'zod';
import { rankServices } from '../../domain/matching/allocate.js';
import type { MatchCircumstances, ServiceRanking } from '../../domain/matching/allocation-types.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import { resolveHelpTarget, type HelpQuestion, type HelpTarget } from './help-target.js';
import { partnershipPlaces } from './matching-demand.js';
import { nearestBeyondReach, type BeyondReach } from '../../domain/matching/next-steps.js';
import { describeReachHere, reachKmFor } from '../../domain/needs/reach-rule.js';
import { readReachRule } from '../gaps/reach-rule.js';
import { openMatchingRun, type MatchingDeps } from './matching-runs.js';
import {
  organisationsWorkingOn,
  potentialProvisionFor,
  type PotentialOrganisations,
  type ThemeOrganisation,
} from './theme-organisations.js';
import { defaultCapacityPerWeek, supplyForThemes, type SupplyService } from './matching-supply.js';

const optionalText = z
  .string()
  .trim()
  .max(200, 'Use 200 characters or fewer')
  .optional()
  .transform((v) => (v ? v : undefined));
/** A number typed as text (or sent as a number); empty means not given. */
function optionalNumber(message: string, min: number, max: number, whole: boolean) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, ctx) => {
      const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
      if (text === '') return undefined;
      const n = Number(text);
      if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });
}

const ageMessage = 'Enter an age in whole years from 0 to 120, like 67';
const kmMessage = 'Enter a distance from 0.1 to 100 kilometres, like 5';

/** "Who can help" as asked by the form, the API or the command line (every value as text, all optional). */
export const helpRequestSchema = z.object({
  need: optionalText,
  area: optionalText,
  postcode: optionalText,
  theme: optionalText,
  age: optionalNumber(ageMessage, 0, 120, true),
  language: optionalText,
  access: optionalText,
  maxKm: optionalNumber(kmMessage, 0.1, 100, false),
});

export type HelpResult =
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> }
  | {
      readonly ok: true;
      readonly target: HelpTarget;
      readonly themeName: string;
      readonly circumstances: MatchCircumstances;
      readonly maxKm: number;
      /** "Services count within 3 km of this area…" when the reach rule set maxKm; null when the person did. */
      readonly reachRule: string | null;
      readonly ranking: ServiceRanking;
      /** Next steps when no service can help: the nearest services beyond the reach, organisations on the theme. */
      readonly beyondReach: readonly BeyondReach[];
      readonly organisations: readonly ThemeOrganisation[];
      /** Organisations that work on the theme but list no service (potential provision), apart from services. */
      readonly potentialProvision: PotentialOrganisations;
      readonly services: ReadonlyMap<string, SupplyService>;
      /** The saved run whose loads were used for room left, if any. */
      readonly loadsFromRunId: string | null;
    };

function questionOf(
  request: z.infer<typeof helpRequestSchema>,
): HelpQuestion | { error: Record<string, string> } {
  if (request.need) return { kind: 'need', needId: request.need };
  if (!request.postcode && !request.area)
    return {
      error: { area: 'Choose a need, or an area and a theme, or enter a postcode and choose a theme' },
    };
  if (!request.theme) return { error: { theme: 'Select a theme' } };
  if (request.postcode) return { kind: 'postcode', postcode: request.postcode, theme: request.theme };
  return { kind: 'area', areaCode: request.area ?? '', theme: request.theme };
}

/** The newest saved run covering the theme: its loads say how much room each service has left. */
async function latestLoads(deps: MatchingDeps, partnership: PartnershipRecord, theme: string) {
  const summary = (await deps.store.matchingRuns.list(partnership.id, 20)).find((r) =>
    r.themes.includes(theme),
  );
  const run = summary && (await openMatchingRun(deps, partnership, summary.id));
  if (!run) return { loads: undefined, runId: null };
  return { loads: new Map(run.allocation.loads.map((l) => [l.serviceId, l.load])), runId: run.summary.id };
}

/**
 * Ranks the partnership's services for one need (a needs record, an area and theme, or a postcode and theme
 * with a person's age, language and access needs), with the reasons for each and for those left out.
 */
export async function whoCanHelp(
  deps: MatchingDeps,
  partnership: PartnershipRecord,
  raw: unknown,
): Promise<HelpResult> {
  const parsed = helpRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  }
  const question = questionOf(parsed.data);
  if ('error' in question) return { ok: false, errors: question.error };
  const themeName = (id: string) => deps.themes.themes.find((t) => t.id === id)?.name;
  const places = await partnershipPlaces(deps.store, partnership);
  const resolved = await resolveHelpTarget(deps.store, partnership, places.areas, question, themeName);
  if (!resolved.ok) return { ok: false, errors: { [resolved.field]: resolved.message } };
  const { target } = resolved;
  const reach = await readReachRule(deps.store, partnership.id);
  const reachClass = places.areas.get(target.areaCode)?.ruralUrban ?? null;
  const maxKm = parsed.data.maxKm ?? reachKmFor(reach.rule, reachClass);
  const circumstances: MatchCircumstances = {
    ...(parsed.data.age !== undefined ? { age: parsed.data.age } : {}),
    ...(parsed.data.language ? { languages: [parsed.data.language] } : {}),
    ...(parsed.data.access ? { accessNeeds: [parsed.data.access] } : {}),
  };
  const [supply, { loads, runId }] = await Promise.all([
    supplyForThemes(deps.store, partnership.id, [target.theme]),
    latestLoads(deps, partnership, target.theme),
  ]);
  const ranking = rankServices({
    point: target.point,
    areaCode: target.areaCode,
    relatedAreaCodes: target.relatedAreaCodes,
    theme: target.theme,
    circumstances,
    services: supply,
    maxTravelKm: maxKm,
    today: deps.clock.now().toISOString().slice(0, 10),
    unknownCapacity: defaultCapacityPerWeek,
    ...(loads ? { loads } : {}),
  });
  const empty = ranking.ranked.length === 0;
  return {
    ok: true,
    target,
    themeName: themeName(target.theme) ?? target.theme,
    circumstances,
    maxKm,
    reachRule: parsed.data.maxKm === undefined ? describeReachHere(reach.rule, reachClass) : null,
    ranking,
    beyondReach: empty ? nearestBeyondReach(ranking) : [],
    organisations: empty
      ? await organisationsWorkingOn(deps.store, partnership.id, target.theme, supply)
      : [],
    potentialProvision: await potentialProvisionFor(deps.store, partnership.id, target.theme),
    services: new Map(supply.map((s) => [s.id, s])),
    loadsFromRunId: runId,
  };
}
