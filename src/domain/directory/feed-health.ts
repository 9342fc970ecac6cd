/**
 * Feed health: what a check of an Open Referral UK feed against the standard's schemas found, in words an admin
 * can act on. A schema validator reports each failure as a path, a rule and its details; this module turns them
 * into "which record, which field, what is wrong" and counts them, so the page lists each kind of problem once
 * with how many records have it, and the first problems one by one.
 */

/** One failure as a JSON Schema validator reports it (the shape Ajv gives, without depending on Ajv). */
export interface SchemaIssue {
  /** JSON Pointer to the value, such as /phones/0/number; empty for the record itself. */
  readonly path: string;
  /** The schema rule that failed: required, type, format, enum, additionalProperties, pattern… */
  readonly rule: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** The validator's own message, used when the rule has no wording of ours. */
  readonly message: string;
}

/** What was checked: a page of a list, or one record on it or in full. */
export type FeedDocument =
  | 'services page'
  | 'service'
  | 'service in full'
  | 'services at locations page'
  | 'service at a location'
  | 'organisations page'
  | 'organisation'
  | 'taxonomies page'
  | 'taxonomy'
  | 'taxonomy terms page'
  | 'taxonomy term'
  | 'feed';

export interface FeedHealthProblem {
  readonly document: FeedDocument;
  /** The record or page, such as "Carers Café (id 1234)" or "page 3". */
  readonly record: string;
  /** The field in words, such as "phones › item 1 › number"; "the whole record" for the record itself. */
  readonly field: string;
  readonly problem: string;
}

/** Each kind of problem once: where, which field (list items not told apart), what, and how many. */
export interface FeedHealthProblemGroup {
  readonly document: FeedDocument;
  readonly field: string;
  readonly problem: string;
  readonly count: number;
  /** A few of the records that have it. */
  readonly examples: readonly string[];
}

export interface FeedHealthResult {
  /** Pages of lists read. */
  readonly pages: number;
  /** Records checked (list items and records in full). */
  readonly records: number;
  readonly recordsWithProblems: number;
  readonly problemCount: number;
  readonly groups: readonly FeedHealthProblemGroup[];
  /** The first problems one by one; `problemCount` says how many there are in all. */
  readonly problems: readonly FeedHealthProblem[];
  /** Said about the feed as a whole, such as which version of the standard it was checked against. */
  readonly notes: readonly string[];
}

/** How many problems are kept one by one, and how many example records each kind of problem keeps. */
export const problemsKept = 200;
export const examplesKept = 5;

const typeWords: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty',
};

const formatWords: Readonly<Record<string, string>> = {
  date: 'date (like 2024-12-18)',
  'date-time': 'date and time (like 2024-12-18T09:30:00Z)',
  time: 'time (like 09:30)',
  email: 'email address',
  uri: 'web address',
  url: 'web address',
  uuid: 'UUID identifier',
};

const segment = (part: string) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : part);

/** A JSON Pointer in words: /phones/0/number is "phones › item 1 › number". */
export function fieldInWords(path: string, ...more: string[]): string {
  const parts = [
    ...path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')),
    ...more,
  ];
  return parts.length === 0 ? 'the whole record' : parts.map(segment).join(' › ');
}

const withoutItems = (field: string) => field.replace(/ › item \d+/g, '');

const quoted = (values: unknown) =>
  Array.isArray(values) ? values.map((v) => `“${String(v)}”`).join(', ') : `“${String(values)}”`;

