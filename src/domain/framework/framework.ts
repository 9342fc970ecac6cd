/**
 * The relationship framework: versioned content (content/framework/*.yaml) that states what a strong
 * council–VCS relationship looks like. Principles hold indicators; every indicator is rated on the same
 * 4-level maturity scale, or answered "don't know" or "not applicable".
 *
 * The JSON Schema (content/schema/framework.schema.json) checks the shape of a file; `checkFrameworkRules`
 * checks the rules a schema cannot express. Both run when content is loaded.
 */

export type LevelNumber = 1 | 2 | 3 | 4;
export const levelNumbers: readonly LevelNumber[] = [1, 2, 3, 4];

/** One step of the maturity scale shared by every indicator. */
export interface MaturityLevel {
  readonly level: LevelNumber;
  readonly name: string;
  readonly meaning: string;
}

export type OtherAnswerKey = 'dont-know' | 'not-applicable';
export const otherAnswerKeys: readonly OtherAnswerKey[] = ['dont-know', 'not-applicable'];

/** An answer that is not a level: "Don't know" or "Not applicable". */
export interface OtherAnswer {
  readonly key: OtherAnswerKey;
  readonly label: string;
  readonly explanation: string;
}

export interface MaturityScale {
  readonly levels: readonly MaturityLevel[];
  readonly otherAnswers: readonly OtherAnswer[];
}

/** What one level of the scale looks like for one indicator. */
export interface IndicatorLevel {
  readonly level: LevelNumber;
  readonly description: string;
}

export interface Indicator {
  /** Its principle's code and a number, like SF1. */
  readonly code: string;
  readonly title: string;
  /** Part of the short quick check as well as the full check. */
  readonly quickCheck: boolean;
  readonly statement: string;
  readonly levels: readonly IndicatorLevel[];
  readonly discussionQuestions: readonly string[];
  /** Slugs of guidance articles; see `guidanceSlugs`. */
  readonly guidance: readonly string[];
}

export interface Principle {
  /** Two capital letters, like SF. */
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly indicators: readonly Indicator[];
}

export interface AboutSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export interface RelatedFramework {
  readonly name: string;
  readonly publisher?: string;
  readonly summary: string;
}

/** The "About this toolkit" page. */
export interface AboutPage {
  readonly title: string;
  readonly summary: string;
  readonly sections: readonly AboutSection[];
  readonly relatedFrameworks: readonly RelatedFramework[];
}

export interface Framework {
  readonly id: string;
  /** Like "2026.1"; a round records the version it used. */
  readonly version: string;
  readonly title: string;
  /** ISO date, YYYY-MM-DD. */
  readonly published: string;
  readonly changelog: string;
  readonly about: AboutPage;
  readonly scale: MaturityScale;
  readonly principles: readonly Principle[];
}

/** Which indicators a round asks about. */
export type IndicatorSet = 'quick' | 'full';

/** The guidance articles an indicator may link to. */
export const guidanceSlugs = [
  'cost-of-living-top-tips',
  'strategic-commissioning',
  'working-with-faith-groups',
  'funding-together',
  'relationships-that-outlast-staff-changes',
  'running-an-assessment-workshop',
  'using-the-needs-map-for-commissioning',
] as const;
export type GuidanceSlug = (typeof guidanceSlugs)[number];

export function isGuidanceSlug(value: string): value is GuidanceSlug {
  return (guidanceSlugs as readonly string[]).includes(value);
}

/** The numbers `checkFrameworkRules` holds every framework version to. */
export const frameworkRules = {
  indicatorCount: 24,
  quickCheckCount: 8,
  quickCheckPerPrinciple: 2,
} as const;

/** Every indicator in the set, in framework order (principle by principle). */
export function indicatorsFor(framework: Framework, set: IndicatorSet): Indicator[] {
  const all = framework.principles.flatMap((principle) => principle.indicators);
  return set === 'quick' ? all.filter((indicator) => indicator.quickCheck) : all;
}

