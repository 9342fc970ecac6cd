/**
 * Versions of national content (the framework). Content files are the source; the national team publishes a
 * version that is in the content folder, and each partnership moves to the latest published version when it
 * chooses. The oldest version in the folder counts as published from the start, so a new service works before
 * anyone has published anything. Versions look like "2026.1": numeric parts, compared part by part.
 */

/** Compares two versions part by part as numbers ("2026.10" comes after "2026.9"); text parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== '' && y !== '' && Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

export const sortVersions = (versions: Iterable<string>): string[] => [...versions].sort(compareVersions);

/** The versions a partnership may use: the oldest loaded one and every recorded publication still loaded. */
export function publishedVersions(loaded: readonly string[], recorded: readonly string[]): string[] {
  const sorted = sortVersions(loaded);
  const first = sorted[0];
  return sorted.filter((version) => version === first || recorded.includes(version));
}

export type VersionState = 'published' | 'ready-to-publish';

/** Every loaded version with whether it is published yet, oldest first. */
export function versionStates(
  loaded: readonly string[],
  recorded: readonly string[],
): { version: string; state: VersionState }[] {
  const published = new Set(publishedVersions(loaded, recorded));
  return sortVersions(loaded).map((version) => ({
    version,
    state: published.has(version) ? 'published' : 'ready-to-publish',
  }));
}

/** Why a version cannot be published, or undefined when it can. */
export function publishProblem(version: string, loaded: readonly string[], recorded: readonly string[]) {
  if (!loaded.includes(version)) return `There is no framework version ${version} in the content folder.`;
  if (publishedVersions(loaded, recorded).includes(version))
    return `Version ${version} is already published.`;
  return undefined;
}

/**
 * The version a partnership uses: the one it chose, when that is still published, else the first version.
 * `latest` is the newest published version it could move to, when that is newer than the one it uses.
 */
export function partnershipVersion(
  chosen: string | null,
  loaded: readonly string[],
  recorded: readonly string[],
): { current: string; latest: string | undefined } {
  const published = publishedVersions(loaded, recorded);
  const first = published[0] ?? '';
  const current = chosen !== null && published.includes(chosen) ? chosen : first;
  const newest = published.at(-1);
  return {
    current,
    latest: newest !== undefined && compareVersions(newest, current) > 0 ? newest : undefined,
  };
}
