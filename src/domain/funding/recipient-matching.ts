import { organisationIdentifier } from '../directory/identifiers.js';
import type { GrantMatch } from './grant.js';

/**
 * Which directory organisation received a grant. First by identifier: the grant's recipient id (GB-CHC-…,
 * GB-COH-…, 360G-…) or its charity or company number, against each organisation's identifier. Then by name:
 * both names are normalised (lower case, "&" as "and", punctuation and the words "the", "ltd", "limited",
 * "cio", "charity", "trust"… left out) and compared with the Sørensen–Dice coefficient of their letter pairs
 * (bigrams): 2 × shared pairs ÷ all pairs, from 0 (nothing shared) to 1 (the same). No well-kept string
 * similarity package is installed, and this measure is short, well known and copes with word order and small
 * spelling differences.
 */

export interface MatchableOrganisation {
  readonly id: string;
  readonly name: string;
  readonly identifier: string | null;
}

export interface GrantRecipient {
  readonly recipientOrgId: string | null;
  readonly recipientOrgName: string | null;
  readonly recipientCharityNumber: string | null;
  readonly recipientCompanyNumber: string | null;
}

export interface MatchThresholds {
  /** At or above this, a name match is taken without review. */
  readonly accept: number;
  /** Below this, a name is no match at all; between floor and accept, a person reviews it. */
  readonly floor: number;
}

export const defaultMatchThresholds: MatchThresholds = { accept: 0.9, floor: 0.6 };

/** Words that say what kind of body an organisation is, not which one. */
const legalWords = new Set([
  'the',
  'ltd',
  'limited',
  'cio',
  'cic',
  'plc',
  'llp',
  'inc',
  'co',
  'company',
  'incorporated',
]);

/** A name as compared: lower case, accents, punctuation and legal-form words left out. */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && !legalWords.has(word))
    .join(' ');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const squeezed = text.replace(/ /g, '');
  for (let i = 0; i < squeezed.length - 1; i += 1) {
    const pair = squeezed.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** A name ready to compare: normalised, with its letter pairs counted. */
interface ComparableName {
  readonly normalised: string;
  readonly pairs: Map<string, number>;
}

function comparable(name: string): ComparableName {
  const normalised = normaliseOrganisationName(name);
  return { normalised, pairs: bigrams(normalised) };
}

function similarity(x: ComparableName, y: ComparableName): number {
  if (x.normalised === '' || y.normalised === '') return 0;
  if (x.normalised === y.normalised) return 1;
  let shared = 0;
  let total = 0;
  for (const [pair, count] of x.pairs) {
    shared += Math.min(count, y.pairs.get(pair) ?? 0);
    total += count;
  }
  for (const count of y.pairs.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Sørensen–Dice similarity of two normalised names' letter pairs, 0 to 1. */
export function nameSimilarity(a: string, b: string): number {
  return similarity(comparable(a), comparable(b));
}

/** Every identifier the grant gives for its recipient, in org-id form. */
export function recipientIdentifiers(recipient: GrantRecipient): string[] {
  const ids = [
    recipient.recipientOrgId?.trim().toUpperCase() ?? null,
    organisationIdentifier('GB-CHC', recipient.recipientCharityNumber),
    organisationIdentifier('GB-COH', recipient.recipientCompanyNumber),
  ];
  const bareId = recipient.recipientOrgId?.trim().toUpperCase() ?? '';
  // "GB-COH-738693" written without its leading zeros still names company 00738693.
  const company = /^GB-COH-(\d+)$/.exec(bareId)?.[1];
  if (company) ids.push(organisationIdentifier('GB-COH', company));
  return [...new Set(ids.filter((id): id is string => id !== null && id !== ''))];
}

/** Looks organisations up by identifier; build once per import. */
export function organisationIndex(organisations: readonly MatchableOrganisation[]) {
  const byIdentifier = new Map<string, MatchableOrganisation>();
  for (const organisation of organisations) {
    const identifier = organisation.identifier?.trim().toUpperCase();
    if (identifier) {
      byIdentifier.set(identifier, organisation);
      const company = /^GB-COH-(\d+)$/.exec(identifier)?.[1];
      if (company) byIdentifier.set(`GB-COH-${company.padStart(8, '0')}`, organisation);
    }
  }
  // Each name is normalised and its letter pairs counted once, not once for every grant compared with it.
  const named = organisations.map((organisation) => ({ organisation, name: comparable(organisation.name) }));
  return { byIdentifier, named };
}

export type OrganisationIndex = ReturnType<typeof organisationIndex>;

/** The best match for a grant's recipient: by identifier (confidence 1), else the most similar name. */
export function matchRecipient(
  recipient: GrantRecipient,
  index: OrganisationIndex,
  thresholds: MatchThresholds = defaultMatchThresholds,
): GrantMatch {
  for (const id of recipientIdentifiers(recipient)) {
    const found = index.byIdentifier.get(id);
    if (found) return { organisationId: found.id, method: 'identifier', confidence: 1 };
  }
  const name = recipient.recipientOrgName;
  if (!name) return { organisationId: null, method: 'none', confidence: null };
  const recipientName = comparable(name);
  let best: { id: string; score: number } | null = null;
  for (const candidate of index.named) {
    const score = similarity(recipientName, candidate.name);
    if (score > (best?.score ?? 0)) best = { id: candidate.organisation.id, score };
  }
  if (!best || best.score < thresholds.floor)
    return { organisationId: null, method: 'none', confidence: null };
  return { organisationId: best.id, method: 'name', confidence: Math.round(best.score * 1000) / 1000 };
}

/** True for a name match a person should confirm or reject: above the floor but below the accept level. */
export function needsReview(
  match: GrantMatch,
  thresholds: MatchThresholds = defaultMatchThresholds,
): boolean {
  return (
    match.method === 'name' && match.organisationId !== null && (match.confidence ?? 0) < thresholds.accept
  );
}
