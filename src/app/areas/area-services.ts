import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { areaProfile, partnershipAreas } from './area-profile.js';
import { lookupPostcode } from './postcode-lookup.js';
import { partnershipOverview } from './ward-summaries.js';

/** The partnership's areas: the overview, each area's profile and postcode look-ups. */
export function areaServices(store: Store) {
  return {
    forPartnership: (partnership: PartnershipRecord) => partnershipAreas(store, partnership),
    overview: (partnership: PartnershipRecord) => partnershipOverview(store, partnership),
    profile: (partnership: PartnershipRecord, code: string) => areaProfile(store, partnership, code),
    lookupPostcode: (postcode: string) => lookupPostcode(store, postcode),
    examplePostcode: (partnership: PartnershipRecord) =>
      store.areas.examplePostcode(partnership.localAuthorityCode),
  };
}
