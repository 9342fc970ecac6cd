import { northmoorDemoGrants, type DemoGrantPlace } from '../../domain/demo/demo-grants.js';
import type { GrantLocation, GrantRecord } from '../../domain/funding/grant.js';
import { matchRecipient, organisationIndex } from '../../domain/funding/recipient-matching.js';
import type { AreaRecord } from '../areas/area-records.js';
import type { Clock } from '../shared/system-ports.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';

const dayMs = 86_400_000;

function placeOf(place: DemoGrantPlace, areas: readonly AreaRecord[]): GrantLocation | null {
  const area =
    'authority' in place
      ? areas.find((a) => a.level === 'authority')
      : (() => {
          const ward = areas.find((a) => a.level === 'ward' && a.name === place.ward);
          if (!ward || !place.neighbourhood) return ward;
          return areas.find(
            (a) =>
              a.level === 'lsoa' && a.parentCode === ward.code && a.name.endsWith(place.neighbourhood ?? ''),
          );
        })();
  if (!area) return null;
  const type = area.level === 'authority' ? 'MD' : area.level === 'ward' ? 'WD' : 'LSOA';
  return { geoCode: area.code, geoCodeType: type, name: area.name };
}

/** Puts the made-up Northmoor grants in the generated areas, matched to the demo organisations by identifier. */
export async function seedDemoGrants(
  store: Store,
  clock: Clock,
  partnership: Pick<PartnershipRecord, 'id' | 'localAuthorityCode'>,
  organisationIdsByKey: ReadonlyMap<string, string>,
): Promise<void> {
  const areas: AreaRecord[] = [...(await store.areas.findByCode(partnership.localAuthorityCode))];
  for (const ward of await store.areas.children(partnership.localAuthorityCode)) {
    areas.push(ward, ...(await store.areas.children(ward.code)));
  }
  const organisations = new Map(
    (await store.organisations.listByPartnership(partnership.id)).map((o) => [o.id, o]),
  );
  const index = organisationIndex([...organisations.values()]);
  const now = clock.now();
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * dayMs).toISOString().slice(0, 10);
  const grants: GrantRecord[] = northmoorDemoGrants().map((demo) => {
    const organisationId =
      'organisation' in demo.recipient
        ? (organisationIdsByKey.get(demo.recipient.organisation) ?? null)
        : null;
    const organisation = organisationId ? organisations.get(organisationId) : undefined;
    const recipientName =
      organisation?.name ?? ('name' in demo.recipient ? demo.recipient.name : 'Not named');
    const recipientId = organisation?.identifier ?? ('id' in demo.recipient ? demo.recipient.id : null);
    const place = placeOf(demo.place, areas);
    const start = day(demo.awardedDaysAgo - 14);
    return {
      id: `360G-northmoor-demo-${demo.key}`,
      partnershipId: partnership.id,
      title: demo.title,
      description: demo.description,
      currency: 'GBP',
      amountAwarded: demo.amount,
      awardDate: day(demo.awardedDaysAgo),
      plannedStartDate: start,
      plannedEndDate: null,
      plannedDurationMonths: demo.durationMonths,
      recipientOrgId: recipientId,
      recipientOrgName: recipientName,
      recipientCharityNumber: recipientId?.startsWith('GB-CHC-') ? recipientId.slice(7) : null,
      recipientCompanyNumber: recipientId?.startsWith('GB-COH-') ? recipientId.slice(7) : null,
      recipientLocation: null,
      fundingOrgId: demo.funder.id,
      fundingOrgName: demo.funder.name,
      beneficiaryLocations: place ? [place] : [],
      grantProgramme: demo.programme,
      kind: demo.kind,
      themes: [...demo.themes],
      match: organisationId
        ? { organisationId, method: 'identifier', confidence: 1 }
        : matchRecipient(
            {
              recipientOrgId: recipientId,
              recipientOrgName: recipientName,
              recipientCharityNumber: null,
              recipientCompanyNumber: null,
            },
            index,
          ),
      dataSource: null,
      importedAt: now.toISOString(),
    };
  });
  await store.grants.save(grants);
}
