import { distanceKm, type LatLng } from './distance.js';

/*
 * Checks on a list of places being imported that no single record shows: names that look like test records, and
 * one name used at places far apart.
 */

/** Words that mark a record as a test, as whole words in any case. */
const testWords =
  /\b(test|dummy|do not use|don'?t use|not live|x{3,}|asdf\w*|qwerty|sample|lorem ipsum|delete me|placeholder)\b/i;
/** Real names with "test" in them: the Test Valley, the River Test, NHS Test and Trace, a test centre or site. */
const realTests =
  /\b(test valley|river test|test (and|&) trace|mot test|test(ing)? (centre|center|site))\b/gi;

/** The words that make a name look like a test record ("TEST-SPACE-NOT-LIVE" gives "TEST"), or undefined. */
export function testRecordWords(name: string): string | undefined {
  return testWords.exec(name.replace(realTests, ' '))?.[0];
}

/** A name as compared for repeats: accents, case, punctuation, "&" for "and" and a leading "The" do not count. */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface NamedPlace {
  /** Where in the file: a line or a feature's position. */
  readonly line: number;
  readonly name: string;
  readonly point: LatLng | null;
}

export interface RepeatedName {
  readonly line: number;
  readonly firstLine: number;
  readonly name: string;
  readonly metresApart: number;
}

/**
 * Places whose name an earlier place has, more than `apartMetres` from every earlier place of that name: each
 * with the line of the first place of the name. Places with no point are left out, as their distance is unknown.
 */
export function repeatedNames(places: readonly NamedPlace[], apartMetres = 50): RepeatedName[] {
  const seen = new Map<string, { line: number; point: LatLng }[]>();
  const repeats: RepeatedName[] = [];
  for (const place of places) {
    if (!place.point) continue;
    const key = comparableName(place.name);
    if (!key) continue;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, [{ line: place.line, point: place.point }]);
      continue;
    }
    const point = place.point;
    if (earlier.some((other) => distanceKm(other.point, point) * 1000 <= apartMetres)) continue;
    const first = earlier[0] as { line: number; point: LatLng };
    repeats.push({
      line: place.line,
      firstLine: first.line,
      name: place.name,
      metresApart: Math.round(distanceKm(first.point, point) * 1000),
    });
    earlier.push({ line: place.line, point });
  }
  return repeats;
}

/** A distance for people: "40 m", "3.2 km", "210 km". */
export function distanceText(metres: number): string {
  if (metres < 1000) return `${metres} m`;
  const km = metres / 1000;
  return `${km < 10 ? km.toFixed(1) : Math.round(km).toLocaleString('en-GB')} km`;
}
