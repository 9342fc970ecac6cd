/**
 * Grants in the 360Giving flattened form: one row per grant with the standard's column titles, as 360Giving's
 * own spreadsheet template writes them (`Identifier`, `Amount Awarded`, `Recipient Org:Identifier`,
 * `Beneficiary Location:Geographic Code`). The first item of a list has no number in its titles, as in the
 * template; later items are numbered (`Beneficiary Location:1:Name`). The reader in flattened-grant.ts reads
 * both back. Transactions, which the template keeps on sheets of their own, are left out.
 */

type Json = Record<string, unknown>;
export type FlatCell = string | number | null;

/** The template's "grants" sheet, in its order: these columns always come first, filled or not. */
const templateColumns = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Applied For',
  'Amount Awarded',
  'Amount Disbursed',
  'Award Date',
  'URL',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Planned Dates:Duration (months)',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Recipient Org:Charity Number',
  'Recipient Org:Company Number',
  'Recipient Org:Street Address',
  'Recipient Org:City',
  'Recipient Org:County',
  'Recipient Org:Country',
  'Recipient Org:Postal Code',
  'Recipient Org:Description',
  'Recipient Org:Web Address',
  'Beneficiary Location:Name',
  'Beneficiary Location:Country Code',
  'Beneficiary Location:Latitude',
  'Beneficiary Location:Longitude',
  'Beneficiary Location:Geographic Code',
  'Beneficiary Location:Geographic Code Type',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Funding Org:Department',
  'Location Scope',
  'Grant Programme:Code',
  'Grant Programme:Title',
  'Grant Programme:URL',
  'From An Open Call?',
  'Related Activity',
  'Last Modified',
  'Data Source',
  'For Regrant Type',
];

const topTitles: Record<string, string> = {
  id: 'Identifier',
  title: 'Title',
  description: 'Description',
  currency: 'Currency',
  amountAppliedFor: 'Amount Applied For',
  amountAwarded: 'Amount Awarded',
  amountDisbursed: 'Amount Disbursed',
  awardDate: 'Award Date',
  url: 'URL',
  locationScope: 'Location Scope',
  fromOpenCall: 'From An Open Call?',
  relatedActivity: 'Related Activity',
  dateModified: 'Last Modified',
  dataSource: 'Data Source',
  regrantType: 'For Regrant Type',
};

const listTitles: Record<string, string> = {
  plannedDates: 'Planned Dates',
  actualDates: 'Actual Dates',
  recipientOrganization: 'Recipient Org',
  fundingOrganization: 'Funding Org',
  beneficiaryLocation: 'Beneficiary Location',
  grantProgramme: 'Grant Programme',
  fundingType: 'Funding Type',
  classifications: 'Classifications',
  relatedDocument: 'Related Document',
};

const objectTitles: Record<string, string> = {
  recipientIndividual: 'Recipient Ind',
  toIndividualsDetails: 'To Individuals Details',
};

const fieldTitles: Record<string, string> = {
  id: 'Identifier',
  name: 'Name',
  title: 'Title',
  code: 'Code',
  vocabulary: 'Vocabulary',
  department: 'Department',
  contactName: 'Contact Name',
  charityNumber: 'Charity Number',
  companyNumber: 'Company Number',
  streetAddress: 'Street Address',
  addressLocality: 'City',
  addressRegion: 'County',
  addressCountry: 'Country',
  postalCode: 'Postal Code',
  telephone: 'Phone Number',
  alternateName: 'Alternate Name',
  email: 'Email',
  description: 'Description',
  organisationType: 'Organisation Type',
  url: 'Web Address',
  countryCode: 'Country Code',
  latitude: 'Latitude',
  longitude: 'Longitude',
  geoCode: 'Geographic Code',
  geoCodeType: 'Geographic Code Type',
  startDate: 'Start Date',
  endDate: 'End Date',
  duration: 'Duration (months)',
  documentType: 'Document Type',
  dateModified: 'Last Modified',
  primaryGrantReason: 'Primary Grant Reason',
  secondaryGrantReason: 'Secondary Grant Reason',
  grantPurpose: 'Grant Purpose',
};

/** Lists whose web address the template calls "URL" rather than "Web Address". */
const urlTitled = new Set(['Grant Programme', 'Funding Type', 'Classifications']);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function cell(value: unknown): FlatCell | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(';');
  return undefined;
}

const numbered = (title: string, index: number) => (index === 0 ? title : `${title}:${index}`);

function putFields(out: Map<string, FlatCell>, prefix: string, group: string, item: Json): void {
  for (const [key, value] of Object.entries(item)) {
    if (key === 'location' && Array.isArray(value)) {
      value.filter(isObject).forEach((place, index) => {
        putFields(out, `${prefix}:${numbered('Location', index)}`, 'Location', place);
      });
      continue;
    }
    const field = key === 'url' && urlTitled.has(group) ? 'URL' : fieldTitles[key];
    const written = cell(value);
    if (field && written !== undefined) out.set(`${prefix}:${field}`, written);
  }
}

/** One grant (in the standard's JSON shape) as titled cells. */
export function flattenGrant(grant: Json): Map<string, FlatCell> {
  const out = new Map<string, FlatCell>();
  for (const [key, value] of Object.entries(grant)) {
    const top = topTitles[key];
    const list = listTitles[key];
    const object = objectTitles[key];
    if (top) {
      const written = cell(value);
      if (written !== undefined) out.set(top, written);
    } else if (list && Array.isArray(value)) {
      value.filter(isObject).forEach((item, index) => putFields(out, numbered(list, index), list, item));
    } else if (object && isObject(value)) {
      putFields(out, object, object, value);
    }
  }
  return out;
}

/** Grants as a table: the template's columns, then any others the grants fill, in the order first met. */
export function flattenedGrantTable(grants: readonly Json[]): {
  headings: string[];
  rows: FlatCell[][];
} {
  const flat = grants.map(flattenGrant);
  const headings = [...templateColumns];
  const known = new Set(headings);
  for (const row of flat) {
    for (const title of row.keys()) {
      if (!known.has(title)) {
        known.add(title);
        headings.push(title);
      }
    }
  }
  return { headings, rows: flat.map((row) => headings.map((title) => row.get(title) ?? null)) };
}
