import { z } from 'zod';
import { needSources, type NeedDetails, type NeedSeverity } from '../../domain/needs/model.js';
import { findPersonalData, personalDataMessage } from '../../domain/needs/personal-data.js';

/** A need as typed on the form or read from a file: every field a string. */
export interface NeedInput {
  readonly areaCode: string;
  readonly theme: string;
  readonly severity: string;
  readonly peopleAffected: string;
  readonly evidence: string;
  readonly source: string;
  readonly reportingOrganisationId: string;
  readonly reportedOn: string;
}

/** What a need is checked against: the partnership's areas, the themes and organisations, and today. */
export interface NeedRules {
  readonly areaCodes: ReadonlySet<string>;
  readonly themeIds: ReadonlySet<string>;
  readonly organisationIds: ReadonlySet<string>;
  /** Today, YYYY-MM-DD: a need cannot be reported in the future. */
  readonly today: string;
}

export const evidenceMaxLength = 2000;
const mostPeople = 10_000_000;

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

function needSchema(rules: NeedRules) {
  return z.object({
    areaCode: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, 'Select the area the need is in')
      .refine((code) => rules.areaCodes.has(code), {
        message: 'Select an area in this partnership: its authority, one of its wards or one of their LSOAs',
      }),
    theme: z
      .string()
      .trim()
      .min(1, 'Select the theme of the need')
      .refine((theme) => rules.themeIds.has(theme), { message: 'Select a theme from the list' }),
    severity: z
      .enum(['1', '2', '3', '4'], { error: 'Select how severe the need is' })
      .transform((value) => Number(value) as NeedSeverity),
    peopleAffected: z
      .string()
      .trim()
      .transform((value) => value.replace(/,/g, ''))
      .refine((value) => value === '' || /^\d+$/.test(value), {
        message: 'Enter roughly how many people are affected as a whole number, like 40, or leave it empty',
      })
      .transform((value) => (value === '' ? null : Number(value)))
      .refine((value) => value === null || (value >= 1 && value <= mostPeople), {
        message: `Enter a number of people from 1 to ${mostPeople.toLocaleString('en-GB')}, or leave it empty`,
      }),
    evidence: z
      .string()
      .trim()
      .min(1, 'Describe the need and how partners know about it')
      .max(evidenceMaxLength, `Keep the evidence to ${evidenceMaxLength} characters or fewer`)
      .superRefine((text, context) => {
        const findings = findPersonalData(text, { currentYear: Number(rules.today.slice(0, 4)) });
        if (findings.length > 0) context.addIssue({ code: 'custom', message: personalDataMessage(findings) });
      }),
    source: z.enum(needSources, { error: 'Select where the evidence comes from' }),
    reportingOrganisationId: z
      .string()
      .trim()
      .refine((id) => id === '' || rules.organisationIds.has(id), {
        message: 'Select an organisation in this partnership, or none',
      })
      .transform((id) => (id === '' ? null : id)),
    reportedOn: z
      .string()
      .trim()
      .min(1, 'Enter the date the need was seen or reported')
      .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value), {
        message: 'Enter a real date the need was seen or reported',
      })
      .refine((value) => value <= rules.today, {
        message: 'The date the need was reported must be today or in the past',
      }),
  });
}

export type NeedCheck =
  | { readonly ok: true; readonly value: NeedDetails }
  | { readonly ok: false; readonly problems: Readonly<Record<keyof NeedInput | string, string>> };

/** One schema per set of rules: an import checks thousands of rows against the same rules. */
const schemas = new WeakMap<NeedRules, ReturnType<typeof needSchema>>();

/** Checks a need against the rules; each problem is a sentence for the person, keyed by field. */
export function checkNeedInput(input: NeedInput, rules: NeedRules): NeedCheck {
  let schema = schemas.get(rules);
  if (!schema) {
    schema = needSchema(rules);
    schemas.set(rules, schema);
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    problems[field] ??= issue.message;
  }
  return { ok: false, problems };
}
