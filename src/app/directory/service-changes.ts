import { checkContacts, type ContactForm } from '../../domain/directory/contact-form.js';
import { changedServiceFields, serviceFieldLabels } from '../../domain/directory/local-edits.js';
import { emptyEligibility, type ServiceDetails, type ServiceLocation } from '../../domain/directory/model.js';
import { checkOpeningTimes, type OpeningTimesForm } from '../../domain/directory/opening-times-form.js';
import { checkPlaces, type CheckedPlace, type PlaceForm } from '../../domain/directory/place-form.js';
import { checkServiceForm, mayEditService, type ServiceForm } from '../../domain/directory/service-form.js';
import { lookupPostcode } from '../areas/postcode-lookup.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { DirectoryOrganisationRecord, ServiceRecord } from './directory-store.js';
import type { MembershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import type { UserRecord } from '../accounts/account-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import type { DirectoryDeps } from './directory-deps.js';

/**
 * Changes a service's organisation makes in Common Ground: adding a service, and changing its details, places,
 * opening times and contacts. Every change counts as checking the record, is audited, and marks the fields it
 * changed as changed here, so later imports leave them as they are.
 */

const notYours =
  'Only people from the organisation that runs this service, or a partnership admin, can change it.';

export async function editableService(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
): Promise<ServiceRecord> {
  const service = await deps.store.directory.findService(partnershipId, serviceId);
  if (!service) throw new NotFoundError('There is no such service in this partnership.');
  if (!mayEditService(member, service)) throw new ForbiddenError(notYours);
  return service;
}

/** Saves new details for a service: recorded as a check, audited, and the changed fields marked as changed here. */
export async function saveServiceChange(
  deps: DirectoryDeps,
  service: ServiceRecord,
  details: ServiceDetails,
  user: UserRecord,
  actor: Actor,
): Promise<ServiceRecord> {
  const now = deps.clock.now().toISOString();
  const changed = changedServiceFields(service.details, details);
  const updated: ServiceRecord = {
    ...service,
    details,
    updatedAt: now,
    lastCheckedAt: now,
    lastCheckedBy: user.displayName,
    lastCheckedByUserId: user.id,
  };
  await deps.store.transaction(async (trx) => {
    await trx.directory.updateService(updated);
    await trx.serviceEdits.markEdited(service.id, changed, now);
    await recordAudit(trx, deps.clock, {
      partnershipId: service.partnershipId,
      actor,
      action: 'service-changed',
      subject: `${details.name}: ${changed.length > 0 ? `changed ${changed.join(', ')}` : 'saved with no changes'}`,
    });
  });
  return updated;
}

/** Finds the point of each place whose postcode is new, where the postcode file has it. */
async function locate(store: Store, places: readonly CheckedPlace[]): Promise<ServiceLocation[]> {
  const located: ServiceLocation[] = [];
  for (const { location, lookUp } of places) {
    if (!lookUp || !location.postcode) {
      located.push(location);
      continue;
    }
    const found = await lookupPostcode(store, location.postcode);
    located.push(
      found.kind === 'found'
        ? { ...location, latitude: found.point.lat, longitude: found.point.lng }
        : { ...location, latitude: null, longitude: null },
    );
  }
  return located;
}

/** The organisations a member may add services for: any for a partnership admin, otherwise their own. */
export async function organisationsForNewService(
  deps: DirectoryDeps,
  partnershipId: string,
  member: MembershipRecord,
): Promise<DirectoryOrganisationRecord[]> {
  const all = (await deps.store.directory.listOrganisations(partnershipId)).filter((o) => !o.isPlaceholder);
  return all.filter((o) => mayEditService(member, { organisationId: o.id }));
}

export interface NewService {
  readonly organisationId: string;
  readonly form: ServiceForm;
  readonly place: PlaceForm;
  readonly openingTimes: OpeningTimesForm;
}

const blankDetails: ServiceDetails = {
  name: '',
  description: '',
  url: null,
  email: null,
  phone: null,
  status: 'active',
  themes: [],
  eligibility: emptyEligibility,
  cost: null,
  howToAccess: null,
  languages: [],
  accessibility: null,
  capacity: null,
  locations: [],
  areas: [],
  schedules: [],
  contacts: [],
};

/** Adds a service for an organisation the member may add services for, with an optional place and openings. */
export async function addService(
  deps: DirectoryDeps,
  partnershipId: string,
  member: MembershipRecord,
  user: UserRecord,
  input: NewService,
  actor: Actor,
): Promise<ServiceRecord> {
  const allowed = await organisationsForNewService(deps, partnershipId, member);
  if (allowed.length === 0) {
    throw new ForbiddenError(
      'Only members of an organisation in the partnership, or a partnership admin, can add services.',
    );
  }
  const organisation = allowed.find((o) => o.id === input.organisationId);
  const problems: Record<string, string> = {};
  if (!organisation) problems.organisationId = 'Select the organisation that runs the service';
  const details = checkServiceForm(
    input.form,
    blankDetails,
    deps.themes.themes.map((t) => t.id),
  );
  if (!details.ok) Object.assign(problems, details.problems);
  const places = checkPlaces([input.place], []);
  if (!places.ok) Object.assign(problems, places.problems);
  const openings = checkOpeningTimes(input.openingTimes);
  if (!openings.ok) Object.assign(problems, openings.problems);
  if (!organisation || !details.ok || !places.ok || !openings.ok) throw new ValidationError(problems);

  const now = deps.clock.now().toISOString();
  const id = newId();
  const service: ServiceRecord = {
    id,
    partnershipId,
    organisationId: organisation.id,
    details: {
      ...details.value,
      locations: await locate(deps.store, places.places),
      schedules: openings.schedules,
    },
    provenance: { sourceKind: 'form', sourceId: id },
    lastCheckedAt: now,
    lastCheckedBy: user.displayName,
    lastCheckedByUserId: user.id,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.transaction(async (trx) => {
    await trx.directory.insertServices([service]);
    await recordAudit(trx, deps.clock, {
      partnershipId,
      actor,
      action: 'service-added',
      subject: `${service.details.name}: added for ${organisation.name}`,
    });
  });
  return service;
}

/** Replaces a service's places: points found from new postcodes where the postcode file has them. */
export async function changePlaces(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  forms: readonly PlaceForm[],
  actor: Actor,
): Promise<ServiceRecord> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  const checked = checkPlaces(forms, service.details.locations);
  if (!checked.ok) throw new ValidationError(checked.problems);
  const locations = await locate(deps.store, checked.places);
  return saveServiceChange(deps, service, { ...service.details, locations }, user, actor);
}

export async function changeOpeningTimes(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  form: OpeningTimesForm,
  actor: Actor,
): Promise<ServiceRecord> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  const checked = checkOpeningTimes(form);
  if (!checked.ok) throw new ValidationError(checked.problems);
  return saveServiceChange(deps, service, { ...service.details, schedules: checked.schedules }, user, actor);
}

export async function changeContacts(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
  member: MembershipRecord,
  user: UserRecord,
  forms: readonly ContactForm[],
  actor: Actor,
): Promise<ServiceRecord> {
  const service = await editableService(deps, partnershipId, serviceId, member);
  const checked = checkContacts(forms);
  if (!checked.ok) throw new ValidationError(checked.problems);
  return saveServiceChange(deps, service, { ...service.details, contacts: checked.contacts }, user, actor);
}

/** The fields of a service changed in Common Ground, as people name them ("phone", "opening times"). */
export async function fieldsChangedHere(
  deps: DirectoryDeps,
  partnershipId: string,
  serviceId: string,
): Promise<string[]> {
  const edited = await deps.store.serviceEdits.editedFields(partnershipId, [serviceId]);
  return (edited.get(serviceId) ?? []).map((field) => serviceFieldLabels[field]);
}