function sameCode(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** The indicator with this code (like "SF1", any case), if the framework has one. */
export function findIndicator(framework: Framework, code: string): Indicator | undefined {
  return indicatorsFor(framework, 'full').find((indicator) => sameCode(indicator.code, code));
}

/** The principle that holds the indicator with this code, if any. */
export function principleOf(framework: Framework, indicatorCode: string): Principle | undefined {
  return framework.principles.find((principle) =>
    principle.indicators.some((indicator) => sameCode(indicator.code, indicatorCode)),
  );
}

function codesUsedMoreThanOnce(codes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}

function levelsInOrder(levels: readonly { level: number }[]): boolean {
  return levels.length === levelNumbers.length && levels.every((entry, index) => entry.level === index + 1);
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The rules a JSON Schema cannot express, as plain-English problems a content editor can act on.
 * An empty list means the framework is fine.
 */
export function checkFrameworkRules(framework: Framework): string[] {
  const problems: string[] = [];
  const indicators = indicatorsFor(framework, 'full');
  const quick = indicatorsFor(framework, 'quick');

  for (const [code, count] of codesUsedMoreThanOnce(framework.principles.map((p) => p.code))) {
    problems.push(`Principle code ${code} is used ${count} times. Each principle needs its own code.`);
  }
  for (const [code, count] of codesUsedMoreThanOnce(indicators.map((i) => i.code))) {
    problems.push(`Indicator code ${code} is used ${count} times. Each indicator needs its own code.`);
  }

  if (indicators.length !== frameworkRules.indicatorCount) {
    problems.push(
      `The framework has ${plural(indicators.length, 'indicator')}. It must have exactly ${frameworkRules.indicatorCount}.`,
    );
  }
  if (quick.length !== frameworkRules.quickCheckCount) {
    const listed = quick.length > 0 ? ` (${quick.map((i) => i.code).join(', ')})` : '';
    problems.push(
      `The quick check has ${plural(quick.length, 'indicator')}${listed}. It must have exactly ` +
        `${frameworkRules.quickCheckCount}: mark ${frameworkRules.quickCheckPerPrinciple} in each principle ` +
        'with "quickCheck: true".',
    );
  }

  for (const principle of framework.principles) {
    const inQuickCheck = principle.indicators.filter((i) => i.quickCheck);
    if (inQuickCheck.length !== frameworkRules.quickCheckPerPrinciple) {
      const listed = inQuickCheck.length > 0 ? ` (${inQuickCheck.map((i) => i.code).join(', ')})` : '';
      problems.push(
        `Principle ${principle.code} has ${plural(inQuickCheck.length, 'quick-check indicator')}${listed}. ` +
          `Each principle needs exactly ${frameworkRules.quickCheckPerPrinciple}.`,
      );
    }
    for (const indicator of principle.indicators) {
      if (!indicator.code.startsWith(principle.code)) {
        problems.push(
          `Indicator ${indicator.code} is listed under principle ${principle.code}. ` +
            `Its code must start with ${principle.code}, or it must move to the right principle.`,
        );
      }
      if (!levelsInOrder(indicator.levels)) {
        problems.push(
          `Indicator ${indicator.code} has levels ${indicator.levels.map((l) => l.level).join(', ') || 'none'}. ` +
            'List levels 1, 2, 3 and 4 once each, in that order.',
        );
      }
      for (const slug of indicator.guidance) {
        if (!isGuidanceSlug(slug)) {
          problems.push(
            `Indicator ${indicator.code} links to guidance "${slug}", which is not a guidance article. ` +
              `Use one of: ${guidanceSlugs.join(', ')}.`,
          );
        }
      }
    }
  }

  if (!levelsInOrder(framework.scale.levels)) {
    problems.push(
      `The maturity scale has levels ${framework.scale.levels.map((l) => l.level).join(', ') || 'none'}. ` +
        'List levels 1, 2, 3 and 4 once each, in that order.',
    );
  }
  for (const key of otherAnswerKeys) {
    const count = framework.scale.otherAnswers.filter((answer) => answer.key === key).length;
    if (count !== 1) {
      problems.push(
        `The maturity scale lists the "${key}" answer ${plural(count, 'time')}. List it exactly once.`,
      );
    }
  }
  return problems;
}