/** The field an issue is about and what is wrong with it, in plain English. */
export function describeIssue(issue: SchemaIssue): { field: string; problem: string } {
  const d = issue.details;
  switch (issue.rule) {
    case 'required':
      return {
        field: fieldInWords(issue.path, String(d.missingProperty)),
        problem: 'is missing, and the standard requires it',
      };
    case 'additionalProperties':
      return {
        field: fieldInWords(issue.path, String(d.additionalProperty)),
        problem: 'is not a field the standard has',
      };
    case 'type': {
      const wanted = String(d.type)
        .split(',')
        .map((t) => typeWords[t] ?? t)
        .join(' or ');
      return { field: fieldInWords(issue.path), problem: `should be ${wanted}` };
    }
    case 'format':
      return {
        field: fieldInWords(issue.path),
        problem: `is not a valid ${formatWords[String(d.format)] ?? String(d.format)}`,
      };
    case 'enum':
      return { field: fieldInWords(issue.path), problem: `must be one of ${quoted(d.allowedValues)}` };
    case 'const':
      return { field: fieldInWords(issue.path), problem: `must be ${quoted(d.allowedValue)}` };
    case 'pattern':
      return { field: fieldInWords(issue.path), problem: 'is not written the way the standard asks' };
    case 'minLength':
      return { field: fieldInWords(issue.path), problem: 'is empty' };
    case 'minItems':
      return { field: fieldInWords(issue.path), problem: `needs at least ${String(d.limit)}` };
    case 'minimum':
    case 'maximum':
      return {
        field: fieldInWords(issue.path),
        problem: `must be ${issue.rule === 'minimum' ? 'at least' : 'at most'} ${String(d.limit)}`,
      };
    default:
      return { field: fieldInWords(issue.path), problem: issue.message };
  }
}

/**
 * Collects the problems of a check as it goes, record by record, and gives the result. Keeps every kind of
 * problem with its count, but only the first problems one by one, so a feed with thousands of them stays small.
 */
export class FeedHealthTally {
  private pages = 0;
  private records = 0;
  private recordsWithProblems = 0;
  private problemCount = 0;
  private readonly groups = new Map<string, { group: FeedHealthProblemGroup; examples: string[] }>();
  private readonly kept: FeedHealthProblem[] = [];
  private readonly notes: string[] = [];

  page(): void {
    this.pages += 1;
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** A problem that is not a schema failure, such as a page that is not JSON. */
  problem(document: FeedDocument, record: string, field: string, problem: string): void {
    this.problemCount += 1;
    if (this.kept.length < problemsKept) this.kept.push({ document, record, field, problem });
    const key = JSON.stringify([document, withoutItems(field), problem]);
    const found = this.groups.get(key) ?? {
      group: { document, field: withoutItems(field), problem, count: 0, examples: [] },
      examples: [],
    };
    if (!found.examples.includes(record) && found.examples.length < examplesKept) found.examples.push(record);
    found.group = { ...found.group, count: found.group.count + 1 };
    this.groups.set(key, found);
  }

  /** One record (or a page's envelope) checked, with the schema's issues; none when it is valid. */
  record(document: FeedDocument, record: string, issues: readonly SchemaIssue[]): void {
    if (!document.endsWith('page')) this.records += 1;
    if (issues.length === 0) return;
    if (!document.endsWith('page')) this.recordsWithProblems += 1;
    for (const issue of issues) {
      const { field, problem } = describeIssue(issue);
      this.problem(document, record, field, problem);
    }
  }

  result(): FeedHealthResult {
    return {
      pages: this.pages,
      records: this.records,
      recordsWithProblems: this.recordsWithProblems,
      problemCount: this.problemCount,
      groups: [...this.groups.values()]
        .map(({ group, examples }) => ({ ...group, examples }))
        .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field)),
      problems: this.kept,
      notes: this.notes,
    };
  }
}

/** A record as the page names it: its name and id when it has them. */
export function recordLabel(value: unknown, fallback: string): string {
  if (value === null || typeof value !== 'object') return fallback;
  const { id, name } = value as { id?: unknown; name?: unknown };
  const named = typeof name === 'string' && name.trim() ? name.trim() : undefined;
  const identified = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  if (named && identified) return `${named} (id ${identified})`;
  return named ?? (identified ? `id ${identified}` : fallback);
}
