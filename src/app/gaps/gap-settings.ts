import { z } from 'zod';
import type { GapSettings } from '../../domain/needs/analysis-types.js';
import { defaultGapSettings } from '../../domain/needs/analyse.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { readReachRule } from './reach-rule.js';

/**
 * A partnership's own gap settings, kept as JSON in the key/value settings under `gap-settings:{id}`: the
 * engine's settings and its own weight for each statistic-to-theme link (by `theme|indicator`). Checked with zod
 * when saved and when read back; a stored value that no longer fits is ignored in favour of the defaults. The
 * reach is the partnership's reach rule (its own columns, shared with matching and commissioning), edited here.
 */
export interface PartnershipGapSettings {
  readonly settings: GapSettings;
  readonly linkWeights: Readonly<Record<string, number>>;
  /** False while the partnership uses the defaults. */
  readonly customised: boolean;
}

const between = (low: number, high: number, message: string) =>
  z.number({ error: message }).min(low, message).max(high, message);
const weight = between(0, 10, 'Enter a weight from 0 to 10, like 0.5');
const km = between(0.1, 100, 'Enter a distance from 0.1 to 100 kilometres, like 3');
const score = between(0, 100, 'Enter a need score from 0 to 100');
const provision = between(0, 1000, 'Enter a number of service-equivalents from 0 to 1000, like 1.5');

const reachSchema = z.object({ urban: km, town: km, rural: km });

const engineSettings = z
  .object({
    weights: z.object({ statistics: weight, localRecords: weight }),
    thresholds: z.object({
      highNeed: score,
      lowNeed: score,
      littleProvision: provision,
      thinProvision: provision,
      overlapProvision: provision,
    }),
  })
  .superRefine((s, ctx) => {
    if (s.weights.statistics + s.weights.localRecords <= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['weights', 'statistics'],
        message: 'Give the statistics or the local records a weight above 0',
      });
    if (s.thresholds.lowNeed > s.thresholds.highNeed)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'lowNeed'],
        message: 'Low need must be at or below high need',
      });
    if (s.thresholds.littleProvision > s.thresholds.thinProvision)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'littleProvision'],
        message: 'Little provision must be at or below thin provision',
      });
    if (s.thresholds.thinProvision > s.thresholds.overlapProvision)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'thinProvision'],
        message: 'Thin provision must be at or below overlap',
      });
  });

const storedSchema = z.object({
  settings: engineSettings,
  linkWeights: z.record(z.string().max(130), weight),
});

/** What the settings form sends: the stored settings and the reach rule. */
const formSchema = z.object({
  settings: engineSettings.and(z.object({ reachKm: reachSchema })),
  linkWeights: storedSchema.shape.linkWeights,
});

export const gapSettingsKey = (partnershipId: string) => `gap-settings:${partnershipId}`;

export const defaultPartnershipGapSettings: PartnershipGapSettings = {
  settings: defaultGapSettings,
  linkWeights: {},
  customised: false,
};

function parseStored(text: string | undefined) {
  if (!text) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function readGapSettings(store: Store, partnershipId: string): Promise<PartnershipGapSettings> {
  const [stored, reach] = await Promise.all([
    store.settings.get(gapSettingsKey(partnershipId)).then(parseStored),
    readReachRule(store, partnershipId),
  ]);
  return {
    settings: { ...(stored?.settings ?? defaultGapSettings), reachKm: reach.rule },
    linkWeights: stored?.linkWeights ?? {},
    customised: stored !== undefined || reach.customised,
  };
}

export type SaveGapSettingsResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** Checks and saves the settings; errors are keyed by dotted path (`thresholds.highNeed`). */
export async function saveGapSettings(
  store: Store,
  clock: Clock,
  partnershipId: string,
  value: { settings: unknown; linkWeights: unknown },
  actor: Actor,
): Promise<SaveGapSettingsResult> {
  const parsed = formSchema.safeParse(value);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.').replace(/^settings\./, '');
      errors[path] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const { reachKm, ...settings } = parsed.data.settings;
  await store.settings.set(
    gapSettingsKey(partnershipId),
    JSON.stringify({ settings, linkWeights: parsed.data.linkWeights }),
  );
  await store.partnerships.setReachRule(partnershipId, reachKm);
  await recordAudit(store, clock, {
    partnershipId,
    actor,
    action: 'gap-settings-changed',
    subject: 'Needs map settings',
  });
  return { ok: true };
}

/** Back to the defaults: the stored value is replaced by an empty marker that reads as "no settings". */
export async function resetGapSettings(
  store: Store,
  clock: Clock,
  partnershipId: string,
  actor: Actor,
): Promise<void> {
  await store.settings.set(gapSettingsKey(partnershipId), '');
  await store.partnerships.setReachRule(partnershipId, { urban: null, town: null, rural: null });
  await recordAudit(store, clock, {
    partnershipId,
    actor,
    action: 'gap-settings-reset',
    subject: 'Needs map settings',
  });
}
