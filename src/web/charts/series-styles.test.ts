import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.js';
import { MAX_SERIES, SERIES_STYLES, marker, seriesStyle, type MarkerShape } from './series-styles.js';
import { wellFormednessProblems } from './xml-check.js';

describe('SERIES_STYLES', () => {
  it('has six styles', () => {
    expect(MAX_SERIES).toBe(6);
  });

  it.each(SERIES_STYLES.map((style) => [style.colourName, style.colour]))(
    '%s (%s) has at least 3:1 contrast with white (WCAG 1.4.11)',
    (_name, colour) => {
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    },
  );

  it('never tells two series apart by colour alone: dashes, markers and colours all differ', () => {
    for (const key of ['colour', 'dash', 'dashName', 'marker'] as const) {
      expect(new Set(SERIES_STYLES.map((style) => style[key])).size, key).toBe(SERIES_STYLES.length);
    }
  });

  it('throws beyond the last style', () => {
    expect(seriesStyle(5).marker).toBe('triangle-down');
    expect(() => seriesStyle(6)).toThrow(RangeError);
  });
});

describe('marker', () => {
  it.each<[MarkerShape, RegExp]>([
    ['circle', /^<circle [^>]*cx="10" cy="20" r="5"\/>$/],
    ['square', /^<rect [^>]*x="5.5" y="15.5" width="9" height="9"\/>$/],
    ['triangle', /^<polygon [^>]*points="10,14 15.5,24 4.5,24"\/>$/],
    ['triangle-down', /^<polygon [^>]*points="10,26 15.5,16 4.5,16"\/>$/],
    ['diamond', /^<polygon [^>]*points="10,14 16,20 10,26 4,20"\/>$/],
    ['cross', /^<path [^>]*d="M5 15L15 25M15 15L5 25"\/>$/],
  ])('%s centred on (10, 20), drawn in currentColor', (shape, expected) => {
    const markup = marker(shape, 10, 20);
    expect(markup).toMatch(expected);
    expect(markup).toContain(`data-marker="${shape}"`);
    expect(markup).toContain('stroke="currentColor"');
    expect(wellFormednessProblems(markup)).toEqual([]);
  });
});
