import { suggestThemes, type ThemeVocabulary } from '../directory/themes.js';
import { decimalFromInput } from './decimal.js';
import { monthsBetween, readGrantDate } from './grant-dates.js';
import { standardGrantFields } from './flattened-grant.js';
import type { GrantDetails, GrantKind, GrantLocation } from './grant.js';
import { standardFieldsOf } from './standard-grant-fields.js';

/** A problem (the grant is skipped) or a note (the grant is imported, with what was changed) on one field. */
export interface GrantFieldMessage {
  /** The 360Giving column title, such as "Amount Awarded" or "Beneficiary Location:Geographic Code Type". */
  readonly field: string;
  readonly reason: string;
}

export type GrantReading =
  | {
      readonly ok: true;
      readonly id: string;
      readonly details: GrantDetails;
      readonly notes: readonly GrantFieldMessage[];
      readonly extraFields: readonly string[];
    }
  | {
      readonly ok: false;
      readonly id: string | null;
      readonly problems: readonly GrantFieldMessage[];
      readonly notes: readonly GrantFieldMessage[];
      readonly extraFields: readonly string[];
    };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text of a cell: strings trimmed, numbers as written, anything else (or blank) null. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The items of an array field; a single object is taken as a list of one. */
function items(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** ONS GSS codes (E05…, W06…, S12…, K02…). */
const gssCode = /^[EWSNK]\d{8}$/;

/** The 360Giving geoCodeType for the kind of area a GSS code names. */
const typeOfGssPrefix: Record<string, string> = {
  E01: 'LSOA',
  W01: 'LSOA',
  E02: 'MSOA',
  W02: 'MSOA',
  E05: 'WD',
  W05: 'WD',
  S13: 'WD',
  E06: 'UA',
  W06: 'UA',
  S12: 'CA',
  E07: 'NMD',
  E08: 'MD',
  E09: 'LONB',
  E10: 'CTY',
  E12: 'RGN',
  E92: 'CTRY',
  K02: 'CTRY',
  K03: 'CTRY',
  K04: 'CTRY',
};

/** A location, putting right a GSS code written in the Geographic Code Type column. */
function readLocation(raw: Json, field: string, notes: GrantFieldMessage[]): GrantLocation | null {
  let geoCode = text(raw.geoCode);
  let geoCodeType = text(raw.geoCodeType);
  const name = text(raw.name);
  if (geoCodeType !== null && gssCode.test(geoCodeType) && (geoCode === null || !gssCode.test(geoCode))) {
    const derived = typeOfGssPrefix[geoCodeType.slice(0, 3)] ?? null;
    const shortType = geoCode !== null && /^[A-Z]{2,5}$/.test(geoCode) ? geoCode : derived;
    notes.push({
      field: `${field}:Geographic Code Type`,
      reason: `The Geographic Code Type held the area code ${geoCodeType}${geoCode ? ` and the Geographic Code held "${geoCode}"` : ''}: they were read the other way round, as code ${geoCodeType} of type ${shortType ?? 'unknown'}`,
    });
    geoCode = geoCodeType;
    geoCodeType = shortType;
  }
  if (geoCode !== null) geoCode = geoCode.toUpperCase();
  if (geoCode === null && name === null) return null;
  return { geoCode, geoCodeType, name };
}

function kindOf(grant: Json): GrantKind {
  const words = [...items(grant.fundingType), ...items(grant.classifications)]
    .map((c) => `${text(c.code) ?? ''} ${text(c.title) ?? ''}`.toLowerCase())
    .join(' ');
  if (/\bcontract/.test(words)) return 'contract';
  return 'grant';
}

function readDateField(
  value: unknown,
  field: string,
  notes: GrantFieldMessage[],
  problems: GrantFieldMessage[] | null,
): string | null {
  if (text(value) === null && !(value instanceof Date)) return null;
  const read = readGrantDate(value);
  if (!read) {
    const reason = `"${String(value)}" is not a date: write it as YYYY-MM-DD, like 2024-06-19`;
    if (problems) problems.push({ field, reason });
    else notes.push({ field, reason: `${reason}. It was left out` });
    return null;
  }
  if (read.note) notes.push({ field, reason: read.note });
  return read.date;
}

/**
 * Checks one grant from a 360Giving file (JSON, or a row of a spreadsheet already nested) and reads what we
 * keep of it. Fields the standard requires and we cannot do without are problems; quirks we can put right are
 * notes, so the person sees what was changed.
 */
export function readGrant(raw: unknown, themes: ThemeVocabulary): GrantReading {
  const problems: GrantFieldMessage[] = [];
  const notes: GrantFieldMessage[] = [];
  if (!isObject(raw)) {
    return {
      ok: false,
      id: null,
      problems: [
        { field: 'grant', reason: 'This grant is not a set of fields: each grant must be a JSON object' },
      ],
      notes,
      extraFields: [],
    };
  }
  const extraFields = Object.keys(raw).filter((key) => !standardGrantFields.has(key));
  const id = text(raw.id);
  if (id === null)
    problems.push({
      field: 'Identifier',
      reason: 'The grant has no Identifier: every grant needs one, such as 360G-yourfunder-0001',
    });
  const title = text(raw.title);
  if (title === null) problems.push({ field: 'Title', reason: 'The grant has no Title' });
  const description = text(raw.description);
  if (description === null)
    notes.push({
      field: 'Description',
      reason: 'The grant has no Description: it was imported with an empty one',
    });

  const currencyText = text(raw.currency);
  const currency =
    currencyText !== null && /^[A-Za-z]{3}$/.test(currencyText) ? currencyText.toUpperCase() : null;
  if (currency === null) {
    problems.push({
      field: 'Currency',
      reason:
        currencyText === null
          ? 'The grant has no Currency: use a three-letter code such as GBP'
          : `"${currencyText}" is not a currency code: use a three-letter code such as GBP`,
    });
  } else if (currency !== 'GBP') {
    notes.push({
      field: 'Currency',
      reason: `The amount is in ${currency}: it is kept in ${currency} and totalled apart from other currencies`,
    });
  }
  const amountAwarded = decimalFromInput(raw.amountAwarded);
  if (amountAwarded === null) {
    problems.push({
      field: 'Amount Awarded',
      reason:
        text(raw.amountAwarded) === null
          ? 'The grant has no Amount Awarded'
          : `"${String(raw.amountAwarded)}" is not an amount: write a number such as 1250.50, with no currency sign`,
    });
  } else if (amountAwarded.startsWith('-')) {
    problems.push({
      field: 'Amount Awarded',
      reason: `${amountAwarded} is below zero: an amount awarded cannot be negative`,
    });
  }
  const awardDate = readDateField(raw.awardDate, 'Award Date', notes, problems);
  if (awardDate === null && !problems.some((p) => p.field === 'Award Date')) {
    problems.push({ field: 'Award Date', reason: 'The grant has no Award Date' });
  }

  const planned = items(raw.plannedDates)[0] ?? {};
  const plannedStartDate = readDateField(planned.startDate, 'Planned Dates:Start Date', notes, null);
  const plannedEndDate = readDateField(planned.endDate, 'Planned Dates:End Date', notes, null);
  const durationText = text(planned.duration);
  let plannedDurationMonths =
    durationText !== null && /^\d+(\.\d+)?$/.test(durationText) ? Math.round(Number(durationText)) : null;
  if (durationText !== null && plannedDurationMonths === null) {
    notes.push({
      field: 'Planned Dates:Duration (months)',
      reason: `"${durationText}" is not a number of months. It was left out`,
    });
  }
  if (plannedDurationMonths === null && plannedStartDate && plannedEndDate) {
    plannedDurationMonths = monthsBetween(plannedStartDate, plannedEndDate);
  }

  const recipients = items(raw.recipientOrganization);
  const recipient = recipients[0];
  if (!recipient && !isObject(raw.recipientIndividual)) {
    problems.push({
      field: 'Recipient Org:Identifier',
      reason: 'The grant names no recipient: give the Recipient Org:Identifier and Recipient Org:Name',
    });
  }
  if (recipients.length > 1)
    notes.push({
      field: 'Recipient Org',
      reason: `The grant names ${recipients.length} recipients: only the first was kept`,
    });
  const funder = items(raw.fundingOrganization)[0];
  const fundingOrgId = funder ? text(funder.id) : null;
  const fundingOrgName = funder ? text(funder.name) : null;
  if (fundingOrgId === null)
    problems.push({ field: 'Funding Org:Identifier', reason: 'The grant has no Funding Org:Identifier' });
  if (fundingOrgName === null)
    problems.push({ field: 'Funding Org:Name', reason: 'The grant has no Funding Org:Name' });

  const beneficiaryLocations = items(raw.beneficiaryLocation)
    .map((location) => readLocation(location, 'Beneficiary Location', notes))
    .filter((location): location is GrantLocation => location !== null);
  const recipientPlace = recipient ? items(recipient.location)[0] : undefined;
  const recipientLocation = recipientPlace
    ? readLocation(recipientPlace, 'Recipient Org:Location', notes)
    : null;
  const programme = items(raw.grantProgramme)[0];
  const grantProgramme = programme ? (text(programme.title) ?? text(programme.code)) : null;

  if (
    problems.length > 0 ||
    id === null ||
    title === null ||
    currency === null ||
    amountAwarded === null ||
    awardDate === null ||
    fundingOrgId === null ||
    fundingOrgName === null
  ) {
    return { ok: false, id, problems, notes, extraFields };
  }
  return {
    ok: true,
    id,
    notes,
    extraFields,
    details: {
      title,
      description: description ?? '',
      currency,
      amountAwarded,
      awardDate,
      plannedStartDate,
      plannedEndDate,
      plannedDurationMonths,
      recipientOrgId: recipient ? text(recipient.id) : null,
      recipientOrgName: recipient ? text(recipient.name) : null,
      recipientCharityNumber: recipient ? text(recipient.charityNumber) : null,
      recipientCompanyNumber: recipient ? text(recipient.companyNumber) : null,
      recipientLocation,
      fundingOrgId,
      fundingOrgName,
      beneficiaryLocations,
      grantProgramme,
      kind: kindOf(raw),
      themes: suggestThemes(themes, `${title} ${description ?? ''} ${grantProgramme ?? ''}`),
      standardFields: standardFieldsOf(raw),
    },
  };
}
