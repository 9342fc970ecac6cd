import { ImportSourceError } from '../app/interchange.js';
import type { ResourceRecord } from './resource-records.js';

/** The fields a resource can have, and the column names tried for each when no --mapping names one. */
export const resourceFields = {
  id: ['id', 'identifier', 'ref', 'reference'],
  name: ['name', 'title', 'community_hub', 'site_name', 'distname'],
  description: ['description', 'facilities', 'type'],
  address: ['address', 'full_address'],
  postcode: ['postcode', 'post_code', 'postal_code'],
  email: ['email'],
  url: ['website', 'url', 'web'],
  phone: ['telephone', 'phone', 'tel'],
  contact: ['contact'],
  hours: ['opening_hours', 'opening times', 'hours', 'hours_text'],
  access: ['referral method', 'how to access', 'access'],
  organisation: ['organisation', 'organization', 'managed_by', 'operator'],
  latitude: ['lat', 'latitude', 'y'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'x'],
} as const;
export type ResourceField = keyof typeof resourceFields;

/** Parses `--mapping name=Name,postcode=Postcode` into field → column, refusing fields we do not know. */
export function parseMapping(option: string | undefined): Partial<Record<ResourceField, string>> {
  const mapping: Partial<Record<ResourceField, string>> = {};
  if (!option?.trim()) return mapping;
  for (const pair of option.split(',')) {
    const [field, column] = pair.split('=').map((part) => part.trim());
    if (!field || !column) {
      throw new ImportSourceError(`"${pair}" in the column names is not field=column, like name=Name.`);
    }
    if (!(field in resourceFields)) {
      throw new ImportSourceError(
        `The column names give "${field}", which is not a field. The fields are: ${Object.keys(resourceFields).join(', ')}.`,
      );
    }
    mapping[field as ResourceField] = column;
  }
  return mapping;
}

/** Reads a field of a record: the column --mapping names, the geometry's point, or the first usual column. */
export function fieldReader(mapping: Partial<Record<ResourceField, string>>) {
  const columnsOf = (record: ResourceRecord) =>
    new Map(Object.keys(record.values).map((k) => [k.toLowerCase(), k]));
  return (record: ResourceRecord, field: ResourceField): unknown => {
    const columns = columnsOf(record);
    const mapped = mapping[field];
    if (mapped) return record.values[columns.get(mapped.toLowerCase()) ?? mapped];
    if ((field === 'latitude' || field === 'longitude') && record.point) return record.point[field];
    const column = resourceFields[field].map((name) => columns.get(name)).find((c) => c !== undefined);
    return column === undefined ? undefined : record.values[column];
  };
}
