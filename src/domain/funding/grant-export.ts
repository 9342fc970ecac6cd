import type { GrantLocation, GrantRecord } from './grant.js';
import { normaliseOrganisationName } from './recipient-matching.js';

/**
 * A partnership's grants as a 360Giving package (`{"grants": […]}`, schema 1.4), for publishing or for another
 * system. Only what we hold is written; a recipient with no identifier in its file gets a made-up `360G-` id
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

/** One grant in the standard's JSON shape. */
export function grantToStandard(grant: GrantRecord, partnershipSlug: string): Record<string, unknown> {
  const recipientName = grant.recipientOrgName ?? 'Recipient not named';
  const planned = {
    ...(grant.plannedStartDate ? { startDate: grant.plannedStartDate } : {}),
    ...(grant.plannedEndDate ? { endDate: grant.plannedEndDate } : {}),
    ...(grant.plannedDurationMonths !== null ? { duration: grant.plannedDurationMonths } : {}),
  };
  return {
    id: grant.id,
    title: grant.title,
    description: grant.description,
    currency: grant.currency,
    amountAwarded: Number(grant.amountAwarded),
    awardDate: grant.awardDate,
    ...(Object.keys(planned).length > 0 ? { plannedDates: [planned] } : {}),
    recipientOrganization: [
      {
        id: grant.recipientOrgId ?? `360G-commonground-${partnershipSlug}-${slugOf(recipientName)}`,
        name: recipientName,
        ...(grant.recipientCharityNumber ? { charityNumber: grant.recipientCharityNumber } : {}),
        ...(grant.recipientCompanyNumber ? { companyNumber: grant.recipientCompanyNumber } : {}),
        ...(grant.recipientLocation ? { location: [location(grant.recipientLocation)] } : {}),
      },
    ],
    fundingOrganization: [{ id: grant.fundingOrgId, name: grant.fundingOrgName }],
    ...(grant.beneficiaryLocations.length > 0
      ? { beneficiaryLocation: grant.beneficiaryLocations.map(location) }
      : {}),
    ...(grant.grantProgramme ? { grantProgramme: [{ title: grant.grantProgramme }] } : {}),
    dateModified: grant.importedAt,
  };
}

export function grantPackage(grants: readonly GrantRecord[], partnershipSlug: string): GrantPackage {
  return { grants: grants.map((grant) => grantToStandard(grant, partnershipSlug)) };
}
