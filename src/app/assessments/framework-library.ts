import type { Framework } from '../../domain/framework/framework.js';

/** The framework versions the service knows; rounds keep the version they started with. */
export interface FrameworkLibrary {
  readonly current: Framework;
  get(version: string): Framework | undefined;
}

export function frameworkLibrary(frameworks: ReadonlyMap<string, Framework>): FrameworkLibrary {
  const versions = [...frameworks.keys()].sort();
  const latest = versions.at(-1);
  const current = latest ? frameworks.get(latest) : undefined;
  if (!current) throw new Error('No framework content was loaded: check the content/framework folder.');
  return { current, get: (version) => frameworks.get(version) };
}
