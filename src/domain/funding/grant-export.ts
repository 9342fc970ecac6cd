import type { GrantLocation, GrantRecord } from './grant.js';
import { readGrantDate } from './grant-dates.js';
import { normaliseOrganisationName } from './recipient-matching.js';

/**
 * A partnership's grants as a 360Giving package (`{"grants": […]}`, schema 1.4.3), for publishing or for
 * another system. Every standard field an imported grant's file gave is written back; a recipient with no identifier in its file gets a made-up `360G-` id
 * from the partnership's short name and the recipient's name, as the standard asks for organisations with none.
 */

export interface GrantPackage {
  readonly grants: readonly Record<string, unknown>[];
}

function location(place: GrantLocation): Record<string, unknown> {
  return {
    ...(place.name !== null ? { name: place.name } : {}),
    ...(place.geoCode !== null ? { geoCode: place.geoCode } : {}),
    ...(place.geoCodeType !== null ? { geoCodeType: place.geoCodeType } : {}),
  };
}

const slugOf = (text: string) => normaliseOrganisationName(text).replace(/ /g, '-').slice(0, 60) || 'unnamed';

/** Where the package says its grants come from when a grant's file did not say: a web address. */
export interface GrantPackageOptions {
  readonly partnershipSlug: string;
  /** The address the package is published at, for grants whose file gave no Data Source of its own. */
  readonly dataSource: string;
}

const awardDatePattern =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A file's Last Modified as the schema's date-time; a bare or UK-style date is taken as midnight UTC. */
function dateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (dateTimePattern.test(value.trim())) return value.trim();
  const read = readGrantDate(value);
  return read ? `${read.date}T00:00:00Z` : undefined;
}

const isWebAddress = (text: string | null): text is string => text !== null && /^https?:\/\/\S+$/i.test(text);
const listOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : [];

/** The file's beneficiary locations, with the codes we put right (a GSS code in the type column) put right. */
function beneficiaryLocations(
  grant: GrantRecord,
  fromFile: Record<string, unknown>[],
): Record<string, unknown>[] {
  if (fromFile.length === 0) return grant.beneficiaryLocations.map(location);
  if (fromFile.length !== grant.beneficiaryLocations.length) return fromFile;
  return fromFile.map((item, index) => {
    const held = grant.beneficiaryLocations[index];
    return held ? { ...item, ...location(held) } : item;
  });
}

/**
 * One grant in the standard's JSON shape: every standard field its file gave, with what we hold laid over the
 * fields we read (so a correction we made shows), `dataSource` filled and `dateModified` as the file gave it
 * (ours only for a grant made here).
 */
export function grantToStandard(grant: GrantRecord, options: GrantPackageOptions): Record<string, unknown> {
  const fromFile = grant.standardFields ?? null;
  const source = fromFile ?? {};
  const recipientName = grant.recipientOrgName ?? 'Recipient not named';
  const planned = {
    ...(grant.plannedStartDate ? { startDate: grant.plannedStartDate } : {}),
    ...(grant.plannedEndDate ? { endDate: grant.plannedEndDate } : {}),
    ...(grant.plannedDurationMonths !== null ? { duration: grant.plannedDurationMonths } : {}),
  };
  const [recipientFromFile, ...otherRecipients] = listOf(source.recipientOrganization);
  const [funderFromFile, ...otherFunders] = listOf(source.fundingOrganization);
  const sourceAwardDate = typeof source.awardDate === 'string' ? source.awardDate : '';
  const locations = beneficiaryLocations(grant, listOf(source.beneficiaryLocation));
  const sourceDataSource = typeof source.dataSource === 'string' ? source.dataSource : null;
  const dataSource = isWebAddress(sourceDataSource)
    ? sourceDataSource
    : isWebAddress(grant.dataSource)
      ? grant.dataSource
      : options.dataSource;
  const dateModified = fromFile ? dateTime(source.dateModified) : grant.importedAt;
  return {
    ...source,
    id: grant.id,
    title: grant.title,
    description: grant.description,
    currency: grant.currency,
    amountAwarded: Number(grant.amountAwarded),
    awardDate: awardDatePattern.test(sourceAwardDate) ? sourceAwardDate : grant.awardDate,
    ...(source.plannedDates === undefined && Object.keys(planned).length > 0
      ? { plannedDates: [planned] }
      : {}),
    ...(grant.recipientOrgName !== null || !source.recipientIndividual
      ? {
          recipientOrganization: [
            {
              ...recipientFromFile,
              id:
                grant.recipientOrgId ??
                `360G-commonground-${options.partnershipSlug}-${slugOf(recipientName)}`,
              name: recipientName,
              ...(grant.recipientCharityNumber ? { charityNumber: grant.recipientCharityNumber } : {}),
              ...(grant.recipientCompanyNumber ? { companyNumber: grant.recipientCompanyNumber } : {}),
              ...(grant.recipientLocation && !recipientFromFile?.location
                ? { location: [location(grant.recipientLocation)] }
                : {}),
            },
            ...otherRecipients,
          ],
        }
      : {}),
    fundingOrganization: [
      { ...funderFromFile, id: grant.fundingOrgId, name: grant.fundingOrgName },
      ...otherFunders,
    ],
    ...(locations.length > 0 ? { beneficiaryLocation: locations } : {}),
    ...(source.grantProgramme === undefined && grant.grantProgramme
      ? { grantProgramme: [{ title: grant.grantProgramme }] }
      : {}),
    ...(typeof dateModified === 'string' ? { dateModified } : {}),
    dataSource,
  };
}

export function grantPackage(grants: readonly GrantRecord[], options: GrantPackageOptions): GrantPackage {
  return { grants: grants.map((grant) => grantToStandard(grant, options)) };
}
