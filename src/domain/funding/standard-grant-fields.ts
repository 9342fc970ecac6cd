import { decimalFromInput } from './decimal.js';

/**
 * The 360Giving fields of one grant as a file gave them (schema 1.4.3), kept so an export gives every one back:
 * known fields only (at every level), blanks left out, and values typed as the schema wants them, so a CSV's
 * "1250.50" becomes the number 1250.5 and a spreadsheet's date cell becomes YYYY-MM-DD text.
 */

type Json = Record<string, unknown>;
type Kind = 'text' | 'number' | 'texts' | { readonly list: Shape } | { readonly object: Shape };
type Shape = Readonly<Record<string, Kind>>;

const text = (...keys: string[]): Record<string, Kind> => Object.fromEntries(keys.map((k) => [k, 'text']));

const location: Shape = {
  ...text('id', 'name', 'countryCode', 'description', 'geoCode', 'geoCodeType', 'dateModified'),
  latitude: 'number',
  longitude: 'number',
};
const organisation: Shape = {
  ...text(
    'id',
    'name',
    'department',
    'contactName',
    'charityNumber',
    'companyNumber',
    'streetAddress',
    'addressLocality',
    'addressRegion',
    'addressCountry',
    'postalCode',
    'telephone',
    'alternateName',
    'email',
    'description',
    'organisationType',
    'url',
    'dateModified',
  ),
  location: { list: location },
};
const event: Shape = {
  ...text('title', 'startDate', 'endDate', 'description', 'dateModified'),
  duration: 'number',
};
const classification: Shape = text('vocabulary', 'code', 'title', 'description', 'url', 'dateModified');
const programme: Shape = text('code', 'title', 'description', 'url', 'dateModified');
const document: Shape = text('id', 'title', 'url', 'description', 'documentType', 'dateModified');
const transaction: Shape = {
  ...text('id', 'transactionDate', 'currency', 'valueDate', 'description', 'provider', 'recipient'),
  ...text('dateModified'),
  value: 'number',
};

/** Every top-level field of the 360Giving grant schema 1.4.3, and what each holds. */
export const grantShape: Shape = {
  ...text('id', 'title', 'description', 'currency', 'awardDate', 'url', 'fromOpenCall', 'dateModified'),
  ...text('dataSource', 'regrantType', 'locationScope', 'simpleGrantType'),
  amountAppliedFor: 'number',
  amountAwarded: 'number',
  amountDisbursed: 'number',
  plannedDates: { list: event },
  actualDates: { list: event },
  recipientIndividual: { object: text('id', 'name') },
  toIndividualsDetails: {
    object: { ...text('primaryGrantReason', 'secondaryGrantReason'), grantPurpose: 'texts' },
  },
  recipientOrganization: { list: organisation },
  beneficiaryLocation: { list: location },
  fundingOrganization: { list: organisation },
  grantProgramme: { list: programme },
  fundingType: { list: classification },
  classifications: { list: classification },
  relatedDocument: { list: document },
  applicationTransaction: { list: transaction },
  commitmentTransaction: { list: transaction },
  disbursementTransaction: { list: transaction },
  relatedActivity: 'texts',
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return undefined;
}

function typed(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) return undefined;
  if (kind === 'text') return asText(value);
  if (kind === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    const decimal = decimalFromInput(value);
    return decimal === null ? undefined : Number(decimal);
  }
  if (kind === 'texts') {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(';') : [value];
    const texts = list.map((item) => asText(item)?.trim()).filter((item): item is string => !!item);
    return texts.length > 0 ? texts : undefined;
  }
  if ('object' in kind) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return isObject(first) ? cleaned(first, kind.object) : undefined;
  }
  const items = (Array.isArray(value) ? value : [value])
    .map((item) => (isObject(item) ? cleaned(item, kind.list) : undefined))
    .filter((item): item is Json => item !== undefined);
  return items.length > 0 ? items : undefined;
}

function cleaned(raw: Json, shape: Shape): Json | undefined {
  const out: Json = {};
  for (const [key, kind] of Object.entries(shape)) {
    const value = typed(raw[key], kind);
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The standard fields of one grant as read from a file, typed; fields outside the standard are left out. */
export function standardFieldsOf(raw: unknown): Json {
  return isObject(raw) ? (cleaned(raw, grantShape) ?? {}) : {};
}
