import { readGrantDate } from './grant-dates.js';
import { standardFieldsOf } from './standard-grant-fields.js';

/**
 * The checks 360Giving's own data-quality tool reports on a file, counted over its grants with a few example
 * identifiers each, so a publisher sees what makes the data less useful (nothing here stops an import).
 */

export const grantQualityChecks = [
  'no-data-source',
  'recipient-without-location',
  'recipient-only-360g-id',
  'no-beneficiary-location',
  'no-grant-programme',
  'title-same-as-description',
  'award-date-in-future',
  'zero-amount',
  'duplicate-id',
] as const;
export type GrantQualityCheck = (typeof grantQualityChecks)[number];

export interface GrantQualityResult {
  readonly check: GrantQualityCheck;
  /** What the check found, in plain English, as one line ("Grants with no data source"). */
  readonly label: string;
  readonly count: number;
  /** Up to three grant identifiers (or places in the file, for a grant with none). */
  readonly examples: readonly string[];
}

export interface GrantQualitySummary {
  readonly grants: number;
  /** Every check, in the order above, with its count (zero when the file passes it). */
  readonly checks: readonly GrantQualityResult[];
}

const labels: Record<GrantQualityCheck, string> = {
  'no-data-source': 'Grants with no Data Source (the web address the data comes from)',
  'recipient-without-location': 'Recipient organisations with no location (no postcode or geographic code)',
  'recipient-only-360g-id':
    'Recipient organisations identified only by a 360G- identifier (no charity or company number)',
  'no-beneficiary-location': 'Grants with no Beneficiary Location',
  'no-grant-programme': 'Grants with no Grant Programme',
  'title-same-as-description': 'Grants whose Title is the same as their Description',
  'award-date-in-future': 'Grants with an Award Date in the future',
  'zero-amount': 'Grants with an Amount Awarded of zero',
  'duplicate-id': 'Grants whose Identifier appears earlier in the file',
};

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const exampleLimit = 3;

/** Which checks one grant fails; `seen` holds the identifiers met so far in the file. */
function failures(grant: Json, today: string, seen: Set<string>): GrantQualityCheck[] {
  const failed: GrantQualityCheck[] = [];
  const id = typeof grant.id === 'string' ? grant.id.trim() : '';
  if (!filled(grant.dataSource)) failed.push('no-data-source');
  const recipient = list(grant.recipientOrganization)[0];
  if (recipient) {
    const located =
      filled(recipient.postalCode) || list(recipient.location).some((place) => filled(place.geoCode));
    if (!located) failed.push('recipient-without-location');
    const recipientId = typeof recipient.id === 'string' ? recipient.id.trim() : '';
    if (
      recipientId.toUpperCase().startsWith('360G-') &&
      !filled(recipient.charityNumber) &&
      !filled(recipient.companyNumber)
    ) {
      failed.push('recipient-only-360g-id');
    }
  }
  if (list(grant.beneficiaryLocation).length === 0) failed.push('no-beneficiary-location');
  if (!list(grant.grantProgramme).some((programme) => filled(programme.title) || filled(programme.code))) {
    failed.push('no-grant-programme');
  }
  if (
    filled(grant.title) &&
    filled(grant.description) &&
    String(grant.title).trim().toLowerCase() === String(grant.description).trim().toLowerCase()
  ) {
    failed.push('title-same-as-description');
  }
  const awarded = readGrantDate(grant.awardDate);
  if (awarded && awarded.date > today) failed.push('award-date-in-future');
  if (grant.amountAwarded === 0) failed.push('zero-amount');
  if (id !== '') {
    if (seen.has(id)) failed.push('duplicate-id');
    seen.add(id);
  }
  return failed;
}

/** The quality checks over every grant of a file (as read, before any is skipped); `now` is the clock's. */
export function grantQualitySummary(grants: readonly unknown[], now: Date): GrantQualitySummary {
  const today = now.toISOString().slice(0, 10);
  const seen = new Set<string>();
  const found = new Map<GrantQualityCheck, { count: number; examples: string[] }>(
    grantQualityChecks.map((check) => [check, { count: 0, examples: [] }]),
  );
  grants.forEach((raw, index) => {
    const grant = standardFieldsOf(raw);
    const name = typeof grant.id === 'string' ? grant.id.trim() : `grant ${index + 1} (no identifier)`;
    for (const check of failures(grant, today, seen)) {
      const tally = found.get(check);
      if (!tally) continue;
      tally.count += 1;
      if (tally.examples.length < exampleLimit) tally.examples.push(name);
    }
  });
  return {
    grants: grants.length,
    checks: grantQualityChecks.map((check) => ({
      check,
      label: labels[check],
      count: found.get(check)?.count ?? 0,
      examples: found.get(check)?.examples ?? [],
    })),
  };
}
