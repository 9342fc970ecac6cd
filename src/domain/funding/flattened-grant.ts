/**
 * Spreadsheets and CSV files in the 360Giving standard name their columns with titles: `Amount Awarded`,
 * `Recipient Org:Identifier`, `Beneficiary Location:0:Geographic Code`. This turns one such row into the nested
 * JSON shape of the standard, so both forms are read by the same code. Titles are matched in any case, so
 * `Planned dates:Start date` works too.
 */

type Json = Record<string, unknown>;

const topLevel: Record<string, string> = {
  identifier: 'id',
  title: 'title',
  description: 'description',
  currency: 'currency',
  'amount applied for': 'amountAppliedFor',
  'amount awarded': 'amountAwarded',
  'amount disbursed': 'amountDisbursed',
  'award date': 'awardDate',
  url: 'url',
  'from an open call?': 'fromOpenCall',
  'last modified': 'dateModified',
  'data source': 'dataSource',
  'related activity': 'relatedActivity',
  'location scope': 'locationScope',
  'for regrant type': 'regrantType',
};

const groups: Record<string, string> = {
  'recipient org': 'recipientOrganization',
  'funding org': 'fundingOrganization',
  'beneficiary location': 'beneficiaryLocation',
  'planned dates': 'plannedDates',
  'actual dates': 'actualDates',
  'grant programme': 'grantProgramme',
  'funding type': 'fundingType',
  classifications: 'classifications',
  'related document': 'relatedDocument',
  'recipient ind': 'recipientIndividual',
  'to individuals details': 'toIndividualsDetails',
};

const fields: Record<string, string> = {
  identifier: 'id',
  name: 'name',
  title: 'title',
  code: 'code',
  vocabulary: 'vocabulary',
  department: 'department',
  'charity number': 'charityNumber',
  'company number': 'companyNumber',
  'street address': 'streetAddress',
  city: 'addressLocality',
  county: 'addressRegion',
  country: 'addressCountry',
  'postal code': 'postalCode',
  description: 'description',
  'web address': 'url',
  url: 'url',
  'organisation type': 'organisationType',
  'country code': 'countryCode',
  latitude: 'latitude',
  longitude: 'longitude',
  'geographic code': 'geoCode',
  'geographic code type': 'geoCodeType',
  'start date': 'startDate',
  'end date': 'endDate',
  'duration (months)': 'duration',
  duration: 'duration',
  'last modified': 'dateModified',
  'contact name': 'contactName',
  'phone number': 'telephone',
  'alternate name': 'alternateName',
  email: 'email',
  'document type': 'documentType',
  'primary grant reason': 'primaryGrantReason',
  'secondary grant reason': 'secondaryGrantReason',
  'grant purpose': 'grantPurpose',
};

function itemAt(parent: Json, key: string, index: number): Json {
  const list = (Array.isArray(parent[key]) ? parent[key] : (parent[key] = [])) as Json[];
  while (list.length <= index) list.push({});
  return list[index] as Json;
}

/** Splits "0:Geographic Code" into the item index (0 when absent) and the rest. */
function indexed(parts: readonly string[]): { index: number; rest: string[] } {
  const [first, ...rest] = parts;
  if (first !== undefined && /^\d+$/.test(first)) return { index: Number(first), rest };
  return { index: 0, rest: [...parts] };
}

/** Sets the value at a column title's path; false when the title is not one of the standard's. */
function place(grant: Json, title: string, value: unknown): boolean {
  const parts = title.split(':').map((p) => p.trim().toLowerCase());
  const [head, ...tail] = parts;
  if (head === undefined) return false;
  const top = topLevel[head];
  if (top && tail.length === 0) {
    grant[top] = value;
    return true;
  }
  const group = groups[head];
  if (!group) return false;
  const { index, rest } = indexed(tail);
  const [fieldTitle, ...deeper] = rest;
  if (fieldTitle === 'location' && (group === 'recipientOrganization' || group === 'fundingOrganization')) {
    const inner = indexed(deeper);
    const key = fields[inner.rest.join(':')];
    if (!key) return false;
    itemAt(itemAt(grant, group, index), 'location', inner.index)[key] = value;
    return true;
  }
  const key = fields[rest.join(':')];
  if (!key) return false;
  itemAt(grant, group, index)[key] = value;
  return true;
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The nested grant a row describes, and the columns that are not 360Giving titles (ignored). */
export function grantFromTitledRow(row: Readonly<Record<string, unknown>>): {
  grant: Json;
  extraColumns: string[];
} {
  const grant: Json = {};
  const extraColumns: string[] = [];
  for (const [title, value] of Object.entries(row)) {
    const known = isBlank(value) ? place({}, title, null) : place(grant, title, value);
    if (!known) extraColumns.push(title);
  }
  return { grant, extraColumns };
}

/** Top-level fields of the 360Giving grant schema; anything else in a JSON grant is an extra field. */
export const standardGrantFields: ReadonlySet<string> = new Set([
  'id',
  'title',
  'description',
  'currency',
  'amountAppliedFor',
  'amountAwarded',
  'amountDisbursed',
  'awardDate',
  'url',
  'plannedDates',
  'actualDates',
  'recipientIndividual',
  'toIndividualsDetails',
  'recipientOrganization',
  'beneficiaryLocation',
  'fundingOrganization',
  'grantProgramme',
  'fromOpenCall',
  'fundingType',
  'classifications',
  'relatedDocument',
  'applicationTransaction',
  'commitmentTransaction',
  'disbursementTransaction',
  'dateModified',
  'dataSource',
  'relatedActivity',
  'regrantType',
  'simpleGrantType',
  'locationScope',
]);
