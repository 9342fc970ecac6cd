import { accountServices } from './accounts/account-services.js';
import { actionServices } from './actions/action-services.js';
import { areaServices } from './areas/area-services.js';
import { assessmentDepsFor, assessmentServices } from './assessments/assessment-services.js';
import { dashboardServices } from './dashboard/dashboard-services.js';
import { demoServices } from './demo/demo-services.js';
import { directoryServices, orukFeedServices } from './directory/directory-services.js';
import { feedServices } from './feeds/feed-services.js';
import { fundingServices } from './funding/funding-services.js';
import { gapDepsFor, gapServices } from './gaps/gap-analysis-services.js';
import { importServices } from './imports/import-services.js';
import { matchingUseCases } from './matching/matching-use-cases.js';
import { nationalUseCases } from './national/national-use-cases.js';
import { needUseCases } from './needs/needs.js';
import { partnershipServices } from './partnerships/partnership-services.js';
import { privacyUseCases } from './privacy/privacy-use-cases.js';
import { reminderUseCases } from './reminders/reminder-use-cases.js';
import type { ServiceDeps } from './service-deps.js';
import { inProcessBackgroundTasks } from './shared/background-tasks.js';
import { sharedServices } from './shared/shared-services.js';
import type { LiveSession } from './accounts/sessions.js';

export type { ServiceDeps } from './service-deps.js';

/**
 * Every use-case with its dependencies bound: what the web, API and CLI layers call. Each area of app/ composes
 * its own use-cases; this lists the areas and the few dependencies they share.
 */
export function createServices(deps: ServiceDeps) {
  const { store, clock, hasher, baseUrl } = deps;
  const assessmentDeps = assessmentDepsFor(deps);
  const gapDeps = gapDepsFor(deps);
  const background = deps.background ?? inProcessBackgroundTasks();
  const oruk = orukFeedServices(deps);

  return {
    store,
    clock,
    hasher,
    baseUrl,
    health: { check: () => store.ping() },
    guidance: deps.guidance,
    ...accountServices(deps),
    ...partnershipServices(deps),
    ...sharedServices(deps),
    assessments: assessmentServices(assessmentDeps),
    actions: actionServices(deps),
    imports: importServices(deps),
    ...directoryServices(deps),
    needs: needUseCases({ store, clock, themes: deps.themes }),
    ...fundingServices(deps, gapDeps),
    areas: areaServices(store),
    gaps: gapServices(deps, gapDeps),
    matching: matchingUseCases({ store, clock, themes: deps.themes }),
    reminders: reminderUseCases({ store, clock, baseUrl }),
    ...feedServices(deps, background, oruk),
    /** Work started by requests and not waited for (feed refreshes and checks): tests wait for it to settle. */
    background,
    dashboard: dashboardServices(deps, assessmentDeps, gapDeps),
    national: nationalUseCases(assessmentDeps),
    privacy: privacyUseCases(assessmentDeps),
    oruk,
    demo: demoServices(deps, assessmentDeps),
  };
}

export type Services = ReturnType<typeof createServices>;
export type { LiveSession };
