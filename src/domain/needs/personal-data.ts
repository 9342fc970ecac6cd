/**
 * The personal-data guard. Needs are aggregate ("about 40 families"), so a need's text must never carry details
 * about a resident. This finds things that look like an email address, a UK phone number, a date of birth or a
 * person's name, each with a plain-English reason. It errs towards asking: a person can always reword. Full
 * postcodes are allowed (they describe an area, not a person).
 */

export type PersonalDataKind = 'email' | 'phone' | 'date-of-birth' | 'name';

export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** The words that were found, as written. */
  readonly text: string;
  /** A sentence saying what was found, for the person to remove. */
  readonly reason: string;
}

export interface PersonalDataOptions {
  /**
   * The current year. A full date at least this many years back (16) looks like a date of birth. Without it, full
   * dates before 2010 do.
   */
  readonly currentYear?: number;
}

const kindLabels: Record<PersonalDataKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  'date-of-birth': 'a date of birth',
  name: 'a person’s name',
};

const finding = (kind: PersonalDataKind, text: string): PersonalDataFinding => ({
  kind,
  text,
  reason: `This looks like ${kindLabels[kind]}: “${text}”.`,
});

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function findEmails(text: string): PersonalDataFinding[] {
  return [...text.matchAll(emailPattern)].map((m) => finding('email', m[0]));
}

/** A run starting +44, 0044 or 0, then digits with spaces, hyphens, dots or brackets between them. */
const phoneCandidate = /(?<![\w+])(?:\+\s?44|0044|\(?0)[\d\s().-]{8,17}\d/g;

/** True when the digits make a UK landline, non-geographic or mobile number (10 or 11 digits from the 0). */
function isUkPhoneNumber(candidate: string): boolean {
  let digits = candidate.replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('44')) digits = `0${digits.slice(2)}`;
  if (digits.startsWith('00')) digits = digits.slice(1);
  return /^0[1235789]\d{8,9}$/.test(digits);
}

function findPhones(text: string): PersonalDataFinding[] {
  return [...text.matchAll(phoneCandidate)]
    .map((m) => m[0].trim())
    .filter(isUkPhoneNumber)
    .map((number) => finding('phone', number));
}

const monthNames =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A full date: 12/03/1985, 12-3-85, 1985-03-12, 12 March 1985, 12th Mar 1985, March 12 1985. */
const fullDate = new RegExp(
  [
    String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${monthNames})\.?,?\s+\d{4}\b`,
    String.raw`\b(?:${monthNames})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'gi',
);
/** Words that say a date is somebody's birth date. */
const birthWords = /\b(?:born\b|d\.?o\.?b\b\.?|date\s+of\s+birth\b|birth\s*date\b|birthday\b)/gi;
/** What may follow a birth word: a full date, or a month and year ("born in 2024" alone is aggregate enough). */
const dateAfterBirthWord = new RegExp(
  String.raw`^[\s:,-]*(?:on|in|is)?\s*(?:${fullDate.source}|(?:${monthNames})\.?\s+\d{4}\b)`,
  'i',
);
/** After "DOB" or "date of birth", a year alone is a date of birth too. */
const yearAfterBirthLabel = /^[\s:,-]*(?:is)?\s*\b(?:19|20)\d{2}\b/i;
const birthLabel = /^(?:d\.?o\.?b|date\s+of\s+birth|birth\s*date)/i;

function yearOf(date: string): number | null {
  const fourDigits = /\b(\d{4})\b/.exec(date);
  if (fourDigits) return Number(fourDigits[1]);
  const twoDigits = /[/.-](\d{2})$/.exec(date);
  return twoDigits ? 1900 + Number(twoDigits[1]) : null;
}

function findDatesOfBirth(text: string, options: PersonalDataOptions): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  const claimed: [number, number][] = [];
  for (const word of text.matchAll(birthWords)) {
    const start = word.index;
    const rest = text.slice(start + word[0].length, start + word[0].length + 40);
    const date =
      dateAfterBirthWord.exec(rest) ?? (birthLabel.test(word[0]) ? yearAfterBirthLabel.exec(rest) : null);
    if (!date) continue;
    const end = start + word[0].length + date[0].length;
    found.push(finding('date-of-birth', text.slice(start, end).trim()));
    claimed.push([start, end]);
  }
  const oldestRecentYear = options.currentYear === undefined ? 2010 : options.currentYear - 15;
  for (const date of text.matchAll(fullDate)) {
    const at = date.index;
    if (claimed.some(([start, end]) => at >= start && at < end)) continue;
    const year = yearOf(date[0]);
    if (year !== null && year < oldestRecentYear) found.push(finding('date-of-birth', date[0]));
  }
  return found;
}

/** A title, then a capitalised word: Mr Smith, Mrs. O'Brien, Dr Patel. Titles must be written with a capital. */
const titledName = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][A-Za-z'’-]+/g;
const nameLabel = /\bname\s*[:=]\s*\S+(?:\s+[A-Z][A-Za-z'’-]+)?/gi;
/** "called Jo", but not "called Age UK" or "a club called Friends Together Group". */
const calledName = /\b(?:called|named)\s+((?:[A-Z][A-Za-z'’-]*)(?:\s+[A-Z][A-Za-z'’-]*)*)/g;
const organisationWords = new Set(
  [
    'uk',
    'advice',
    'trust',
    'church',
    'centre',
    'center',
    'club',
    'group',
    'project',
    'foundation',
    'bank',
    'cafe',
    'café',
    'network',
    'hub',
    'partnership',
    'service',
    'services',
    'society',
    'association',
    'alliance',
    'council',
    'forum',
    'house',
    'kitchen',
    'pantry',
    'larder',
    'together',
    'connect',
    'support',
    'community',
    'housing',
    'health',
    'mind',
  ].map((word) => word.toLowerCase()),
);

function findNames(text: string): PersonalDataFinding[] {
  const found = [...text.matchAll(titledName)].map((m) => finding('name', m[0]));
  found.push(...[...text.matchAll(nameLabel)].map((m) => finding('name', m[0])));
  for (const match of text.matchAll(calledName)) {
    const words = (match[1] ?? '').split(/\s+/);
    const looksLikeOrganisation =
      words.some((word) => organisationWords.has(word.toLowerCase())) ||
      words.every((word) => word === word.toUpperCase());
    if (!looksLikeOrganisation) found.push(finding('name', match[0]));
  }
  return found;
}

/** Everything in `text` that looks like personal data about a resident, in the order it appears. */
export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataFinding[] {
  const emails = findEmails(text);
  // An email's digits are not also a phone number, nor its local part a name.
  const withoutEmails = text.replace(emailPattern, (email) => ' '.repeat(email.length));
  const all = [
    ...emails,
    ...findPhones(withoutEmails),
    ...findDatesOfBirth(withoutEmails, options),
    ...findNames(withoutEmails),
  ];
  return all
    .map((item) => ({ item, at: text.indexOf(item.text) }))
    .sort((a, b) => a.at - b.at)
    .map(({ item }) => item);
}

/** One message for a form or import row: what was found and what to do about it. */
export function personalDataMessage(findings: readonly PersonalDataFinding[]): string {
  const reasons = findings.map((item) => item.reason).join(' ');
  return `${reasons} Remove it: needs describe groups of people, never one person.`;
}
