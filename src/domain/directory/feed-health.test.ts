import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  FeedHealthTally,
  problemsKept,
  recordLabel,
  type SchemaIssue,
} from './feed-health.js';

const issue = (rule: string, path: string, details: Record<string, unknown> = {}): SchemaIssue => ({
  rule,
  path,
  details,
  message: `fails ${rule}`,
});

describe('describeIssue', () => {
  it.each([
    [
      issue('required', '', { missingProperty: 'status' }),
      'status',
      'is missing, and the standard requires it',
    ],
    [
      issue('required', '/phones/0', { missingProperty: 'number' }),
      'phones › item 1 › number',
      'is missing, and the standard requires it',
    ],
    [
      issue('additionalProperties', '', { additionalProperty: 'colour' }),
      'colour',
      'is not a field the standard has',
    ],
    [issue('type', '/name', { type: 'string' }), 'name', 'should be text'],
    [issue('type', '/age', { type: 'integer,null' }), 'age', 'should be a whole number or empty'],
    [
      issue('format', '/assured_date', { format: 'date' }),
      'assured_date',
      'is not a valid date (like 2024-12-18)',
    ],
    [issue('format', '/email', { format: 'email' }), 'email', 'is not a valid email address'],
    [
      issue('enum', '/status', { allowedValues: ['active', 'inactive'] }),
      'status',
      'must be one of “active”, “inactive”',
    ],
    [issue('pattern', '/a~1b', {}), 'a/b', 'is not written the way the standard asks'],
    [issue('minimum', '/minimum_age', { limit: 0 }), 'minimum_age', 'must be at least 0'],
    [issue('if', '/x', {}), 'x', 'fails if'],
  ])('%o is "%s %s"', (given, field, problem) => {
    expect(describeIssue(given)).toEqual({ field, problem });
  });
});

describe('FeedHealthTally', () => {
  it('counts records, records with problems and each kind of problem across list items', () => {
    const tally = new FeedHealthTally();
    tally.page();
    tally.record('services page', 'page 1', []);
    tally.record('service', 'A (id 1)', [
      issue('required', '/phones/0', { missingProperty: 'number' }),
      issue('format', '/email', { format: 'email' }),
    ]);
    tally.record('service', 'B (id 2)', [issue('required', '/phones/3', { missingProperty: 'number' })]);
    tally.record('service', 'C (id 3)', []);
    const result = tally.result();
    expect(result).toMatchObject({ pages: 1, records: 3, recordsWithProblems: 2, problemCount: 3 });
    expect(result.groups).toEqual([
      {
        document: 'service',
        field: 'phones › number',
        problem: 'is missing, and the standard requires it',
        count: 2,
        examples: ['A (id 1)', 'B (id 2)'],
      },
      {
        document: 'service',
        field: 'email',
        problem: 'is not a valid email address',
        count: 1,
        examples: ['A (id 1)'],
      },
    ]);
    expect(result.problems.map((p) => p.field)).toEqual([
      'phones › item 1 › number',
      'email',
      'phones › item 4 › number',
    ]);
  });

  it('keeps only the first problems one by one but counts them all', () => {
    const tally = new FeedHealthTally();
    for (let n = 0; n < problemsKept + 7; n += 1) {
      tally.record('service', `id ${n}`, [issue('required', '', { missingProperty: 'name' })]);
    }
    const result = tally.result();
    expect(result.problemCount).toBe(problemsKept + 7);
    expect(result.problems).toHaveLength(problemsKept);
    expect(result.groups[0]?.count).toBe(problemsKept + 7);
    expect(result.groups[0]?.examples).toHaveLength(5);
  });
});

describe('recordLabel', () => {
  it.each([
    [{ id: 'x1', name: ' Café ' }, 'Café (id x1)'],
    [{ id: 7 }, 'id 7'],
    [{ name: 'Only a name' }, 'Only a name'],
    [['not a record'], 'record 4'],
    [null, 'record 4'],
  ])('%o is "%s"', (value, label) => {
    expect(recordLabel(value, 'record 4')).toBe(label);
  });
});
