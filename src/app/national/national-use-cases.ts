import type { BenchmarkFilter } from '../../domain/national/benchmark.js';
import type { AssessmentDeps } from '../assessments/rounds.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Actor } from '../shared/audit.js';
import { nationalBenchmark, partnershipBenchmark, type BenchmarkDeps } from './benchmarks.js';
import {
  listFrameworkVersions,
  moveToLatestVersion,
  partnershipFramework,
  publishFrameworkVersion,
} from './framework-versions.js';
import { profileOf, setBenchmarking, setRegion } from './profiles.js';
import { nationalPartnerships, nationalUptake } from './uptake.js';

/**
 * The national view and each partnership's national settings: framework versions (publish, move), uptake
 * counts, the partnership's region and benchmarking choice, and opt-in benchmark distributions.
 */
export function nationalUseCases(assessmentDeps: AssessmentDeps) {
  const deps: BenchmarkDeps = { ...assessmentDeps, benchmarkMemo: { current: undefined } };
  return {
    frameworkVersions: () => listFrameworkVersions(deps),
    publishFramework: (version: string, actor: Actor) => publishFrameworkVersion(deps, version, actor),
    partnershipFramework: (partnership: PartnershipRecord) => partnershipFramework(deps, partnership.id),
    moveToLatestFramework: (partnership: PartnershipRecord, actor: Actor) =>
      moveToLatestVersion(deps, partnership, actor),
    profile: (partnership: PartnershipRecord) => profileOf(deps, partnership.id),
    setBenchmarking: (partnership: PartnershipRecord, optIn: boolean, actor: Actor) =>
      setBenchmarking(deps, partnership, optIn, actor),
    partnerships: () => nationalPartnerships(deps.store),
    setRegion: (slug: string, region: string, actor: Actor) => setRegion(deps, slug, region, actor),
    uptake: () => nationalUptake(deps),
    benchmark: (filter: BenchmarkFilter) => nationalBenchmark(deps, filter),
    partnershipBenchmark: (partnership: PartnershipRecord, filter: BenchmarkFilter) =>
      partnershipBenchmark(deps, partnership, filter),
  };
}
