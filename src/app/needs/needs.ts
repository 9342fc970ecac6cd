import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import { needSourceLabels, type NeedRecord, type NeedSource } from '../../domain/needs/model.js';
import { mayChangeNeed, mayNameReporter, mayRecordNeeds } from '../../domain/needs/permissions.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { MembershipRecord, PartnershipRecord } from '../partnerships/partnership-store.js';
import type { OrganisationRecord } from '../partnerships/organisation-record.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import { needAreas, type NeedAreas } from './need-areas.js';
import { checkNeedInput, type NeedInput, type NeedRules } from './need-input.js';

export interface NeedDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
}

/** What the register page and the form need to show choices and names. */
export interface NeedContext {
  readonly areas: NeedAreas;
  readonly organisations: readonly OrganisationRecord[];
  readonly rules: NeedRules;
}

export async function needContext(deps: NeedDeps, partnership: PartnershipRecord): Promise<NeedContext> {
  const [areas, organisations] = await Promise.all([
    needAreas(deps.store, partnership),
    deps.store.organisations.listByPartnership(partnership.id),
  ]);
  return {
    areas,
    organisations,
    rules: {
      areaCodes: new Set(areas.byCode.keys()),
      themeIds: new Set(deps.themes.themes.map((t) => t.id)),
      organisationIds: new Set(organisations.map((o) => o.id)),
      today: deps.clock.now().toISOString().slice(0, 10),
    },
  };
}

export interface NeedListFilter {
  readonly theme?: string;
  /** An area code: the area and every area inside it. */
  readonly area?: string;
  readonly source?: string;
}

export interface NeedListItem extends NeedRecord {
  /** Whether the person looking may change or delete it. */
  readonly changeable: boolean;
}

/** The partnership's needs, newest reported first, filtered by theme, area (with the areas inside it) and source. */
export async function listNeeds(
  deps: NeedDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  filter: NeedListFilter,
  context?: NeedContext,
): Promise<NeedListItem[]> {
  const known = context ?? (await needContext(deps, partnership));
  const theme = filter.theme && known.rules.themeIds.has(filter.theme) ? filter.theme : undefined;
  const areaCodes = filter.area ? known.areas.within(filter.area.trim().toUpperCase()) : undefined;
  const source =
    filter.source && filter.source in needSourceLabels ? (filter.source as NeedSource) : undefined;
  const needs = await deps.store.needs.listForPartnership(partnership.id, {
    ...(theme ? { theme } : {}),
    ...(areaCodes ? { areaCodes } : {}),
  });
  return needs
    .filter((need) => source === undefined || need.source === source)
    .map((need) => ({ ...need, changeable: mayChangeNeed(member, need) }));
}

function checked(input: NeedInput, context: NeedContext, member: MembershipRecord) {
  const result = checkNeedInput(input, context.rules);
  if (!result.ok) throw new ValidationError(result.problems);
  if (!mayNameReporter(member, result.value.reportingOrganisationId)) {
    throw new ValidationError({
      reportingOrganisationId: 'Select your own organisation, or none: you can only report needs for it',
    });
  }
  return result.value;
}

const needSummary = (need: NeedRecord) => `${need.theme} in ${need.areaCode} (severity ${need.severity})`;

/** Records a need from the form. Audited. */
export async function recordNeed(
  deps: NeedDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  input: NeedInput,
  actor: Actor,
): Promise<NeedRecord> {
  if (!mayRecordNeeds(member)) throw new ForbiddenError('Viewers cannot record needs');
  const value = checked(input, await needContext(deps, partnership), member);
  const now = deps.clock.now().toISOString();
  const need: NeedRecord = {
    ...value,
    id: newId(),
    partnershipId: partnership.id,
    sourceId: null,
    createdBy: member.userId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (store) => {
    await store.needs.insert([need]);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'need-recorded',
      subject: needSummary(need),
    });
  });
  return need;
}

/** A need the member may change; NotFound outside the partnership, Forbidden when it is not theirs to change. */
export async function changeableNeed(
  deps: NeedDeps,
  partnershipId: string,
  member: MembershipRecord,
  needId: string,
): Promise<NeedRecord> {
  const need = await deps.store.needs.find(partnershipId, needId);
  if (!need) throw new NotFoundError('There is no such need in this partnership.');
  if (!mayChangeNeed(member, need)) {
    throw new ForbiddenError(
      'Only people from the organisation that reported this need, or a partnership admin, can change it.',
    );
  }
  return need;
}

/** Saves changes to a need. Audited. */
export async function updateNeed(
  deps: NeedDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  needId: string,
  input: NeedInput,
  actor: Actor,
): Promise<NeedRecord> {
  const need = await changeableNeed(deps, partnership.id, member, needId);
  const value = checked(input, await needContext(deps, partnership), member);
  const updated: NeedRecord = { ...need, ...value, updatedAt: deps.clock.now().toISOString() };
  await deps.store.transaction(async (store) => {
    await store.needs.update(updated);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'need-changed',
      subject: needSummary(updated),
    });
  });
  return updated;
}

/** Deletes a need. Audited. */
export async function deleteNeed(
  deps: NeedDeps,
  partnership: PartnershipRecord,
  member: MembershipRecord,
  needId: string,
  actor: Actor,
): Promise<void> {
  const need = await changeableNeed(deps, partnership.id, member, needId);
  await deps.store.transaction(async (store) => {
    await store.needs.delete(partnership.id, need.id);
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'need-deleted',
      subject: needSummary(need),
    });
  });
}

/** The form's values for an existing need. */
export function needInputFor(need: NeedRecord): NeedInput {
  return {
    areaCode: need.areaCode,
    theme: need.theme,
    severity: String(need.severity),
    peopleAffected: need.peopleAffected === null ? '' : String(need.peopleAffected),
    evidence: need.evidence,
    source: need.source,
    reportingOrganisationId: need.reportingOrganisationId ?? '',
    reportedOn: need.reportedOn,
  };
}

export function needUseCases(deps: NeedDeps) {
  return {
    context: (partnership: PartnershipRecord) => needContext(deps, partnership),
    list: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      filter: NeedListFilter,
      context?: NeedContext,
    ) => listNeeds(deps, partnership, member, filter, context),
    record: (partnership: PartnershipRecord, member: MembershipRecord, input: NeedInput, actor: Actor) =>
      recordNeed(deps, partnership, member, input, actor),
    changeable: (partnershipId: string, member: MembershipRecord, needId: string) =>
      changeableNeed(deps, partnershipId, member, needId),
    update: (
      partnership: PartnershipRecord,
      member: MembershipRecord,
      needId: string,
      input: NeedInput,
      actor: Actor,
    ) => updateNeed(deps, partnership, member, needId, input, actor),
    delete: (partnership: PartnershipRecord, member: MembershipRecord, needId: string, actor: Actor) =>
      deleteNeed(deps, partnership, member, needId, actor),
  };
}
