import type { ImportKindInfo, ImportProblem, ProblemOutcome } from '../../app/interchange.js';
import type { ImportJobView } from '../../app/imports/import-jobs.js';

/** Problems shown on the page; the CSV download has them all. */
const PROBLEMS_SHOWN = 100;

export const statusLabels: Record<string, { text: string; classes: string }> = {
  previewing: { text: 'Checking the file', classes: 'govuk-tag--light-blue' },
  previewed: { text: 'Ready to import', classes: 'govuk-tag--yellow' },
  applying: { text: 'Importing', classes: 'govuk-tag--light-blue' },
  applied: { text: 'Imported', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

export const optionField = (kind: string, option: string) => `${kind}--${option}`;

export function kindItems(kinds: readonly ImportKindInfo[], values: Record<string, string>) {
  return kinds.map((kind) => ({
    value: kind.kind,
    text: kind.description,
    checked: values.kind === kind.kind,
    options: (kind.options ?? []).map((option) => ({
      ...option,
      field: optionField(kind.kind, option.name),
      value: values[optionField(kind.kind, option.name)] ?? '',
    })),
    accept: kind.accept,
  }));
}

export const percentOf = (view: { done: number; total: number }) =>
  view.total > 0 ? Math.min(100, Math.floor((view.done / view.total) * 100)) : 0;

export const outcomeTags: Record<ProblemOutcome, { text: string; classes: string }> = {
  skipped: { text: 'Skipped', classes: 'govuk-tag--red' },
  kept: { text: 'Kept', classes: 'govuk-tag--grey' },
};

/** A problem as the page shows it; reports saved before problems said their outcome show none. */
const problemView = (problem: ImportProblem) => ({
  ...problem,
  outcomeText: outcomeTags[problem.outcome]?.text ?? '',
  outcomeClasses: outcomeTags[problem.outcome]?.classes ?? '',
});

/** "2 rows skipped and 3 kept with a problem": the rows the problems are on, counted once each. */
function problemOutcomes(problems: readonly ImportProblem[]): string {
  const rows = { skipped: new Set<number>(), kept: new Set<number>() };
  for (const problem of problems) if (problem.outcome in rows) rows[problem.outcome].add(problem.row);
  for (const row of rows.skipped) rows.kept.delete(row);
  const count = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;
  return `${count(rows.skipped.size)} skipped and ${count(rows.kept.size)} kept with a problem.`;
}

/** A job as the import pages show it: status, progress, the first problems and the data quality checks. */
export function jobView(view: ImportJobView, base: string) {
  const { job, report } = view;
  const percent = percentOf(view);
  return {
    ...job,
    href: `${base}/${job.id}`,
    statusTag: statusLabels[job.status],
    running: job.status === 'previewing' || job.status === 'applying',
    done: view.done,
    total: view.total,
    percent,
    report,
    problems: report?.problems.slice(0, PROBLEMS_SHOWN).map(problemView) ?? [],
    problemOutcomes: problemOutcomes(report?.problems ?? []),
    moreProblems: Math.max(0, (report?.problems.length ?? 0) - PROBLEMS_SHOWN),
    importable: report ? report.read - report.skipped : 0,
    notes: report?.notes?.slice(0, PROBLEMS_SHOWN) ?? [],
    moreNotes: Math.max(0, (report?.notes?.length ?? 0) - PROBLEMS_SHOWN),
    quality: report?.quality
      ? {
          grants: report.quality.grants,
          findings: report.quality.checks.filter((check) => check.count > 0),
          passed: report.quality.checks.filter((check) => check.count === 0).map((check) => check.label),
        }
      : undefined,
  };
}
