/**
 * Actions agreed at a workshop: one per line of the "Actions agreed" box. Each line becomes an action in the
 * plan once; saving the box again adds only lines the plan does not already hold for that round and principle.
 * A line removed from the box later leaves its action in the plan, because it may already have progress.
 */
import { actionLimits } from './actions.js';
import { guidanceSlugOfSource } from './guidance-actions.js';

/** The source recorded on an action agreed at a workshop for one principle, for example 'workshop:SF'. */
export function workshopSource(principleCode: string): string {
  return `workshop:${principleCode}`;
}

export function isWorkshopSource(source: string): boolean {
  return source.startsWith('workshop:');
}

const listMarker = /^(?:[-*•–]|\d{1,3}[.)])\s+/u;

/** A line as people typed it, without list markers, repeated spaces or a full stop at the end. */
export function cleanActionLine(line: string): string {
  return line
    .trim()
    .replace(listMarker, '')
    .replace(/\s+/gu, ' ')
    .replace(/[.;,]+$/u, '')
    .trim();
}

/** What two lines are compared by: the cleaned line in lower case, with typographic quotes made plain. */
export function normaliseActionText(line: string): string {
  return cleanActionLine(line).toLowerCase().replace(/[‘’]/gu, "'").replace(/[“”]/gu, '"');
}

/** The non-empty lines of the box, cleaned, each once (the first spelling kept). */
export function splitActionLines(text: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = cleanActionLine(raw);
    const key = normaliseActionText(line);
    if (line === '' || seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines;
}

/** Problems with the lines, keyed for the form field: each line must make a title for an action. */
export function actionLineProblem(lines: readonly string[]): string | undefined {
  const index = lines.findIndex(
    (line) => line.length < actionLimits.titleMin || line.length > actionLimits.titleMax,
  );
  if (index === -1) return undefined;
  return `Action ${index + 1} must be from ${actionLimits.titleMin} to ${actionLimits.titleMax} characters: put one short action on each line, and add detail in the action plan later`;
}

/** The lines that are not yet actions, given the titles of the actions already agreed for the same principle. */
export function linesToAdd(lines: readonly string[], existingTitles: readonly string[]): string[] {
  const existing = new Set(existingTitles.map(normaliseActionText));
  return lines.filter((line) => !existing.has(normaliseActionText(line)));
}

/** Where an action came from, in words for the plan; '' for an action added by hand. */
export function actionOriginLabel(source: string): string {
  if (isWorkshopSource(source)) return 'Agreed at the workshop';
  if (source.startsWith('gap:')) return 'From a perception gap in the results';
  if (source.startsWith('priority:')) return 'From a priority in the results';
  if (guidanceSlugOfSource(source)) return 'Suggested in the guidance';
  return '';
}
