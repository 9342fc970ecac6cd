import {
  checkIntentionDraft,
  needCellKey,
  type IntentionDraft,
  type NeedCell,
} from '../../domain/funding/commissioning.js';
import { commissionedHere, type CommissionedHere } from '../../domain/funding/commissioned-here.js';
import { mayManageCommissioning } from '../../domain/funding/permissions.js';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import type { GapCell } from '../../domain/needs/analysis-types.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { GapReport } from '../gaps/gap-analysis.js';
import { servicesForThemes, type GapService } from '../gaps/gap-services.js';
import type { GapLevel } from '../gaps/gap-areas.js';
import type { Clock } from '../shared/system-ports.js';
import type { IntentionRecord } from './funding-stores.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { gatherEvidence, type Evidence, type EvidenceDeps } from './evidence.js';

export interface CommissioningDeps extends EvidenceDeps {
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
  /** The gaps list (services.gaps.report). */
  readonly gapReport: (
    partnership: PartnershipRecord,
    themes: readonly string[],
    level: GapLevel,
  ) => Promise<GapReport>;
}

/** How many gaps the form offers to pick from, biggest first (besides those already picked). */
export const offeredGaps = 40;
/** How many directory services the form offers, by name (besides those already picked). */
export const offeredServices = 100;

export interface CommissioningChoices {
  /** Ward-level cells from the gaps list: unmet need and thin provision first, biggest gap first. */
  readonly cells: readonly {
    readonly cell: GapCell;
    readonly areaName: string;
    readonly themeName: string;
  }[];
  readonly services: readonly GapService[];
  readonly areaCodes: ReadonlySet<string>;
}

/** The needs and gaps and the services the form offers, keeping whatever `picked` already has. */
export async function commissioningChoices(
  deps: CommissioningDeps,
  partnership: PartnershipRecord,
  picked: { cells: readonly NeedCell[]; serviceIds: readonly string[] } = { cells: [], serviceIds: [] },
): Promise<CommissioningChoices> {
  const report = await deps.gapReport(partnership, [], 'ward');
  const areaNames = new Map(report.areas.map((a) => [a.code, a.name]));
  if (report.authority) areaNames.set(report.authority.code, `All of ${report.authority.name}`);
  const themeNames = new Map(deps.themes.themes.map((t) => [t.id, t.name]));
  const pickedKeys = new Set(picked.cells.map(needCellKey));
  const rank = (c: GapCell) => (c.gapClass === 'unmet-need' ? 0 : c.gapClass === 'thin-provision' ? 1 : 2);
  const gaps = [...report.analysis.cells]
    .filter((c) => c.gapClass === 'unmet-need' || c.gapClass === 'thin-provision')
    .sort((a, b) => rank(a) - rank(b) || b.gapScore - a.gapScore)
    .slice(0, offeredGaps);
  const offered = new Set(gaps.map(needCellKey));
  const extra = report.analysis.cells.filter(
    (c) => pickedKeys.has(needCellKey(c)) && !offered.has(needCellKey(c)),
  );
  const cells = [...gaps, ...extra].map((cell) => ({
    cell,
    areaName: areaNames.get(cell.areaCode) ?? cell.areaCode,
    themeName: themeNames.get(cell.theme) ?? cell.theme,
  }));
  const allServices = await servicesForThemes(
    deps.store,
    partnership.id,
    deps.themes.themes.map((t) => t.id),
  );
  const pickedServices = new Set(picked.serviceIds);
  const services = [...allServices]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .filter((s, index) => index < offeredServices || pickedServices.has(s.id));
  return {
    cells,
    services,
    areaCodes: new Set([
      ...report.areas.map((a) => a.code),
      ...(report.authority ? [report.authority.code] : []),
    ]),
  };
}

async function checked(deps: CommissioningDeps, partnership: PartnershipRecord, draft: IntentionDraft) {
  const services = await servicesForThemes(
    deps.store,
    partnership.id,
    deps.themes.themes.map((t) => t.id),
  );
  const report = await deps.gapReport(partnership, [], 'ward');
  const result = checkIntentionDraft(draft, {
    areaCodes: new Set([
      ...report.areas.map((a) => a.code),
      ...(report.authority ? [report.authority.code] : []),
    ]),
    themeIds: new Set(deps.themes.themes.map((t) => t.id)),
    serviceIds: new Set(services.map((s) => s.id)),
  });
  if (!result.ok) throw new ValidationError(result.problems);
  return result.value;
}

