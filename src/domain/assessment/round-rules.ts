import type { Side } from '../results/rating.js';
import { DEFAULT_THRESHOLD, MINIMUM_THRESHOLD } from '../results/anonymity.js';

export type RoundKind = 'quick' | 'full';
export const roundKindLabels: Record<RoundKind, string> = {
  quick: 'Quick check (8 questions, about 10 minutes)',
  full: 'Full assessment (24 questions, about 30 minutes)',
};

export const groupKinds = ['council', 'vcs', 'faith', 'health', 'custom'] as const;
export type GroupKind = (typeof groupKinds)[number];

export const groupKindLabels: Record<GroupKind, string> = {
  council: 'Council (councillors and officers)',
  vcs: 'Voluntary and community sector',
  faith: 'Faith groups',
  health: 'Health partners',
  custom: 'Another group',
};

/**
 * The side a group sits on unless it says otherwise. Health partners are statutory bodies, so they sit with the
 * council by default; a custom group must choose.
 */
export const defaultSides: Record<Exclude<GroupKind, 'custom'>, Side> = {
  council: 'council',
  vcs: 'community',
  faith: 'community',
  health: 'council',
};

export const maximumThreshold = 50;

export interface RoundDraft {
  readonly name: string;
  readonly kind: string;
  readonly threshold: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly groups: readonly { kind: string; name: string; side: string }[];
}

export interface CheckedRound {
  readonly name: string;
  readonly kind: RoundKind;
  readonly threshold: number;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly groups: readonly { kind: GroupKind; name: string; side: Side }[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Checks a new round as an admin typed it. Problems are keyed by form field and written for people. */
export function checkRoundDraft(
  draft: RoundDraft,
  today: string,
): { ok: true; value: CheckedRound } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const name = draft.name.trim();
  if (name.length < 3 || name.length > 120)
    problems.name = 'Enter a name for the round, from 3 to 120 characters';
  if (draft.kind !== 'quick' && draft.kind !== 'full')
    problems.kind = 'Select a quick check or a full assessment';
  const threshold = draft.threshold.trim() === '' ? DEFAULT_THRESHOLD : Number(draft.threshold);
  if (!Number.isInteger(threshold) || threshold < MINIMUM_THRESHOLD || threshold > maximumThreshold) {
    problems.threshold = `Enter a whole number from ${MINIMUM_THRESHOLD} to ${maximumThreshold}`;
  }
  if (!isRealDate(draft.opensOn)) problems.opensOn = 'Enter a real opening date';
  if (!isRealDate(draft.closesOn)) problems.closesOn = 'Enter a real closing date';
  else if (draft.closesOn < today) problems.closesOn = 'The closing date must be today or in the future';
  else if (isRealDate(draft.opensOn) && draft.closesOn < draft.opensOn) {
    problems.closesOn = 'The closing date must be on or after the opening date';
  }
  const groups: { kind: GroupKind; name: string; side: Side }[] = [];
  const seen = new Set<string>();
  draft.groups.forEach((group, index) => {
    const kind = group.kind as GroupKind;
    const groupName = group.name.trim();
    if (!(groupKinds as readonly string[]).includes(group.kind)) return;
    const side =
      kind === 'custom'
        ? group.side === 'council' || group.side === 'community'
          ? group.side
          : undefined
        : defaultSides[kind];
    if (groupName.length < 2 || groupName.length > 80) {
      problems[`groups-${index}-name`] = 'Enter a name for each group, from 2 to 80 characters';
    } else if (seen.has(groupName.toLowerCase())) {
      problems[`groups-${index}-name`] =
        `There are two groups called ${groupName}: give each group its own name`;
    }
    if (!side) problems[`groups-${index}-side`] = `Select the side that ${groupName || 'the group'} is on`;
    seen.add(groupName.toLowerCase());
    if (side) groups.push({ kind, name: groupName, side });
  });
  if (draft.groups.length === 0) problems.groups = 'Choose at least one group of people to ask';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      kind: draft.kind as RoundKind,
      threshold,
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
      groups,
    },
  };
}

export type RoundStatus = 'scheduled' | 'open' | 'closed';

/** A round is open from its opening date to the end of its closing date (dates in UK local time), unless closed early. */
export function roundStatus(
  round: { opensOn: string; closesOn: string; closedAt: string | null },
  today: string,
): RoundStatus {
  if (round.closedAt || today > round.closesOn) return 'closed';
  return today < round.opensOn ? 'scheduled' : 'open';
}

/** Today's date in the UK, as YYYY-MM-DD, from a clock reading. */
export function ukDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
