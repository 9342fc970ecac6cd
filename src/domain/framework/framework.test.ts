import { describe, expect, it } from 'vitest';
import {
  checkFrameworkRules,
  findIndicator,
  indicatorsFor,
  principleOf,
  type Framework,
  type Indicator,
  type Principle,
} from './framework.js';

/** Indicator levels numbered as given; the valid order is 1, 2, 3, 4. */
const numbered = (...numbers: number[]) =>
  numbers.map((level) => ({ level, description: `Level ${level}.` })) as Indicator['levels'];
const levels = numbered(1, 2, 3, 4);

function indicator(code: string, quickCheck = false, extra: Partial<Indicator> = {}): Indicator {
  return {
    code,
    title: `Title ${code}`,
    quickCheck,
    statement: `Statement ${code}.`,
    levels,
    discussionQuestions: ['Why?'],
    guidance: ['funding-together'],
    ...extra,
  };
}

/** A principle with six indicators, the first two in the quick check. */
function principle(code: string): Principle {
  return {
    code,
    name: `Principle ${code}`,
    description: 'A description.',
    indicators: [1, 2, 3, 4, 5, 6].map((n) => indicator(`${code}${n}`, n <= 2)),
  };
}

function framework(principles: Principle[] = ['SF', 'RC', 'ES', 'CR'].map(principle)): Framework {
  return {
    id: 'test-framework',
    version: '2026.1',
    title: 'Test',
    published: '2026-11-25',
    changelog: 'Test.',
    about: { title: 'About', summary: 'Summary.', sections: [], relatedFrameworks: [] },
    scale: {
      levels: [
        { level: 1, name: 'Ad hoc', meaning: 'One.' },
        { level: 2, name: 'Developing', meaning: 'Two.' },
        { level: 3, name: 'Established', meaning: 'Three.' },
        { level: 4, name: 'Embedded', meaning: 'Four.' },
      ],
      otherAnswers: [
        { key: 'dont-know', label: "Don't know", explanation: 'Unsure.' },
        { key: 'not-applicable', label: 'Not applicable', explanation: 'Left out.' },
      ],
    },
    principles,
  };
}

type Change = (original: Indicator) => Indicator;

/** The valid framework with the indicator at `code` (and any in `more`) changed. */
function withIndicator(code: string, change: Change, more: Record<string, Change> = {}): Framework {
  const changes: Record<string, Change> = { ...more, [code]: change };
  const base = framework();
  return {
    ...base,
    principles: base.principles.map((p) => ({
      ...p,
      indicators: p.indicators.map((i) => changes[i.code]?.(i) ?? i),
    })),
  };
}

function withPrinciple(code: string, change: (original: Principle) => Principle): Framework {
  const base = framework();
  return { ...base, principles: base.principles.map((p) => (p.code === code ? change(p) : p)) };
}

