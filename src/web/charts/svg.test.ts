import { describe, expect, it } from 'vitest';
import { attrs, checkIdPrefix, formatValue, num, svgRoot, textBlock, wrapWords } from './svg.js';
import { wellFormednessProblems } from './xml-check.js';

describe('num', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-0.001, '0'],
    [37, '37'],
    [1 / 3, '0.33'],
    [84.855, '84.86'],
    [-12.5, '-12.5'],
  ])('%s → %s', (value, expected) => {
    expect(num(value)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    [3, '3'],
    [2.5, '2.5'],
    [2.75, '2.75'],
    [2.666666, '2.67'],
    [null, '–'],
  ])('%s → %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('wrapWords', () => {
  it.each([
    ['fits on one line', 'Shared power', 20, ['Shared power']],
    ['breaks at spaces', 'Trust, respect and communication', 16, ['Trust, respect', 'and', 'communication']],
    [
      'a long word gets its own line',
      'a Supercalifragilistic word',
      8,
      ['a', 'Supercalifragilistic', 'word'],
    ],
    ['collapses white space', '  one   two ', 20, ['one two']],
    ['empty text has no lines', '', 10, []],
  ])('%s', (_name, text, maxChars, expected) => {
    expect(wrapWords(text, maxChars)).toEqual(expected);
  });
});

describe('attrs and textBlock', () => {
  it('escapes values, formats numbers and leaves out undefined', () => {
    expect(attrs({ a: '"<&>', b: 1 / 3, c: undefined })).toBe(' a="&quot;&lt;&amp;&gt;" b="0.33"');
  });

  it('writes one tspan per line, escaped', () => {
    expect(textBlock(['a <b>', 'c'], 10, 20, 17, { class: 'x' })).toBe(
      '<text class="x"><tspan x="10" y="20">a &lt;b&gt;</tspan><tspan x="10" y="37">c</tspan></text>',
    );
  });
});

describe('checkIdPrefix', () => {
  it.each([['chart'], ['radar-1'], ['h_2']])('accepts %j', (id) => {
    expect(checkIdPrefix(id)).toBe(id);
  });

  it.each([[''], ['1chart'], ['a b'], ['a"b'], ['<x>']])('rejects %j', (id) => {
    expect(() => checkIdPrefix(id)).toThrow(TypeError);
  });
});

describe('svgRoot', () => {
  it('is a well-formed, labelled, scalable image', () => {
    const svg = svgRoot({
      id: 'c1',
      className: 'cg-chart',
      title: 'T <script>',
      description: 'D & more',
      width: 100,
      height: 50,
      body: ['<g/>'],
    });
    expect(wellFormednessProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"[^>]*focusable="false"/);
    expect(svg).toContain('viewBox="0 0 100 50"');
    expect(svg).not.toMatch(/<svg[^>]* (width|height)=/);
    expect(svg).toContain('<title id="c1-title">T &lt;script&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">D &amp; more</desc>');
  });
});
