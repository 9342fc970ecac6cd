import type { AssessmentDeps } from '../assessments/rounds.js';
import type { ServiceDeps } from '../service-deps.js';
import { loadDemo, loadDemoIfEmpty, type DemoDeps, type DemoSeedOptions } from './load-demo.js';

/** Loading the demo partnerships. */
export function demoServices(deps: ServiceDeps, assessmentDeps: AssessmentDeps) {
  const demoDeps: DemoDeps = {
    ...assessmentDeps,
    hasher: deps.hasher,
    themes: deps.themes,
    ...(deps.demoSamplePacks ? { samplePacks: deps.demoSamplePacks } : {}),
  };
  return {
    /** Loads the demo into an empty database; throws DatabaseNotEmptyError otherwise. */
    seed: (options?: DemoSeedOptions) => loadDemo(demoDeps, options),
    /** Loads the demo when the database is empty and no other instance is loading it; undefined if not. */
    seedIfEmpty: (options?: DemoSeedOptions) => loadDemoIfEmpty(demoDeps, options),
  };
}
