import { describe, expect, it } from 'vitest';
import {
  actionLineProblem,
  actionOriginLabel,
  cleanActionLine,
  isWorkshopSource,
  linesToAdd,
  normaliseActionText,
  splitActionLines,
  workshopSource,
} from './workshop-actions.js';

describe('cleanActionLine', () => {
  it.each([
    ['  Pilot three-year grants.  ', 'Pilot three-year grants'],
    ['- Share the needs map', 'Share the needs map'],
    ['* Share the needs map;', 'Share the needs map'],
    ['• Share   the   needs map', 'Share the needs map'],
    ['1. Agree a statement', 'Agree a statement'],
    ['12) Agree a statement', 'Agree a statement'],
    ['2026 budget review', '2026 budget review'],
    ['-not a marker', '-not a marker'],
    ['   ', ''],
  ])('%j → %j', (line, expected) => {
    expect(cleanActionLine(line)).toBe(expected);
  });
});

describe('normaliseActionText', () => {
  it.each([
    ['Write a new statement.', 'write a new statement'],
    ['- WRITE a  new statement', 'write a new statement'],
    ['Agree the council’s “promise”', 'agree the council\'s "promise"'],
  ])('%j → %j', (line, expected) => {
    expect(normaliseActionText(line)).toBe(expected);
  });
});

describe('splitActionLines', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['\n \n', []],
    ['One action', ['One action']],
    ['First action\r\nSecond action\rThird action', ['First action', 'Second action', 'Third action']],
    ['First action\n\n  \nSecond action.\n', ['First action', 'Second action']],
    ['Map payments\n- map payments.\nMAP PAYMENTS', ['Map payments']],
  ])('%j → %j', (text, lines) => {
    expect(splitActionLines(text)).toEqual(lines);
  });
});

describe('actionLineProblem', () => {
  it.each<[string[], string | undefined]>([
    [[], undefined],
    [['abc', 'x'.repeat(160)], undefined],
    [
      ['Fine action', 'ab'],
      'Action 2 must be from 3 to 160 characters: put one short action on each line, and add detail in the action plan later',
    ],
    [
      ['x'.repeat(161)],
      'Action 1 must be from 3 to 160 characters: put one short action on each line, and add detail in the action plan later',
    ],
  ])('%j', (lines, problem) => {
    expect(actionLineProblem(lines)).toBe(problem);
  });
});

describe('linesToAdd', () => {
  it.each<[string[], string[], string[]]>([
    [['A first action', 'A second action'], [], ['A first action', 'A second action']],
    [['A first action', 'A second action'], ['a first action.'], ['A second action']],
    [['A first action'], ['A first action', 'Something removed from the box'], []],
  ])('lines %j with %j already in the plan → %j', (lines, existing, added) => {
    expect(linesToAdd(lines, existing)).toEqual(added);
  });
});

describe('workshop sources', () => {
  it.each([
    ['workshop:SF', true],
    ['gap:RC2', false],
    ['manual', false],
  ])('%s is from a workshop → %s', (source, expected) => {
    expect(isWorkshopSource(source)).toBe(expected);
  });

  it('names the principle', () => {
    expect(workshopSource('CR')).toBe('workshop:CR');
  });
});

describe('actionOriginLabel', () => {
  it.each([
    ['workshop:SF', 'Agreed at the workshop'],
    ['gap:RC2', 'From a perception gap in the results'],
    ['priority:CR2', 'From a priority in the results'],
    ['guidance:funding-together', 'Suggested in the guidance'],
    ['manual', ''],
  ])('%s → %j', (source, label) => {
    expect(actionOriginLabel(source)).toBe(label);
  });
});
