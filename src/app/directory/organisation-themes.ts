import {
  countsForTheme,
  mergeSuggestions,
  type OrganisationThemeAssignment,
  type ThemeAssignmentStatus,
} from '../../domain/directory/organisation-themes.js';
import { classifyThemes, keywordLexicon } from '../../domain/directory/theme-classifier.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import type { UserRecord } from '../accounts/account-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import type { OrganisationThemeDeps } from './directory-deps.js';
import { potentialProvision, provisionDataByTheme } from './potential-provision.js';

export interface ClassifyReport {
  readonly organisations: number;
  /** Organisations that count for at least one theme after classifying. */
  readonly withThemes: number;
  /** Suggestions added, changed or removed. */
  readonly changed: number;
}

/**
 * Suggests themes for the partnership's organisations (all, or these) from their own words, keeping members'
 * decisions: run after every import of organisations, and again on demand.
 */
export async function classifyOrganisations(
  deps: OrganisationThemeDeps,
  partnershipId: string,
  organisationIds?: readonly string[],
): Promise<ClassifyReport> {
  const lexicon = deps.lexicon ?? keywordLexicon(deps.themes);
  const known = new Set(deps.themes.themes.map((t) => t.id));
  return deps.store.transaction(async (trx) => {
    const all = await trx.directory.listOrganisations(partnershipId);
    const wanted = organisationIds ? new Set(organisationIds) : undefined;
    const organisations = all.filter((o) => !o.isPlaceholder && (!wanted || wanted.has(o.id)));
    const current = new Map<string, OrganisationThemeAssignment[]>();
    for (const a of await trx.organisationThemes.list(partnershipId, wanted ? [...wanted] : undefined))
      current.set(a.organisationId, [...(current.get(a.organisationId) ?? []), a]);
    const save: OrganisationThemeAssignment[] = [];
    let changed = 0;
    let withThemes = 0;
    for (const organisation of organisations) {
      const suggestions = classifyThemes(lexicon, deps.themes, {
        name: organisation.name,
        description: organisation.details.description,
      }).filter((s) => known.has(s.themeId));
      const existing = current.get(organisation.id) ?? [];
      const changes = mergeSuggestions(organisation.id, existing, suggestions);
      save.push(...changes.save);
      await trx.organisationThemes.remove(partnershipId, organisation.id, changes.remove);
      changed += changes.save.length + changes.remove.length;
      const after = new Map(existing.map((a) => [a.themeId, a]));
      for (const themeId of changes.remove) after.delete(themeId);
      for (const a of changes.save) after.set(a.themeId, a);
      if ([...after.values()].some(countsForTheme)) withThemes += 1;
    }
    await trx.organisationThemes.save(partnershipId, save);
    return { organisations: organisations.length, withThemes, changed };
  });
}

/** Classifies again on an admin's request (after the lexicon changed, say), and says so in the audit log. */
export async function reclassifyOrganisations(
  deps: OrganisationThemeDeps,
  partnershipId: string,
  actor: Actor,
): Promise<ClassifyReport> {
  const report = await classifyOrganisations(deps, partnershipId);
  await recordAudit(deps.store, deps.clock, {
    partnershipId,
    actor,
    action: 'organisation-themes-reclassified',
    subject: `${report.withThemes} of ${report.organisations} organisations have a theme`,
  });
  return report;
}

