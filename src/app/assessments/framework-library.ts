import { sortVersions } from '../../domain/national/content-versions.js';
import type { Framework } from '../../domain/framework/framework.js';

/**
 * The framework versions the service knows; rounds keep the version they started with. A later version keeps
 * the principle and indicator codes of the first (it revises wording), so names and codes shown outside a round
 * come from `current`: the first version in the content folder, published from the start. Which version a
 * partnership's new rounds use is its own choice among the published ones (src/app/national).
 */
export interface FrameworkLibrary {
  readonly current: Framework;
  /** Every loaded version, oldest first. */
  readonly versions: readonly string[];
  /** The newest loaded version (published or not). */
  readonly latest: Framework;
  get(version: string): Framework | undefined;
}

export function frameworkLibrary(frameworks: ReadonlyMap<string, Framework>): FrameworkLibrary {
  const versions = sortVersions(frameworks.keys());
  const first = versions[0] === undefined ? undefined : frameworks.get(versions[0]);
  const newest = versions.at(-1);
  const latest = newest === undefined ? undefined : frameworks.get(newest);
  if (!first || !latest)
    throw new Error('No framework content was loaded: check the content/framework folder.');
  return { current: first, versions, latest, get: (version) => frameworks.get(version) };
}
