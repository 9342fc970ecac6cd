import type { DirectoryOrganisationRecord, ServiceRecord } from '../../app/ports.js';
import { serviceStatusLabels, type ServiceLocation } from '../../domain/directory/model.js';
import { postcodeDistrict } from '../../domain/directory/oruk-published-values.js';
import { guardCell } from './spreadsheet-cell.js';

/**
 * The directory as spreadsheet rows: one row per service. Places appear as anyone in the partnership sees them
 * on the service page without edit rights: hidden places are left out, area-only places give only the
 * postcode district. Every text cell is guarded so a spreadsheet never runs it as a formula.
 */
export const directoryCsvHeader = [
  'Partnership',
  'Service id',
  'Service',
  'Organisation',
  'Organisation identifier',
  'Status',
  'Themes',
  'Description',
  'Website',
  'Email',
  'Phone',
  'Who it is for',
  'Youngest age',
  'Oldest age',
  'Cost',
  'How to use it',
  'Languages',
  'Accessibility',
  'Places',
  'Opening times',
  'Areas covered',
  'Contacts',
  'Last checked',
  'Checked by',
  'Source',
];

const place = (location: ServiceLocation): string | null => {
  if (location.visibility === 'hidden') return null;
  if (location.visibility === 'area-only') {
    return [location.name, postcodeDistrict(location.postcode)].filter(Boolean).join(', ') || null;
  }
  return [location.name, location.address, location.postcode].filter(Boolean).join(', ') || null;
};

const day = (name: string) => name.charAt(0).toUpperCase() + name.slice(1, 3);

export function directoryCsvRow(
  service: ServiceRecord,
  organisation: DirectoryOrganisationRecord | undefined,
  themeName: (id: string) => string,
  partnershipName: string,
): string[] {
  const d = service.details;
  const text = (value: string | null | undefined) => guardCell(value ?? '');
  return [
    guardCell(partnershipName),
    service.id,
    text(d.name),
    text(organisation?.name),
    text(organisation?.identifier),
    serviceStatusLabels[d.status],
    text(d.themes.map(themeName).join('; ')),
    text(d.description),
    text(d.url),
    text(d.email),
    text(d.phone),
    text(d.eligibility.description),
    d.eligibility.minimumAge === null ? '' : String(d.eligibility.minimumAge),
    d.eligibility.maximumAge === null ? '' : String(d.eligibility.maximumAge),
    text(d.cost),
    text(d.howToAccess),
    text(d.languages.join('; ')),
    text(d.accessibility),
    text(
      d.locations
        .map(place)
        .filter((p): p is string => p !== null)
        .join(' | '),
    ),
    text(d.schedules.map((o) => `${day(o.day)} ${o.opens}-${o.closes}`).join('; ')),
    text(
      d.areas.map((a) => (a.kind === 'area' ? (a.name ?? a.areaCode) : (a.name ?? 'Drawn area'))).join('; '),
    ),
    text(
      d.contacts
        .map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(', '))
        .filter(Boolean)
        .join(' | '),
    ),
    service.lastCheckedAt?.slice(0, 10) ?? '',
    text(service.lastCheckedBy),
    text(`${service.provenance.sourceKind}: ${service.provenance.sourceId}`),
  ];
}
