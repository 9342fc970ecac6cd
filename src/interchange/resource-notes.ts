import { ImportSourceError, type ImportProblem } from '../app/interchange.js';
import { isInUk } from '../domain/areas/geometry-check.js';
import { distanceText, type RepeatedName } from '../domain/directory/place-checks.js';

/** What to do with places outside the partnership's authority: import them (and say so), or leave them out. */
export type OutsideArea = 'keep' | 'skip';

/** The `outside-area` option: keep (the default, also when blank) or skip. */
export function outsideAreaOption(option: string | undefined): OutsideArea {
  const value = option?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'keep') return 'keep';
  if (value === 'skip') return 'skip';
  throw new ImportSourceError(
    `"${option ?? ''}" is not a choice for places outside your council’s area: choose keep or skip.`,
  );
}

/** What the numbers in a file count: its lines (CSV, the header is line 1) or its features (GeoJSON, from 1). */
export type Unit = 'line' | 'feature';

const linesShown = 10;

const number = (n: number) => n.toLocaleString('en-GB');

/** "line 12", or "feature 12". */
export const at = (unit: Unit, line: number) => `${unit} ${number(line)}`;

/** "lines 3, 7 and 12" or "features 3, 7, … and 400 more". */
function linesText(unit: Unit, lines: readonly number[]): string {
  if (lines.length === 1) return at(unit, lines[0] ?? 0);
  const shown = lines.slice(0, linesShown).map(number);
  const more = lines.length - shown.length;
  if (more > 0) return `${unit}s ${shown.join(', ')} and ${number(more)} more`;
  return `${unit}s ${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/** The whole-file note on places kept though they lie outside the authority's boundary. */
export function outsideAreaNote(
  authority: string,
  unit: Unit,
  lines: readonly number[],
  located: number,
): ImportProblem {
  return {
    row: 0,
    field: 'location',
    reason:
      `${number(lines.length)} of the ${number(located)} places with a location lie outside ${authority} (${linesText(unit, lines)}). ` +
      'They are imported. To leave them out, import the file again and choose to leave out places outside your council’s area.',
    outcome: 'kept',
  };
}

/** The whole-file note on places with no point, which cannot be placed inside or outside the authority. */
export function unlocatedNote(authority: string, count: number): ImportProblem {
  return {
    row: 0,
    field: 'location',
    reason: `${number(count)} ${count === 1 ? 'place has' : 'places have'} no location in the UK, so whether ${count === 1 ? 'it lies' : 'they lie'} in ${authority} is not known. ${count === 1 ? 'It is' : 'They are'} imported.`,
    outcome: 'kept',
  };
}

/** A note that a name is used again at another place, with both lines. */
export function repeatedNameNote(unit: Unit, repeat: RepeatedName): ImportProblem {
  return {
    row: repeat.line,
    field: 'name',
    reason: `${repeat.name} is also the name of the place at ${at(unit, repeat.firstLine)}, ${distanceText(repeat.metresApart)} away. Both are imported; check they are not one place listed twice, and give them names that tell them apart`,
    outcome: 'kept',
  };
}

/** Why a point was left out: not in the UK, perhaps with longitude and latitude the wrong way round. */
export function pointProblem(latitude: unknown, longitude: unknown): string {
  const [lat, lng] = [Number(latitude), Number(longitude)];
  const swapped = Number.isFinite(lat) && Number.isFinite(lng) && isInUk(lat, lng);
  return `latitude ${String(latitude)}, longitude ${String(longitude)} is not a point in the UK${swapped ? ' (are latitude and longitude the wrong way round?)' : ''}; kept without a point`;
}