export async function addIntention(
  deps: CommissioningDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  draft: IntentionDraft,
  actor: Actor,
): Promise<IntentionRecord> {
  if (!mayManageCommissioning(member)) {
    throw new ForbiddenError('Only admins and council members can add commissioning intentions');
  }
  const value = await checked(deps, partnership, draft);
  const now = deps.clock.now().toISOString();
  const record: IntentionRecord = {
    ...value,
    id: newId(),
    partnershipId: partnership.id,
    createdBy: member.userId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.commissioning.insert(record);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'commissioning-intention-added',
      subject: record.title,
    });
  });
  return record;
}

export async function findIntention(deps: CommissioningDeps, partnershipId: string, id: string) {
  const intention = await deps.store.commissioning.find(partnershipId, id);
  if (!intention) throw new NotFoundError('There is no such commissioning intention in this partnership');
  return intention;
}

export async function updateIntention(
  deps: CommissioningDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  id: string,
  draft: IntentionDraft,
  actor: Actor,
): Promise<IntentionRecord> {
  const intention = await findIntention(deps, partnership.id, id);
  if (!mayManageCommissioning(member)) {
    throw new ForbiddenError('Only admins and council members can change commissioning intentions');
  }
  const value = await checked(deps, partnership, draft);
  const updated: IntentionRecord = { ...intention, ...value, updatedAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.commissioning.update(updated);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'commissioning-intention-changed',
      subject: updated.title,
    });
  });
  return updated;
}

/** An intention with the evidence for each need it responds to, and the names of the services commissioned. */
export async function intentionWithEvidence(
  deps: CommissioningDeps,
  partnership: PartnershipRecord,
  id: string,
): Promise<{
  intention: IntentionRecord;
  evidence: readonly {
    cell: NeedCell;
    evidence: Evidence | undefined;
    /** The intention's own services that work on the cell's theme, with their distance from the area. */
    commissioned: readonly CommissionedHere[];
  }[];
  services: readonly { id: string; name: string; organisationName: string | null }[];
}> {
  const intention = await findIntention(deps, partnership.id, id);
  const evidence = [];
  for (const cell of intention.needCells) {
    const found = await gatherEvidence(deps, partnership, cell.areaCode, cell.theme);
    const area = found?.view.report.input.areas.find((a) => a.code === cell.areaCode);
    const commissioned =
      found && area
        ? commissionedHere(
            intention.serviceIds,
            cell.theme,
            area,
            found.view.report.services,
            found.view.explanation.contributions,
          )
        : [];
    evidence.push({ cell, evidence: found, commissioned });
  }
  const services = (
    await Promise.all(
      intention.serviceIds.map((sid) => deps.store.directory.findService(partnership.id, sid)),
    )
  ).flatMap((s) => (s ? [{ id: s.id, name: s.details.name, organisationId: s.organisationId }] : []));
  const organisations = new Map(
    (
      await deps.store.directory.organisationsWithIds(partnership.id, [
        ...new Set(services.map((s) => s.organisationId)),
      ])
    ).map((o) => [o.id, o.isPlaceholder ? null : o.name]),
  );
  return {
    intention,
    evidence,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      organisationName: organisations.get(s.organisationId) ?? null,
    })),
  };
}

export function commissioningUseCases(deps: CommissioningDeps) {
  return {
    list: (partnershipId: string) => deps.store.commissioning.list(partnershipId),
    choices: (
      partnership: PartnershipRecord,
      picked?: { cells: readonly NeedCell[]; serviceIds: readonly string[] },
    ) => commissioningChoices(deps, partnership, picked),
    add: (partnership: PartnershipRecord, member: MembershipRecord, draft: IntentionDraft, actor: Actor) =>
      addIntention(deps, partnership, member, draft, actor),
    find: (partnershipId: string, id: string) => findIntention(deps, partnershipId, id),
    update: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      id: string,
      draft: IntentionDraft,
      actor: Actor,
    ) => updateIntention(deps, partnership, member, id, draft, actor),
    withEvidence: (partnership: PartnershipRecord, id: string) =>
      intentionWithEvidence(deps, partnership, id),
    evidence: (partnership: PartnershipRecord, areaCode: string, theme: string) =>
      gatherEvidence(deps, partnership, areaCode, theme),
  };
}
