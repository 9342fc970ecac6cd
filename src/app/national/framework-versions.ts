import {
  partnershipVersion,
  publishProblem,
  versionStates,
  type VersionState,
} from '../../domain/national/content-versions.js';
import type { Framework } from '../../domain/framework/framework.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import { ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { emptyProfile, type ContentVersionRecord } from './national-records.js';

export interface VersionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly frameworks: FrameworkLibrary;
}

const recordedVersions = async (store: Store) =>
  (await store.national.publications('framework')).map((p) => p.version);

/** The framework version a partnership's new rounds use. */
export async function frameworkVersionFor(deps: VersionDeps, partnershipId: string): Promise<string> {
  const profile = await deps.store.national.profile(partnershipId);
  return partnershipVersion(
    profile?.frameworkVersion ?? null,
    deps.frameworks.versions,
    await recordedVersions(deps.store),
  ).current;
}

export interface FrameworkVersionRow {
  readonly version: string;
  readonly title: string;
  readonly changelog: string;
  readonly state: VersionState;
  readonly publication: ContentVersionRecord | undefined;
  /** How many partnerships' new rounds use it. */
  readonly partnerships: number;
}

/** Every framework version in the content folder, with its publication and how many partnerships use it. */
export async function listFrameworkVersions(deps: VersionDeps): Promise<FrameworkVersionRow[]> {
  const [publications, profiles, partnerships] = await Promise.all([
    deps.store.national.publications('framework'),
    deps.store.national.profiles(),
    deps.store.partnerships.list(),
  ]);
  const recorded = publications.map((p) => p.version);
  const chosen = new Map(profiles.map((p) => [p.partnershipId, p.frameworkVersion]));
  const uses = partnerships.map(
    (p) => partnershipVersion(chosen.get(p.id) ?? null, deps.frameworks.versions, recorded).current,
  );
  return versionStates(deps.frameworks.versions, recorded).map(({ version, state }) => {
    const framework = deps.frameworks.get(version) as Framework;
    return {
      version,
      title: framework.title,
      changelog: framework.changelog,
      state,
      publication: publications.find((p) => p.version === version),
      partnerships: uses.filter((v) => v === version).length,
    };
  });
}

/** Publishes a version that is in the content folder, so partnerships can move to it. */
export async function publishFrameworkVersion(deps: VersionDeps, version: string, actor: Actor) {
  const recorded = await recordedVersions(deps.store);
  const problem = publishProblem(version, deps.frameworks.versions, recorded);
  if (problem) throw new ValidationError({ version: problem });
  await deps.store.transaction(async (store) => {
    await store.national.recordPublication({
      id: newId(),
      kind: 'framework',
      version,
      publishedAt: deps.clock.now().toISOString(),
      publishedBy: actor.userId,
      publishedByName: actor.label,
    });
    await recordAudit(store, deps.clock, {
      partnershipId: null,
      actor,
      action: 'framework-published',
      subject: `Relationship framework version ${version}`,
    });
  });
}

export interface PartnershipFramework {
  readonly current: Framework;
  /** A newer published version it can move to, with its change log. */
  readonly latest: Framework | undefined;
}

export async function partnershipFramework(
  deps: VersionDeps,
  partnershipId: string,
): Promise<PartnershipFramework> {
  const profile = await deps.store.national.profile(partnershipId);
  const { current, latest } = partnershipVersion(
    profile?.frameworkVersion ?? null,
    deps.frameworks.versions,
    await recordedVersions(deps.store),
  );
  return {
    current: deps.frameworks.get(current) as Framework,
    latest: latest === undefined ? undefined : deps.frameworks.get(latest),
  };
}

/** Moves a partnership's new rounds to the newest published version; rounds already made keep theirs. */
export async function moveToLatestVersion(deps: VersionDeps, partnership: PartnershipRecord, actor: Actor) {
  const { latest } = await partnershipFramework(deps, partnership.id);
  if (!latest) {
    throw new ValidationError({ version: 'Your partnership already uses the newest published version.' });
  }
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    const profile = (await store.national.profile(partnership.id)) ?? emptyProfile(partnership.id, now);
    await store.national.saveProfile({ ...profile, frameworkVersion: latest.version, updatedAt: now });
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'framework-version-changed',
      subject: `New rounds use framework version ${latest.version}`,
    });
  });
  return latest;
}
