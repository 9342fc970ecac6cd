import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance, textColourOn } from './contrast.js';
import { HEAT_MAP_PALETTE, LEVEL_NAMES, heatMap, paletteStep, type HeatMapOptions } from './heat-map.js';
import { wellFormednessProblems } from './xml-check.js';

const rows = [
  { code: '1.1', label: 'Shared purpose' },
  { code: '1.2', label: 'Leaders meet regularly' },
];
const columns = [{ label: 'Council' }, { label: 'Community' }, { label: 'Youth groups' }];
const cells = [
  [1, 2.5, null],
  [4, 3.25, 2],
];

function map(extra: Partial<HeatMapOptions> = {}): string {
  return heatMap({
    id: 'h',
    title: 'Indicators',
    description: 'Medians by group.',
    rows,
    columns,
    cells,
    ...extra,
  });
}

/** Each grid cell's rectangle fill, its text and the text's fill, in row order. */
function gridCells(svg: string, kind = 'cell') {
  const pattern = new RegExp(
    `<rect class="cg-chart__${kind}"[^>]* fill="([^"]+)"[^>]*/><text class="cg-chart__${kind}-text"[^>]* fill="([^"]+)"[^>]*>([^<]*)</text>`,
    'g',
  );
  return [...svg.matchAll(pattern)].map(([, fill, textFill, text]) => ({ fill, textFill, text }));
}

const hostile = '<script>alert("x")</script> & co';

describe('heatMap', () => {
  it.each<[string, Partial<HeatMapOptions>]>([
    ['the example', {}],
    ['no rows', { rows: [], cells: [] }],
    ['no columns', { columns: [], cells: [[], []] }],
    ['every value and no data', { rows: rows.slice(0, 1), cells: [[1, 4, null]] }],
    [
      'hostile text everywhere',
      {
        title: hostile,
        description: hostile,
        rows: rows.map(() => ({ code: hostile, label: hostile })),
        columns: columns.map(() => ({ label: hostile })),
      },
    ],
  ])('is well-formed XML: %s', (_name, extra) => {
    expect(wellFormednessProblems(map(extra))).toEqual([]);
  });

  it('is an image labelled by its title and description, scaling to its container', () => {
    const svg = map({ id: 'round-heat-map' });
    const root = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="round-heat-map-title round-heat-map-desc"');
    expect(root).toContain('focusable="false"');
    expect(root).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(root).not.toMatch(/ (width|height)=/);
    expect(svg).toContain('<title id="round-heat-map-title">Indicators</title>');
    expect(svg).toContain(
      '<desc id="round-heat-map-desc">Medians by group. Each cell shows a median level from 1 (Ad hoc) to 4 (Embedded); – means no data.</desc>',
    );
  });

  it('escapes every text it inserts', () => {
    const svg = map({
      title: hostile,
      description: hostile,
      rows: rows.map(() => ({ code: 'X', label: hostile })),
      columns: columns.map(() => ({ label: hostile })),
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain(
      '<title id="h-title">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>',
    );
  });

  it('shows every value as text, in row order, with – for no data', () => {
    expect(gridCells(map()).map((cell) => cell.text)).toEqual(['1', '2.5', '–', '4', '3.25', '2']);
  });

  it('fills each cell from the palette and writes its text in black or white with at least 4.5:1', () => {
    const found = gridCells(map());
    // 1 → step 1; 2.5 → 2.5; none; 4 → 4; 3.25 → 3.5 (nearest half, halfway up); 2 → 2
    const fills = ['#eef4fa', '#77a9d4', 'none', '#003078', '#1d70b8', '#a5c6e3'];
    expect(found.map((cell) => cell.fill)).toEqual(fills);
    for (const { fill, textFill } of found) {
      // no data: no fill, and the text in the page's own colour
      const expected = fill === 'none' ? 'currentColor' : textColourOn(fill ?? '');
      expect(textFill).toBe(expected);
      if (fill !== 'none') expect(contrastRatio(fill ?? '', textFill ?? '')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('labels the rows with code and label, and the columns', () => {
    const svg = map();
    expect(svg).toMatch(/<text class="cg-chart__row-label"><tspan [^>]*>1\.1 Shared purpose<\/tspan>/);
    expect(svg).toMatch(
      /<text class="cg-chart__row-label"><tspan [^>]*>1\.2 Leaders meet regularly<\/tspan>/,
    );
    for (const column of ['Council', 'Community']) {
      expect(svg).toMatch(
        new RegExp(`<text class="cg-chart__column-label"[^>]*><tspan [^>]*>${column}</tspan></text>`),
      );
    }
    // wrapped at 11 characters, one tspan per line
    expect(svg).toMatch(
      /<text class="cg-chart__column-label"[^>]*><tspan [^>]*>Youth<\/tspan><tspan [^>]*>groups<\/tspan>/,
    );
  });

  it('has a key with every palette step, the four level names and no data', () => {
    const svg = map();
    const swatches = gridCells(svg, 'swatch');
    expect(swatches.map((swatch) => swatch.text)).toEqual(['1', '1.5', '2', '2.5', '3', '3.5', '4', '–']);
    expect(swatches.map((swatch) => swatch.fill)).toEqual([
      ...HEAT_MAP_PALETTE.map((step) => step.fill),
      'none',
    ]);
    for (const name of [...LEVEL_NAMES, 'No data', 'Key: median level'])
      expect(svg).toContain(`>${name}</text>`);
  });

  it.each<[string, Partial<HeatMapOptions>, ErrorConstructor]>([
    ['too few rows of cells', { cells: [[1, 2, 3]] }, RangeError],
    [
      'too few cells in a row',
      {
        cells: [
          [1, 2, 3],
          [1, 2],
        ],
      },
      RangeError,
    ],
    [
      'a value below 1',
      {
        cells: [
          [1, 2, 3],
          [1, 2, 0.5],
        ],
      },
      RangeError,
    ],
    [
      'a value above 4',
      {
        cells: [
          [1, 2, 3],
          [1, 2, 4.5],
        ],
      },
      RangeError,
    ],
    [
      'NaN',
      {
        cells: [
          [1, 2, 3],
          [1, 2, Number.NaN],
        ],
      },
      RangeError,
    ],
    ['an unsafe id', { id: '1 bad' }, TypeError],
  ])('rejects %s', (_name, extra, error) => {
    expect(() => map(extra)).toThrow(error);
  });
});

describe('HEAT_MAP_PALETTE', () => {
  it.each(HEAT_MAP_PALETTE.map((step) => [step.value, step.fill]))(
    'step %s (%s): its text colour has at least 4.5:1 contrast',
    (_value, fill) => {
      expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('is sequential: each step darker than the one before', () => {
    const luminances = HEAT_MAP_PALETTE.map((step) => relativeLuminance(step.fill));
    luminances.slice(1).forEach((luminance, index) => expect(luminance).toBeLessThan(luminances[index] ?? 0));
  });

  it.each([
    [1, 1],
    [1.2, 1],
    [1.25, 1.5], // halfway rounds up
    [2.5, 2.5],
    [2.75, 3],
    [3.25, 3.5],
    [3.7, 3.5],
    [4, 4],
  ])('value %s uses the step for %s', (value, step) => {
    expect(paletteStep(value).value).toBe(step);
  });
});
