import { describe, expect, it } from 'vitest';
import { BLACK, WHITE, contrastRatio, parseHex, relativeLuminance, textColourOn } from './contrast.js';

describe('contrastRatio', () => {
  it.each([
    // [a, b, expected ratio, decimal places]
    ['black on white', '#000000', '#ffffff', 21, 10],
    ['white on black (order does not matter)', '#ffffff', '#000000', 21, 10],
    ['a colour on itself', '#1d70b8', '#1d70b8', 1, 10],
    ['GOV.UK blue on white', '#1d70b8', '#ffffff', 5.17, 2],
    ['GOV.UK text colour on white', '#0b0c0c', '#ffffff', 19.59, 2],
    ['GOV.UK red on white', '#d4351c', '#ffffff', 4.86, 2],
    ['GOV.UK green on white', '#00703c', '#ffffff', 6.21, 2],
    ['GOV.UK orange on white is under 3:1', '#f47738', '#ffffff', 2.78, 2],
    ['mid grey #777777 on white (the classic just-under-4.5 case)', '#777777', '#ffffff', 4.48, 2],
    ['three-digit shorthand', '#000', '#fff', 21, 10],
  ])('%s', (_name, a, b, expected, places) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, places);
  });

  it.each([['#12345'], ['1d70b8'], ['#gggggg'], ['red'], ['']])('rejects %j', (hex) => {
    expect(() => contrastRatio(hex, '#ffffff')).toThrow(TypeError);
  });
});

describe('relativeLuminance and parseHex', () => {
  it.each([
    ['#000000', 0],
    ['#ffffff', 1],
    ['#808080', 0.2158605], // ((128 / 255 + 0.055) / 1.055) ^ 2.4
    ['#ff0000', 0.2126],
    ['#00ff00', 0.7152],
    ['#0000ff', 0.0722],
  ])('%s has relative luminance %s', (hex, expected) => {
    expect(relativeLuminance(hex)).toBeCloseTo(expected, 6);
  });

  it('reads upper case and shorthand', () => {
    expect(parseHex('#1D70B8')).toEqual([29, 112, 184]);
    expect(parseHex('#abc')).toEqual([170, 187, 204]);
  });
});

describe('textColourOn', () => {
  it.each([
    ['#ffffff', BLACK],
    ['#eef4fa', BLACK],
    ['#003078', WHITE],
    ['#0b0c0c', WHITE],
    ['#777777', BLACK], // 4.48 with white, 4.69 with black
  ])('on %s chooses %s', (background, expected) => {
    expect(textColourOn(background)).toBe(expected);
  });

  it('always reaches 4.5:1, even on the worst possible background', () => {
    // Black and white contrast equally with a luminance of √(1.05 × 0.05) − 0.05 ≈ 0.179: both √21 ≈ 4.58.
    for (let grey = 0; grey <= 255; grey += 1) {
      const hex = `#${grey.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrastRatio(hex, textColourOn(hex))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
