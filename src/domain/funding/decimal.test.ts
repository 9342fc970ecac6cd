import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  decimalFromInput,
  divideDecimal,
  formatMoney,
  multiplyDecimals,
  sumDecimals,
} from './decimal.js';

describe('exact decimal money', () => {
  it.each([
    [['0.1', '0.2'], '0.3'],
    [['1000.1', '1000.1', '1000.1'], '3000.3'],
    [['2266', '996.51', '-0.51'], '3262'],
    [[], '0'],
    [['-5', '2.25'], '-2.75'],
  ])('sums %j to %s', (amounts, total) => {
    expect(sumDecimals(amounts)).toBe(total);
  });

  it.each([
    [152505.03, '152505.03'],
    [2266, '2266'],
    ['2,266.50', '2266.5'],
    ['£996.51', '996.51'],
    ['1.5E3', '1500'],
    ['007', '7'],
    ['This should be a number', null],
    [null, null],
    [Number.NaN, null],
  ])('reads %j as %j', (input, expected) => {
    expect(decimalFromInput(input)).toBe(expected);
  });

  it.each([
    ['100', '1.2345', 2, '123.45'],
    ['10.005', '1', 2, '10.01'],
    ['-10.005', '1', 2, '-10.01'],
    ['32500', '0.79', 2, '25675'],
  ])('multiplies %s by %s to %i places: %s', (amount, factor, places, expected) => {
    expect(multiplyDecimals(amount, factor, places)).toBe(expected);
  });

  it('divides per head, rounding half up', () => {
    expect(divideDecimal('1000', 3)).toBe('333.33');
    expect(divideDecimal('2', 3)).toBe('0.67');
    expect(divideDecimal('1291436.54', 1)).toBe('1291436.54');
  });

  it('compares amounts', () => {
    expect(compareDecimals('100000', '99999.99')).toBe(1);
    expect(compareDecimals('5.0', '5')).toBe(0);
    expect(compareDecimals('-1', '0')).toBe(-1);
  });

  it.each([
    ['1291436.54', 'GBP', '£1,291,436.54'],
    ['0.7', 'GBP', '£0.70'],
    ['0.05', 'GBP', '£0.05'],
    ['1250', 'GBP', '£1,250'],
    ['1250.00', 'GBP', '£1,250'],
    ['999.999', 'GBP', '£1,000'],
    ['12.345', 'GBP', '£12.35'],
    ['0', 'GBP', '£0'],
    ['-2.75', 'GBP', '-£2.75'],
    ['1000000', 'GBP', '£1,000,000'],
    ['32500', 'USD', 'US$32,500'],
    ['1500.5', 'EUR', '€1,500.50'],
    ['12.5', 'CAD', '12.50 CAD'],
  ])('formats %s %s as %s', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });
});
