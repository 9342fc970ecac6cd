/**
 * Exact money arithmetic on decimal text ("1250.5", "-3", "0.125"): amounts are scaled to whole numbers with
 * BigInt, so a total of 555 grants is exactly the sum of their amounts, never a floating-point approximation.
 */

const decimalPattern = /^-?\d+(\.\d+)?$/;

/** True for plain decimal text: optional minus, digits, optional point and digits. */
export function isDecimal(text: string): boolean {
  return decimalPattern.test(text);
}

interface Scaled {
  readonly units: bigint;
  readonly places: number;
}

function scale(text: string): Scaled {
  if (!isDecimal(text)) throw new Error(`"${text}" is not a decimal amount`);
  const [whole = '0', fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}`.replace(/^(-?)0+(?=\d)/, '$1')), places: fraction.length };
}

function toPlaces(value: Scaled, places: number): bigint {
  return value.units * 10n ** BigInt(places - value.places);
}

function format(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const whole = places === 0 ? digits : digits.slice(0, -places);
  const fraction = places === 0 ? '' : digits.slice(-places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The exact sum of decimal amounts, in its shortest form ("1291436.54", "0"). */
export function sumDecimals(amounts: readonly string[]): string {
  const scaled = amounts.map(scale);
  const places = Math.max(0, ...scaled.map((s) => s.places));
  const total = scaled.reduce((sum, s) => sum + toPlaces(s, places), 0n);
  return format(total, places);
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compareDecimals(a: string, b: string): number {
  const x = scale(a);
  const y = scale(b);
  const places = Math.max(x.places, y.places);
  const difference = toPlaces(x, places) - toPlaces(y, places);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** `amount` × `factor` (both decimal text), rounded half away from zero to `places` decimal places. */
export function multiplyDecimals(amount: string, factor: string, places = 2): string {
  const x = scale(amount);
  const y = scale(factor);
  const exact = x.units * y.units;
  const exactPlaces = x.places + y.places;
  return format(roundTo(exact, exactPlaces, places), places);
}

/** `amount` ÷ `divisor` (a positive whole number), rounded half away from zero to `places` places. */
export function divideDecimal(amount: string, divisor: number, places = 2): string {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new Error('Divide by a positive whole number');
  const x = scale(amount);
  const widened = x.units * 10n ** BigInt(places + 1);
  const quotient = widened / BigInt(divisor);
  return format(roundTo(quotient, x.places + places + 1, places), places);
}

function roundTo(units: bigint, from: number, to: number): bigint {
  if (from <= to) return units * 10n ** BigInt(to - from);
  const divisor = 10n ** BigInt(from - to);
  const half = divisor / 2n;
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const rounded = (magnitude + half) / divisor;
  return negative ? -rounded : rounded;
}

/**
 * Decimal text for an amount a file gives as a JSON number or as text ("2,266", "£996.51", "1.5E3"), or null
 * when it is not an amount. Numbers keep the digits JavaScript would print for them (152505.03 stays 152505.03).
 */
export function decimalFromInput(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return decimalFromInput(String(value));
  }
  if (typeof value !== 'string') return null;
  const text = value
    .trim()
    .replace(/^[£$€]/, '')
    .replace(/,/g, '');
  if (isDecimal(text)) return normalise(text);
  const exponent = /^(-?\d+(?:\.\d+)?)[eE]([+-]?\d+)$/.exec(text);
  if (!exponent?.[1] || exponent[2] === undefined) return null;
  const power = Number(exponent[2]);
  if (Math.abs(power) > 30) return null;
  const base = scale(exponent[1]);
  return power >= 0
    ? format(base.units * 10n ** BigInt(power), base.places)
    : format(base.units, base.places - power);
}

function normalise(text: string): string {
  const { units, places } = scale(text);
  return format(units, places);
}

/** Symbols written before an amount; any other currency is written as its code after the amount. */
const moneySymbols: Readonly<Record<string, string>> = { GBP: '£', USD: 'US$', EUR: '€' };

/**
 * The one rule for money people read, on pages and in PDFs (the GOV.UK style guide's): thousands separated by
 * commas; rounded to the penny; pence always as two digits ("£0.70", never "£0.7"); no ".00" on whole amounts
 * ("£1,250", not "£1,250.00"). "£1,291,436.54", "US$32,500", "-£2.75" or "1,000.50 CAD".
 */
export function formatMoney(amount: string, currency: string): string {
  const rounded = multiplyDecimals(amount, '1', 2);
  const [whole = '0', fraction = ''] = rounded.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const pence = fraction.padEnd(2, '0');
  const sign = rounded.startsWith('-') ? '-' : '';
  const text = pence === '00' ? grouped : `${grouped}.${pence}`;
  const prefix = moneySymbols[currency];
  return prefix ? `${sign}${prefix}${text}` : `${sign}${text} ${currency}`;
}

/** The amount as a number, only for drawing (bar lengths, map shading), never for sums. */
export function approximate(amount: string): number {
  return Number(amount);
}