export interface OrganisationThemeLine {
  readonly themeId: string;
  readonly themeName: string;
  readonly status: ThemeAssignmentStatus;
  readonly matched: readonly string[];
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** An organisation's themes in vocabulary order: suggestions and decisions, with the words that matched. */
export async function organisationThemeLines(
  deps: OrganisationThemeDeps,
  partnershipId: string,
  organisationId: string,
): Promise<OrganisationThemeLine[]> {
  const assignments = new Map(
    (await deps.store.organisationThemes.list(partnershipId, [organisationId])).map((a) => [a.themeId, a]),
  );
  return deps.themes.themes.flatMap((theme) => {
    const a = assignments.get(theme.id);
    return a
      ? [
          {
            themeId: theme.id,
            themeName: theme.name,
            status: a.status,
            matched: a.matched,
            decidedBy: a.decidedBy,
            decidedAt: a.decidedAt,
          },
        ]
      : [];
  });
}

export type ThemeDecision = 'confirm' | 'reject' | 'add';

const decisionWords: Record<ThemeDecision, string> = {
  confirm: 'confirmed',
  reject: 'set aside',
  add: 'added',
};

/**
 * A member confirms a suggested theme, sets one aside as wrong, or adds one the words missed. Kept across
 * re-imports. Members who may edit (not viewers) decide; audited.
 */
export async function decideOrganisationTheme(
  deps: OrganisationThemeDeps,
  partnershipId: string,
  organisationId: string,
  themeId: string,
  decision: ThemeDecision,
  member: MembershipRecord,
  user: UserRecord,
  actor: Actor,
): Promise<void> {
  if (!roleAllows(member.role, 'edit'))
    throw new ForbiddenError('Viewers cannot change an organisation’s themes. Ask a partnership admin.');
  const theme = deps.themes.themes.find((t) => t.id === themeId);
  if (!theme) throw new ValidationError({ theme: 'Choose one of the themes in the list.' });
  await deps.store.transaction(async (trx) => {
    const organisation = await trx.directory.findOrganisation(partnershipId, organisationId);
    if (!organisation) throw new NotFoundError('There is no such organisation in this partnership.');
    const [existing] = await trx.organisationThemes
      .list(partnershipId, [organisationId])
      .then((all) => all.filter((a) => a.themeId === themeId));
    await trx.organisationThemes.save(partnershipId, [
      {
        organisationId,
        themeId,
        status: decision === 'reject' ? 'rejected' : 'confirmed',
        matched: existing?.matched ?? [],
        decidedBy: user.displayName,
        decidedAt: deps.clock.now().toISOString(),
      },
    ]);
    await recordAudit(trx, deps.clock, {
      partnershipId,
      actor,
      action: 'organisation-theme-decided',
      subject: `${organisation.name}: ${theme.name} ${decisionWords[decision]}`,
    });
  });
}

/**
 * The themes each organisation works on, by organisation id, for the export and the organisations list: those
 * it counts for (confirmed and suggested from its own words) and those of its services, less any a member set
 * aside, in the vocabulary's order.
 */
export async function themesByOrganisation(
  deps: OrganisationThemeDeps,
  partnershipId: string,
): Promise<Map<string, string[]>> {
  const order = new Map(deps.themes.themes.map((t, i) => [t.id, i]));
  const [assignments, serviceThemes] = await Promise.all([
    deps.store.organisationThemes.list(partnershipId),
    deps.store.organisationThemes.serviceThemes(partnershipId),
  ]);
  const setAside = new Set(
    assignments.filter((a) => !countsForTheme(a)).map((a) => `${a.organisationId} ${a.themeId}`),
  );
  const byOrganisation = new Map<string, Set<string>>();
  const add = (organisationId: string, themeId: string) => {
    if (!order.has(themeId) || setAside.has(`${organisationId} ${themeId}`)) return;
    byOrganisation.set(organisationId, (byOrganisation.get(organisationId) ?? new Set()).add(themeId));
  };
  for (const a of assignments) add(a.organisationId, a.themeId);
  for (const s of serviceThemes) add(s.organisationId, s.themeId);
  return new Map(
    [...byOrganisation].map(([id, themes]) => [
      id,
      [...themes].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    ]),
  );
}

/** The columns of the organisations CSV (the `export organisations` command and the web download). */
export const organisationExportColumns = ['name', 'kind', 'identifier', 'themes'] as const;

/**
 * The partnership's organisations as rows of the organisations CSV, by name: the themes column lists each
 * organisation's theme ids (confirmed and suggested, and its services' themes; none set aside), separated by
 * semicolons.
 */
export async function organisationExportRows(
  deps: OrganisationThemeDeps,
  partnershipId: string,
): Promise<string[][]> {
  const themes = await themesByOrganisation(deps, partnershipId);
  return (await deps.store.organisations.listByPartnership(partnershipId)).map((o) => [
    o.name,
    o.kind,
    o.identifier ?? '',
    (themes.get(o.id) ?? []).join(';'),
  ]);
}

export function organisationThemeUseCases(deps: OrganisationThemeDeps) {
  return {
    classify: (partnershipId: string, organisationIds?: readonly string[]) =>
      classifyOrganisations(deps, partnershipId, organisationIds),
    reclassify: (partnershipId: string, actor: Actor) => reclassifyOrganisations(deps, partnershipId, actor),
    forOrganisation: (partnershipId: string, organisationId: string) =>
      organisationThemeLines(deps, partnershipId, organisationId),
    decide: (
      partnershipId: string,
      organisationId: string,
      themeId: string,
      decision: ThemeDecision,
      member: MembershipRecord,
      user: UserRecord,
      actor: Actor,
    ) => decideOrganisationTheme(deps, partnershipId, organisationId, themeId, decision, member, user, actor),
    potentialProvision: (partnershipId: string, themeId?: string) =>
      potentialProvision(deps, partnershipId, themeId),
    provisionData: (partnershipId: string) => provisionDataByTheme(deps, partnershipId),
    byOrganisation: (partnershipId: string) => themesByOrganisation(deps, partnershipId),
    exportRows: (partnershipId: string) => organisationExportRows(deps, partnershipId),
  };
}

export type { OrganisationThemeDeps } from './directory-deps.js';
