import type { DirectoryOrganisationRecord, ServiceRecord } from '../../src/app/ports.js';
import { weekdays, type LocationVisibility } from '../../src/domain/directory/model.js';
import { commonGroundNamespace, stableUuid } from '../../src/domain/directory/stable-id.js';

/**
 * A made-up directory of any size for feed tests and benchmarks: one organisation per 20 services, and services
 * with every kind of detail (themes, ages, costs, languages, places that are public, area only or hidden,
 * covered areas, opening times, contacts), some left empty. The same every time for the same arguments.
 */
export function generatedDirectory(
  partnershipId: string,
  count: number,
  themeIds: readonly string[],
  at = '2026-03-02T09:00:00.000Z',
): { organisations: DirectoryOrganisationRecord[]; services: ServiceRecord[] } {
  const id = (name: string) => stableUuid(commonGroundNamespace, `${partnershipId}:generated:${name}`);
  const organisations: DirectoryOrganisationRecord[] = [];
  for (let o = 0; o < Math.ceil(count / 20); o += 1) {
    organisations.push({
      id: id(`org-${o}`),
      partnershipId,
      name: `Generated organisation ${o}`,
      kind: o % 3 === 0 ? 'faith' : 'vcs',
      identifier: o % 2 === 0 ? `GB-CHC-${String(1_000_000 + o)}` : null,
      createdAt: at,
      details: {
        description: o % 4 === 0 ? null : `Organisation ${o} helps people in the area.`,
        url: o % 5 === 0 ? null : `https://org-${o}.example.org`,
        email: o % 2 === 0 ? `hello@org-${o}.example.org` : null,
        phone: null,
        address: null,
        postcode: null,
      },
      provenance: { sourceKind: 'generated', sourceId: `org-${o}` },
      isPlaceholder: false,
      lastCheckedAt: null,
      lastCheckedBy: null,
    });
  }
  const visibilities: LocationVisibility[] = ['public', 'area-only', 'public', 'hidden'];
  const services: ServiceRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const organisation = organisations[Math.floor(i / 20)];
    if (!organisation) throw new Error('no organisation');
    const places = i % 7 === 0 ? 0 : 1 + (i % 3);
    services.push({
      id: id(`service-${i}`),
      partnershipId,
      organisationId: organisation.id,
      provenance: { sourceKind: 'generated', sourceId: `service-${i}` },
      lastCheckedAt: i % 3 === 0 ? null : at,
      lastCheckedBy: i % 3 === 0 ? null : 'Generator',
      lastCheckedByUserId: null,
      createdAt: at,
      updatedAt: at,
      details: {
        name: `Service ${String(i).padStart(6, '0')} ${i % 2 === 0 ? 'food club' : 'advice drop-in'}`,
        description: i % 11 === 0 ? '' : `A generated service, number ${i}, with <b>words</b> & symbols.`,
        url: i % 4 === 0 ? null : `https://service-${i}.example.org/`,
        email: i % 5 === 0 ? null : `service-${i}@example.org`,
        phone: i % 2 === 0 ? '01632 960 000' : null,
        status: i % 13 === 0 ? 'temporarily closed' : 'active',
        themes:
          themeIds.length > 0
            ? [themeIds[i % themeIds.length] ?? '', themeIds[(i * 7) % themeIds.length] ?? '']
            : [],
        eligibility: {
          description: i % 3 === 0 ? 'Anyone living in the area' : null,
          minimumAge: i % 4 === 0 ? null : i % 18,
          maximumAge: i % 4 === 0 ? null : 60 + (i % 40),
        },
        cost: i % 3 === 0 ? 'Free' : i % 3 === 1 ? '£2 a session' : null,
        howToAccess: i % 2 === 0 ? 'Drop in, or phone first' : null,
        languages: i % 3 === 0 ? ['English', 'Polish'] : [],
        accessibility: i % 2 === 0 ? 'Step-free entrance' : null,
        capacity: i % 5 === 0 ? { people: 20, period: 'week' } : null,
        locations: Array.from({ length: places }, (_, p) => ({
          sourceId: p === 0 ? `place-${i % 500}` : null,
          name: `Hall ${i}-${p}`,
          address: p === 1 ? null : `${p + 1} High Street, Northmoor`,
          postcode: p === 2 ? null : `NM${1 + (i % 9)} ${1 + (i % 9)}AB`,
          latitude: p === 2 ? null : 53.4 + (i % 100) / 1000,
          longitude: p === 2 ? null : -2.3 + (i % 70) / 1000,
          visibility: visibilities[(i + p) % visibilities.length] ?? 'hidden',
        })),
        areas:
          i % 6 === 0
            ? [
                { kind: 'area', areaCode: 'E05000001', name: i % 12 === 0 ? null : 'Moor ward' },
                {
                  kind: 'polygon',
                  geojson:
                    '{"type":"Polygon","coordinates":[[[-2.3,53.4],[-2.2,53.4],[-2.2,53.5],[-2.3,53.4]]]}',
                  name: null,
                },
              ]
            : [],
        schedules:
          i % 5 === 0
            ? []
            : [
                { day: weekdays[i % 7] ?? 'monday', opens: '09:00', closes: '12:00' },
                { day: weekdays[(i + 2) % 7] ?? 'monday', opens: '09:00', closes: '12:00' },
                { day: weekdays[(i + 4) % 7] ?? 'monday', opens: '13:30', closes: '17:00' },
              ],
        contacts:
          i % 4 === 0
            ? []
            : [
                {
                  name: i % 8 === 1 ? null : 'Sam Jones',
                  role: 'Co-ordinator',
                  email: null,
                  phone: '01632 960 001',
                },
              ],
      },
    });
  }
  return { organisations, services };
}