describe('checkFrameworkRules', () => {
  it('finds nothing wrong with a valid framework', () => {
    expect(checkFrameworkRules(framework())).toEqual([]);
  });

  it.each<[string, Framework, string[]]>([
    [
      'too few indicators',
      withPrinciple('CR', (p) => ({ ...p, indicators: p.indicators.slice(0, 5) })),
      ['The framework has 23 indicators. It must have exactly 24.'],
    ],
    [
      'too many quick-check indicators',
      withIndicator('SF3', (i) => ({ ...i, quickCheck: true })),
      [
        'The quick check has 9 indicators (SF1, SF2, SF3, RC1, RC2, ES1, ES2, CR1, CR2)',
        'Principle SF has 3 quick-check indicators (SF1, SF2, SF3). Each principle needs exactly 2.',
      ],
    ],
    [
      'quick check unevenly spread (8 in all, but 3 and 1)',
      withIndicator('SF3', (i) => ({ ...i, quickCheck: true }), {
        RC2: (i) => ({ ...i, quickCheck: false }),
      }),
      [
        'Principle SF has 3 quick-check indicators (SF1, SF2, SF3).',
        'Principle RC has 1 quick-check indicator (RC1).',
      ],
    ],
    [
      'a principle with no quick-check indicators',
      withPrinciple('ES', (p) => ({
        ...p,
        indicators: p.indicators.map((i) => ({ ...i, quickCheck: false })),
      })),
      ['The quick check has 6 indicators', 'Principle ES has 0 quick-check indicators. Each principle'],
    ],
    [
      'duplicate indicator codes',
      withIndicator('SF6', (i) => ({ ...i, code: 'SF5' })),
      ['Indicator code SF5 is used 2 times. Each indicator needs its own code.'],
    ],
    [
      'duplicate principle codes',
      withPrinciple('CR', (p) => ({ ...p, code: 'ES' })),
      [
        'Principle code ES is used 2 times.',
        ...[1, 2, 3, 4, 5, 6].map((n) => `Indicator CR${n} is listed under principle ES.`),
      ],
    ],
    [
      'an indicator under the wrong principle',
      withIndicator('RC4', (i) => ({ ...i, code: 'SF7' })),
      ['Indicator SF7 is listed under principle RC. Its code must start with RC'],
    ],
    [
      'an unknown guidance slug',
      withIndicator('ES2', (i) => ({ ...i, guidance: ['funding-together', 'how-to-win-friends'] })),
      ['Indicator ES2 links to guidance "how-to-win-friends", which is not a guidance article.'],
    ],
    [
      'indicator levels out of order',
      withIndicator('CR3', (i) => ({ ...i, levels: numbered(1, 3, 2, 4) })),
      ['Indicator CR3 has levels 1, 3, 2, 4. List levels 1, 2, 3 and 4 once each'],
    ],
    [
      'indicator with a repeated level',
      withIndicator('CR4', (i) => ({ ...i, levels: numbered(1, 2, 2, 4) })),
      ['Indicator CR4 has levels 1, 2, 2, 4.'],
    ],
    [
      'scale levels out of order',
      { ...framework(), scale: { ...framework().scale, levels: [...framework().scale.levels].reverse() } },
      ['The maturity scale has levels 4, 3, 2, 1.'],
    ],
    [
      'a missing "not applicable" answer',
      {
        ...framework(),
        scale: { ...framework().scale, otherAnswers: framework().scale.otherAnswers.slice(0, 1) },
      },
      ['The maturity scale lists the "not-applicable" answer 0 times. List it exactly once.'],
    ],
  ])('reports %s', (_name, broken, expected) => {
    const problems = checkFrameworkRules(broken);
    for (const text of expected) {
      expect(
        problems.some((problem) => problem.includes(text)),
        `"${text}" in ${problems.join(' | ')}`,
      ).toBe(true);
    }
    expect(problems).toHaveLength(expected.length);
  });
});

describe('indicatorsFor', () => {
  it.each([
    ['full', 24, 'SF1', 'CR6'],
    ['quick', 8, 'SF1', 'CR2'],
  ] as const)('%s gives %i indicators in framework order', (set, count, first, last) => {
    const list = indicatorsFor(framework(), set);
    expect(list).toHaveLength(count);
    expect(list[0]?.code).toBe(first);
    expect(list.at(-1)?.code).toBe(last);
  });

  it('keeps only quick-check indicators in the quick set', () => {
    expect(indicatorsFor(framework(), 'quick').every((i) => i.quickCheck)).toBe(true);
  });
});

describe('findIndicator and principleOf', () => {
  it.each([
    ['SF1', 'SF1', 'SF'],
    ['rc3', 'RC3', 'RC'],
    [' CR6 ', 'CR6', 'CR'],
    ['ES7', undefined, undefined],
    ['', undefined, undefined],
  ])('%j -> indicator %s in principle %s', (code, indicatorCode, principleCode) => {
    expect(findIndicator(framework(), code)?.code).toBe(indicatorCode);
    expect(principleOf(framework(), code)?.code).toBe(principleCode);
  });
});
