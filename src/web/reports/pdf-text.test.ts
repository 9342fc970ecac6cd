import { describe, expect, it } from 'vitest';
import { rightToLeftClusters, setText, UNSHOWN_MARK, type ClusterKind, type Face } from './pdf-text.js';

const isEmoji = (codePoint: number) => codePoint >= 0x1f000 && codePoint <= 0x1faff;
const isInvisible = (codePoint: number) =>
  codePoint === 0xfe0f || codePoint === 0x200b || codePoint === 0x200d;
/** Everything but emoji and invisible formatting characters. */
const regular: Face = { name: 'R', covers: (codePoint) => !isEmoji(codePoint) && !isInvisible(codePoint) };
/** As regular, less Cyrillic and the snowman. */
const bold: Face = {
  name: 'B',
  covers: (codePoint) =>
    regular.covers(codePoint) && !(codePoint >= 0x400 && codePoint <= 0x4ff) && codePoint !== 0x2603,
};
const M = UNSHOWN_MARK;

describe('setText', () => {
  it.each([
    ['Welsh, Polish, Greek and Cyrillic', 'Ŵyl ŷ Łódź Ω Ж', [{ face: 'R', text: 'Ŵyl ŷ Łódź Ω Ж' }]],
    ['a letter and a combining accent, as one character', 'w\u0302', [{ face: 'R', text: 'ŵ' }]],
    ['line ends and tabs', 'a\r\nb\rc\td', [{ face: 'R', text: 'a\nb\nc d' }]],
    ['control characters, left out', 'a\u0007b\u007f', [{ face: 'R', text: 'ab' }]],
    [
      'invisible characters the face lacks, left out',
      '©\ufe0f a\u200bb \u00ad',
      [{ face: 'R', text: '© ab ' }],
    ],
  ])('draws %s in the face', (_, text, runs) => {
    const set = setText(text, [regular]);
    expect(set.runs).toEqual(runs);
    expect(set.unshown).toBe(0);
    expect(set.actualText).toBeUndefined();
  });

  it('draws each character in the first face that has it', () => {
    expect(setText('Bold Жук ok', [bold, regular]).runs).toEqual([
      { face: 'B', text: 'Bold ' },
      { face: 'R', text: 'Жук' },
      { face: 'B', text: ' ok' },
    ]);
  });

  it('marks and counts each character no face has, an emoji sequence as one, keeping them for ActualText', () => {
    const text = 'Great 🙂 work 👨‍👩‍👧 ✅';
    const set = setText(text, [bold, regular]);
    expect(set.runs).toEqual([{ face: 'B', text: `Great ${M} work ${M} ✅` }]);
    expect(set.unshown).toBe(2);
    expect(set.actualText).toBe(text);
  });

  it.each([
    ['Arabic alone, as written (fontkit reverses it)', 'مرحبا', ['مرحبا'], true],
    [
      'an Arabic phrase in English',
      'Welcome مرحبا بكم, friends',
      ['Welcome ', 'مرحبا بكم', ', friends'],
      false,
    ],
    ['brackets round Arabic in English', 'Say (مرحبا) now', ['Say (', 'مرحبا', ') now'], false],
    [
      'brackets round Arabic after Arabic, mirrored',
      'مرحبا (نص) and more',
      ['مرحبا )نص(', ' and more'],
      false,
    ],
    ['a number after Arabic, reversed to read right', 'مرحبا 123 hello', ['مرحبا 321', ' hello'], false],
    ['a number after English, left as it is', 'hello 123 مرحبا', ['hello 123 ', 'مرحبا'], false],
    ['Arabic with brackets and a per cent, mirrored', 'العدد (نص) 50%', ['العدد )نص( %05'], true],
    ['Arabic-Indic digits, reversed (fontkit reverses them)', 'Total ١٢٣ ٤٥٦', ['Total ', '٣٢١ ٦٥٤'], false],
    ['Hebrew', 'Shalom שלום', ['Shalom ', 'שלום'], false],
    ['English then Arabic on the next line, in one run', 'line one\nمرحبا', ['line one\nمرحبا'], false],
  ])('sets %s', (_, text, runs, rightToLeft) => {
    const set = setText(text, [regular]);
    expect(set.runs.map((run) => run.text)).toEqual(runs);
    expect(set.rightToLeft).toBe(rightToLeft);
    expect(set.hasRightToLeftRuns).toBe(true);
    expect(set.actualText).toBe(text);
    expect(set.display).toBe(runs.join(''));
  });

  it('keeps right-to-left text in one face, the first that has all of it', () => {
    expect(setText('مرحبا ☃ شكرا', [bold, regular]).runs).toEqual([{ face: 'R', text: 'مرحبا ☃ شكرا' }]);
    const set = setText('مرحبا 🙂 شكرا', [bold, regular]);
    expect(set.runs).toEqual([{ face: 'B', text: `مرحبا ${M} شكرا` }]);
    expect(set.unshown).toBe(1);
  });

  it('gives nothing to draw for empty or invisible text', () => {
    expect(setText('', [regular])).toEqual({
      runs: [],
      display: '',
      unshown: 0,
      rightToLeft: false,
      hasRightToLeftRuns: false,
    });
    expect(setText('\u200b', [regular]).runs).toEqual([]);
  });
});

describe('rightToLeftClusters', () => {
  const kinds: Record<string, ClusterKind> = { L: 'ltr', R: 'rtl', '1': 'digit', A: 'rtlDigit' };
  const clusters = (pattern: string) =>
    [...pattern].map((text) => ({ kind: kinds[text] ?? 'neutral', text }));
  const directions = (flags: boolean[]) => flags.map((flag) => (flag ? 'r' : 'l')).join('');

  it.each([
    ['LL_RR_LL', false, 'lllrrlll'],
    ['RR_11_LL', false, 'rrrrrlll'],
    ['LL_11_RR', false, 'llllllrr'],
    ['_RR_', false, 'lrrl'],
    ['AA_AA', false, 'rrrrr'],
    ['11_AA', false, 'lllrr'],
    ['_RR_11_', true, 'rrrrrrr'],
    ['_11_', true, 'llll'],
    ['RR_(RR)_LL', false, 'rrrrrrrlll'],
    ['LL_(RR)_RR', false, 'llllrrllrr'],
    ['RR_(LL)_RR', false, 'rrllllllrr'],
  ])('resolves %s (paragraph right to left: %s)', (pattern, paragraph, expected) => {
    expect(directions(rightToLeftClusters(clusters(pattern), paragraph))).toBe(expected);
  });
});
