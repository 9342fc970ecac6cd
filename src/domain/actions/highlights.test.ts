import { describe, expect, it } from 'vitest';
import type { ActionStatus } from './actions.js';
import { actionHighlights, quarterOf } from './highlights.js';

const action = (
  title: string,
  dueOn: string | null,
  status: ActionStatus,
  updatedAt = '2026-01-01T10:00:00Z',
) => ({
  title,
  dueOn,
  status,
  updatedAt,
});

describe('quarterOf', () => {
  it.each([
    ['2026-01-01', '2026-01-01', '2026-03-31', 'January to March 2026'],
    ['2026-03-31', '2026-01-01', '2026-03-31', 'January to March 2026'],
    ['2026-04-01', '2026-04-01', '2026-06-30', 'April to June 2026'],
    ['2026-08-15', '2026-07-01', '2026-09-30', 'July to September 2026'],
    ['2026-12-31', '2026-10-01', '2026-12-31', 'October to December 2026'],
    ['2028-02-10', '2028-01-01', '2028-03-31', 'January to March 2028'],
  ])('%s is in the quarter %s to %s', (day, start, end, label) => {
    expect(quarterOf(day)).toEqual({ start, end, label });
  });
});

describe('actionHighlights', () => {
  const today = '2026-05-10';

  it.each([
    // [title, dueOn, status, overdue?, due soon?]
    ['due yesterday, open', '2026-05-09', 'in-progress', true, false],
    ['due yesterday, done', '2026-05-09', 'done', false, false],
    ['due yesterday, dropped', '2026-05-09', 'dropped', false, false],
    ['due today', '2026-05-10', 'not-started', false, true],
    ['due in 14 days', '2026-05-24', 'in-progress', false, true],
    ['due in 15 days', '2026-05-25', 'in-progress', false, false],
    ['due in 3 days but dropped', '2026-05-13', 'dropped', false, false],
    ['due in 3 days but done', '2026-05-13', 'done', false, false],
    ['no due date', null, 'not-started', false, false],
  ] as const)('%s: overdue %s, due soon %s', (title, dueOn, status, overdue, soon) => {
    const found = actionHighlights([action(title, dueOn, status)], today);
    expect(found.overdue.length).toBe(overdue ? 1 : 0);
    expect(found.dueSoon.length).toBe(soon ? 1 : 0);
  });

  it.each([
    ['done on the first day of the quarter', 'done', '2026-04-01T00:10:00Z', true],
    ['done today', 'done', '2026-05-10T08:00:00Z', true],
    ['done last quarter', 'done', '2026-03-31T23:00:00Z', false],
    ['in progress, changed this quarter', 'in-progress', '2026-05-01T10:00:00Z', false],
    ['dropped this quarter', 'dropped', '2026-05-01T10:00:00Z', false],
  ] as const)('%s: done this quarter %s', (title, status, updatedAt, expected) => {
    const found = actionHighlights([action(title, null, status, updatedAt)], today);
    expect(found.doneThisQuarter.length).toBe(expected ? 1 : 0);
  });

  it('orders overdue and due soon by due date and done most recent first, with the window stated', () => {
    const found = actionHighlights(
      [
        action('late b', '2026-05-01', 'in-progress'),
        action('late a', '2026-04-01', 'not-started'),
        action('soon b', '2026-05-20', 'in-progress'),
        action('soon a', '2026-05-11', 'in-progress'),
        action('done a', null, 'done', '2026-04-20T10:00:00Z'),
        action('done b', null, 'done', '2026-05-02T10:00:00Z'),
      ],
      today,
    );
    expect(found.overdue.map((a) => a.title)).toEqual(['late a', 'late b']);
    expect(found.dueSoon.map((a) => a.title)).toEqual(['soon a', 'soon b']);
    expect(found.doneThisQuarter.map((a) => a.title)).toEqual(['done b', 'done a']);
    expect(found.dueSoonUntil).toBe('2026-05-24');
    expect(found.quarter.label).toBe('April to June 2026');
  });
});
