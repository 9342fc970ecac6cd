import { formatMoney } from './decimal.js';

/**
 * Money as people type it and as it is stored: whole minor units (pence, cents) in one currency. Amounts are
 * never converted between currencies.
 */

export const currencies = ['GBP', 'EUR', 'USD'] as const;
export type Currency = (typeof currencies)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (currencies as readonly string[]).includes(value);
}

/** The largest amount we accept: a billion in major units, well inside both databases' integers. */
export const maxMinorUnits = 100_000_000_000;

/**
 * Minor units from typed text ("£12,500", "12500.5", "2k" is not accepted), or null when it is not an amount.
 * Commas and a leading currency symbol are allowed; at most two decimal places.
 */
export function parseAmount(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[£€$]/, '')
    .replace(/,/g, '')
    .trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(minor) && minor <= maxMinorUnits ? minor : null;
}

/** "£12,500" or "£12,500.50": minor units written by the one money rule, `formatMoney`. */
export function formatAmount(minor: number, currency: Currency): string {
  return formatMoney(amountInputText(minor), currency);
}

/** The amount as typed back into a form: "12500" or "12500.50". */
export function amountInputText(minor: number | null): string {
  if (minor === null) return '';
  const pence = minor % 100;
  return `${Math.floor(minor / 100)}${pence === 0 ? '' : `.${String(pence).padStart(2, '0')}`}`;
}

/** "£5,000 to £20,000", "Up to £20,000", "From £5,000", "£10,000" or "Not known". */
export function formatRange(min: number | null, max: number | null, currency: Currency): string {
  if (min !== null && max !== null) {
    return min === max
      ? formatAmount(min, currency)
      : `${formatAmount(min, currency)} to ${formatAmount(max, currency)}`;
  }
  if (max !== null) return `Up to ${formatAmount(max, currency)}`;
  if (min !== null) return `From ${formatAmount(min, currency)}`;
  return 'Not known';
}
