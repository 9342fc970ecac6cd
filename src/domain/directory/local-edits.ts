import type { ServiceDetails } from './model.js';

/**
 * Fields of a service changed in Common Ground. A field changed here is the organisation's own word on it, so
 * later imports and feed refreshes leave it as it is (and say so) instead of putting back what the file holds.
 */

export const serviceFields = [
  'name',
  'description',
  'url',
  'email',
  'phone',
  'status',
  'themes',
  'eligibility',
  'cost',
  'howToAccess',
  'languages',
  'accessibility',
  'capacity',
  'locations',
  'areas',
  'schedules',
  'contacts',
] as const satisfies readonly (keyof ServiceDetails)[];

export type ServiceField = (typeof serviceFields)[number];

export function isServiceField(value: string): value is ServiceField {
  return (serviceFields as readonly string[]).includes(value);
}

/** How a field is named to people, in a sentence ("the opening times were kept"). */
export const serviceFieldLabels: Record<ServiceField, string> = {
  name: 'name',
  description: 'description',
  url: 'website',
  email: 'email',
  phone: 'phone',
  status: 'whether it is running',
  themes: 'themes',
  eligibility: 'who it is for',
  cost: 'cost',
  howToAccess: 'how to use it',
  languages: 'languages',
  accessibility: 'accessibility',
  capacity: 'capacity',
  locations: 'places',
  areas: 'areas covered',
  schedules: 'opening times',
  contacts: 'contacts',
};

/** A field's value as compared: themes in a fixed order, object keys sorted. */
function comparable(details: ServiceDetails, field: ServiceField): string {
  const value = field === 'themes' ? [...details.themes].sort() : details[field];
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** The fields whose values differ between two versions of a service, in the order of `serviceFields`. */
export function changedServiceFields(before: ServiceDetails, after: ServiceDetails): ServiceField[] {
  return serviceFields.filter((field) => comparable(before, field) !== comparable(after, field));
}

/**
 * A service as an import would leave it: the incoming values, except for the fields changed here, which keep
 * their current values. `kept` lists the fields changed here that the import would otherwise have changed.
 */
export function keepLocalEdits(
  incoming: ServiceDetails,
  current: ServiceDetails,
  edited: readonly ServiceField[],
): { details: ServiceDetails; kept: ServiceField[] } {
  if (edited.length === 0) return { details: incoming, kept: [] };
  const kept = serviceFields.filter(
    (field) => edited.includes(field) && comparable(incoming, field) !== comparable(current, field),
  );
  const details: Record<string, unknown> = { ...incoming };
  for (const field of edited) details[field] = current[field];
  return { details: details as unknown as ServiceDetails, kept };
}

/** "name, phone and opening times". */
export function fieldList(fields: readonly ServiceField[]): string {
  const labels = fields.map((field) => serviceFieldLabels[field]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}
