import type { NeedContext } from '../../app/needs/needs.js';
import type { NeedInput } from '../../app/needs/need-input.js';
import {
  needSeverities,
  needSeverityLabels,
  needSourceLabels,
  needSources,
} from '../../domain/needs/model.js';
import type { Theme } from '../../domain/directory/themes.js';
import { text } from '../forms.js';

/** The needs form's values as typed, with the date in its three boxes. */
export interface NeedFormValues extends Omit<NeedInput, 'reportedOn'> {
  readonly reportedOn: { day: string; month: string; year: string };
}

export const severityHints: Record<number, string> = {
  1: 'Some people are affected; current help mostly copes.',
  2: 'A noticeable need that current help only partly meets.',
  3: 'A serious need: many people, or a big effect on their lives.',
  4: 'An urgent need: harm is likely without more help soon.',
};

export function needValuesFromBody(body: unknown): NeedFormValues {
  return {
    areaCode: text(body, 'areaCode'),
    theme: text(body, 'theme'),
    severity: text(body, 'severity'),
    peopleAffected: text(body, 'peopleAffected'),
    evidence: text(body, 'evidence'),
    source: text(body, 'source'),
    reportingOrganisationId: text(body, 'reportingOrganisationId'),
    reportedOn: {
      day: text(body, 'reportedOn-day'),
      month: text(body, 'reportedOn-month'),
      year: text(body, 'reportedOn-year'),
    },
  };
}

export function needValuesFromInput(input: NeedInput): NeedFormValues {
  const [year = '', month = '', day = ''] = input.reportedOn.split('-');
  return {
    ...input,
    reportedOn: input.reportedOn
      ? { day: String(Number(day)), month: String(Number(month)), year }
      : { day: '', month: '', year: '' },
  };
}

/** The form's values as the use-cases read them: the date boxes as YYYY-MM-DD ('' when all are empty). */
export function needInputFromValues(values: NeedFormValues): NeedInput {
  const { day, month, year } = values.reportedOn;
  const reportedOn =
    !day && !month && !year
      ? ''
      : `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return { ...values, reportedOn };
}

/** Problem keys from the rules, as the ids of the fields on the form. */
export function needFieldIds(problems: Readonly<Record<string, string>>): Record<string, string> {
  const ids: Record<string, string> = {
    reportedOn: 'reportedOn-day',
    severity: 'severity',
    source: 'source',
  };
  return Object.fromEntries(Object.entries(problems).map(([key, message]) => [ids[key] ?? key, message]));
}

/** The choices on the form: areas grouped by ward, themes, severities, sources and organisations. */
export function needChoices(
  context: NeedContext,
  themes: readonly Theme[],
  values: NeedFormValues,
  ownOrganisationOnly: string | null | undefined,
) {
  const authority = context.areas.list.find((a) => a.level === 'authority');
  const wards = context.areas.list.filter((a) => a.level === 'ward');
  const organisations =
    ownOrganisationOnly === undefined
      ? context.organisations
      : context.organisations.filter((o) => o.id === ownOrganisationOnly);
  return {
    authorityOption: authority
      ? {
          value: authority.code,
          text: `All of ${authority.name}`,
          selected: values.areaCode === authority.code,
        }
      : undefined,
    wardGroups: wards.map((ward) => ({
      label: ward.name,
      options: [
        { value: ward.code, text: `${ward.name} (the whole ward)`, selected: values.areaCode === ward.code },
        ...context.areas.list
          .filter((a) => a.wardCode === ward.code)
          .map((lsoa) => ({
            value: lsoa.code,
            text: `${lsoa.name} (${lsoa.code})`,
            selected: values.areaCode === lsoa.code,
          })),
      ],
    })),
    themeItems: [
      { value: '', text: 'Select a theme' },
      ...themes.map((t) => ({ value: t.id, text: t.name, selected: values.theme === t.id })),
    ],
    severityItems: needSeverities.map((s) => ({
      value: String(s),
      text: `${s} – ${needSeverityLabels[s]}`,
      hint: { text: severityHints[s] },
      checked: values.severity === String(s),
    })),
    sourceItems: needSources.map((s) => ({
      value: s,
      text: needSourceLabels[s],
      checked: values.source === s,
    })),
    organisationItems: [
      { value: '', text: 'None' },
      ...organisations.map((o) => ({
        value: o.id,
        text: o.name,
        selected: values.reportingOrganisationId === o.id,
      })),
    ],
  };
}
