import { explainAllocation } from '../../domain/matching/allocate.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Actor } from '../shared/audit.js';
import { listMatchingRuns, openMatchingRun, startMatchingRun, type MatchingDeps } from './matching-runs.js';
import { runWhatIf } from './what-if.js';
import { whoCanHelp } from './who-can-help.js';

/** Matching needs to services: saved allocation runs, their explanations, what-ifs and "who can help". */
export function matchingUseCases(deps: MatchingDeps) {
  return {
    start: (partnership: PartnershipRecord, request: unknown, actor: Actor) =>
      startMatchingRun(deps, partnership, request, actor),
    list: (partnership: PartnershipRecord, limit?: number) => listMatchingRuns(deps, partnership, limit),
    open: (partnership: PartnershipRecord, id: string) => openMatchingRun(deps, partnership, id),
    /** One area's allocation explained; undefined when the run is not this partnership's or has no such area. */
    explainArea: async (partnership: PartnershipRecord, runId: string, areaCode: string) => {
      const run = await openMatchingRun(deps, partnership, runId);
      const code = areaCode.trim().toUpperCase();
      const area = run?.input.areas.find((a) => a.code === code);
      if (!run || !area || !run.input.allocation.demands.some((d) => d.areaCode === code)) return undefined;
      return { run, area, explanation: explainAllocation(run.input.allocation, run.allocation, code) };
    },
    whatIf: (partnership: PartnershipRecord, runId: string, change: unknown) =>
      runWhatIf(deps, partnership, runId, change),
    whoCanHelp: (partnership: PartnershipRecord, request: unknown) => whoCanHelp(deps, partnership, request),
  };
}
