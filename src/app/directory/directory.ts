import { isStale } from '../../domain/directory/freshness.js';
import type { ContactForm } from '../../domain/directory/contact-form.js';
import type { OpeningTimesForm } from '../../domain/directory/opening-times-form.js';
import type { PlaceForm } from '../../domain/directory/place-form.js';
import { checkServiceForm, mayEditService, type ServiceForm } from '../../domain/directory/service-form.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { DirectoryOrganisationRecord, ServiceRecord } from './directory-store.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import type { UserRecord } from '../accounts/account-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import type { DirectoryDeps } from './directory-deps.js';
import { servicesForArea, type AreaSearch, type DirectoryArea } from './directory-areas.js';
import { searchDirectory, viewOrganisation, type DirectorySearch } from './directory-search.js';
import {
  applyDirectoryImport,
  planDirectoryImport,
  type DirectoryBatch,
  type DirectoryStream,
} from './directory-import.js';
import { knownAreas } from './known-areas.js';
import { classifyOrganisations } from './organisation-themes.js';
import {
  addService,
  changeContacts,
  changeOpeningTimes,
  changePlaces,
  editableService,
  fieldsChangedHere,
  organisationsForNewService,
  saveServiceChange,
  type NewService,
} from './service-changes.js';

export interface ServiceView {
  readonly service: ServiceRecord;
  readonly organisation: DirectoryOrganisationRecord;
  readonly stale: boolean;
  /** Whether the person looking may change it and confirm it. */
  readonly editable: boolean;
}

export async function viewService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord | undefined,
): Promise<ServiceView> {
  const service = await deps.store.directory.findService(partnershipId, serviceId);
  const organisation =
    service && (await deps.store.directory.findOrganisation(partnershipId, service.organisationId));
  if (!service || !organisation) throw new NotFoundError('There is no such service in this partnership.');
  return {
    service,
    organisation,
    stale: isStale(service.lastCheckedAt, deps.clock.now()),
    editable: member !== undefined && mayEditService(member, service),
  };
}

/** Saves the service form; a change also counts as checking the record. Audited. */
export async function updateService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  form: ServiceForm,
  actor: Actor,
): Promise<ServiceRecord> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  const checked = checkServiceForm(
    form,
    service.details,
    deps.themes.themes.map((t) => t.id),
  );
  if (!checked.ok) throw new ValidationError(checked.problems);
  return saveServiceChange(deps, service, checked.value, user, actor);
}

/** "Still correct": one step that records who checked the service and when. Audited. */
export async function confirmService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  actor: Actor,
): Promise<void> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  await deps.store.transaction(async (trx) => {
    await trx.directory.markServiceChecked(partnershipId, service.id, {
      at: deps.clock.now().toISOString(),
      by: user.displayName,
      userId: user.id,
    });
    await recordAudit(trx, deps.clock, {
      partnershipId,
      actor,
      action: 'service-confirmed',
      subject: `${service.details.name}: confirmed still correct`,
    });
  });
}

type ImportProgress = (done: number, total: number) => void;

export function directoryUseCases(deps: DirectoryDeps) {
  return {
    themes: deps.themes,
    search: (partnershipId: string, search: DirectorySearch) => searchDirectory(deps, partnershipId, search),
    themeCounts: (partnershipId: string) => deps.store.directory.themeCounts(partnershipId),
    inArea: (partnershipId: string, area: DirectoryArea, search?: AreaSearch) =>
      servicesForArea(deps, partnershipId, area, search),
    organisation: (partnershipId: string, organisationId: string) =>
      viewOrganisation(deps, partnershipId, organisationId),
    view: (partnershipId: string, serviceId: string, member: MembershipRecord | undefined) =>
      viewService(deps, partnershipId, serviceId, member),
    update: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      form: ServiceForm,
      actor: Actor,
    ) => updateService(deps, partnershipId, serviceId, member, user, form, actor),
    organisationsForNewService: (partnershipId: string, member: MembershipRecord) =>
      organisationsForNewService(deps, partnershipId, member),
    add: (
      partnershipId: string,
      member: MembershipRecord,
      user: UserRecord,
      input: NewService,
      actor: Actor,
    ) => addService(deps, partnershipId, member, user, input, actor),
    changePlaces: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      forms: readonly PlaceForm[],
      actor: Actor,
    ) => changePlaces(deps, partnershipId, serviceId, member, user, forms, actor),
    changeOpeningTimes: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      form: OpeningTimesForm,
      actor: Actor,
    ) => changeOpeningTimes(deps, partnershipId, serviceId, member, user, form, actor),
    changeContacts: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      forms: readonly ContactForm[],
      actor: Actor,
    ) => changeContacts(deps, partnershipId, serviceId, member, user, forms, actor),
    fieldsChangedHere: (partnershipId: string, serviceId: string) =>
      fieldsChangedHere(deps, partnershipId, serviceId),
    confirm: (
      partnershipId: string,
      serviceId: string,
      member: MembershipRecord,
      user: UserRecord,
      actor: Actor,
    ) => confirmService(deps, partnershipId, serviceId, member, user, actor),
    /** The areas an imported service area's code is checked against. */
    knownAreas: (partnershipId: string) => knownAreas(deps.store, partnershipId),
    previewImport: async (
      partnershipId: string,
      source: DirectoryBatch | DirectoryStream,
      progress?: ImportProgress,
    ) => {
      const plan = await planDirectoryImport(
        deps.store,
        partnershipId,
        source,
        deps.clock.now().toISOString(),
        {
          organisations: async () => undefined,
          services: async () => undefined,
          ...(progress ? { progress } : {}),
        },
      );
      return plan.report;
    },
    /** Imports, then suggests themes for the partnership's organisations from their own words. */
    applyImport: async (
      partnershipId: string,
      source: DirectoryBatch | DirectoryStream,
      actor: Actor,
      progress?: ImportProgress,
    ) => {
      const report = await applyDirectoryImport(
        deps.store,
        deps.clock,
        partnershipId,
        source,
        actor,
        progress,
      );
      await classifyOrganisations(deps, partnershipId);
      return report;
    },
  };
}

export type { DirectoryDeps } from './directory-deps.js';
