import { buildDemoWorld } from '../../domain/demo/demo-partnerships.js';
import type { FrameworkLibrary } from '../assessments/framework-library.js';
import type { Clock, PasswordHasher } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { seedDemoActions } from './seed-demo-actions.js';
import { seedDemoDashboard } from './seed-demo-dashboard.js';
import { seedDemoDirectory } from './seed-demo-directory.js';
import { seedDemoNeeds } from './seed-demo-needs.js';
import { seedDemoGrants } from './seed-demo-grants.js';
import { seedDemoFunding } from './seed-demo-funding.js';
import { seedDemoAreas } from './seed-demo-areas.js';
import { seedDemoRounds } from './seed-demo-rounds.js';
import { seedDemoWorkshopActions } from './seed-demo-workshop-actions.js';
import { seedDemoReminders } from './seed-demo-reminders.js';
import { seedDemoNational } from './seed-demo-national.js';
import { recordAudit, systemActor } from '../shared/audit.js';
import { newId, newReadablePassword } from '../shared/secrets.js';

export interface DemoCredential {
  readonly email: string;
  readonly password: string;
  readonly roles: string;
}

export class DatabaseNotEmptyError extends Error {
  override readonly name = 'DatabaseNotEmptyError';
}

/**
 * Loads the demo partnerships into an empty database in one transaction and returns each demo account
 * with a new random password. The passwords are not stored anywhere else: print them once.
 */
export async function seedDemo(
  store: Store,
  clock: Clock,
  hasher: PasswordHasher,
  frameworks: FrameworkLibrary,
  options: { password?: () => string } = {},
): Promise<DemoCredential[]> {
  if ((await store.users.count()) > 0 || (await store.partnerships.list()).length > 0) {
    throw new DatabaseNotEmptyError('The database already has data, so the demo was not loaded.');
  }
  const world = buildDemoWorld();
  const makePassword = options.password ?? newReadablePassword;
  const passwords = world.people.map(() => makePassword());
  const hashes = await Promise.all(passwords.map((password) => hasher.hash(password)));
  const now = clock.now().toISOString();

  await store.transaction(async (trx) => {
    const organisationIds = new Map<string, string>();
    const partnershipIds = new Map<string, string>();
    for (const partnership of world.partnerships) {
      const id = newId();
      partnershipIds.set(partnership.slug, id);
      await trx.partnerships.insert({
        id,
        slug: partnership.slug,
        name: partnership.name,
        localAuthorityCode: partnership.localAuthorityCode,
        createdAt: now,
      });
      for (const organisation of partnership.organisations) {
        const organisationId = newId();
        organisationIds.set(`${partnership.slug}/${organisation.key}`, organisationId);
        await trx.organisations.insert({
          id: organisationId,
          partnershipId: id,
          name: organisation.name,
          kind: organisation.kind,
          identifier: organisation.identifier,
          createdAt: now,
        });
      }
      await recordAudit(trx, clock, {
        partnershipId: id,
        actor: systemActor,
        action: 'demo-loaded',
        subject: partnership.name,
      });
    }
    for (const [index, person] of world.people.entries()) {
      const userId = newId();
      await trx.users.insert({
        id: userId,
        email: person.email,
        displayName: person.displayName,
        passwordHash: hashes[index] ?? null,
        isNationalAdmin: person.nationalAdmin,
        createdAt: now,
      });
      for (const membership of person.memberships) {
        await trx.memberships.insert({
          id: newId(),
          partnershipId: partnershipIds.get(membership.partnership) as string,
          userId,
          role: membership.role,
          organisationId: membership.organisation
            ? (organisationIds.get(`${membership.partnership}/${membership.organisation}`) ?? null)
            : null,
          createdAt: now,
        });
      }
    }
    const postcodes = await seedDemoAreas(trx, now, world.partnerships);
    const eastbrook = partnershipIds.get('eastbrook');
    if (eastbrook) await seedDemoReminders(trx, clock, frameworks, eastbrook);
    const northmoor = partnershipIds.get('northmoor');
    if (northmoor) {
      await seedDemoRounds(trx, clock, frameworks, northmoor, 'council@northmoor.example');
      await seedDemoActions(trx, clock, northmoor);
      await seedDemoWorkshopActions(trx, frameworks, northmoor);
      await seedDemoDashboard(trx, clock, northmoor);
      await seedDemoDirectory(trx, clock, northmoor, postcodes.get('northmoor') ?? []);
      const northmoorWorld = world.partnerships.find((p) => p.slug === 'northmoor');
      const northmoorOrganisations = new Map(
        (northmoorWorld?.organisations ?? []).flatMap((o) => {
          const id = organisationIds.get(`northmoor/${o.key}`);
          return id ? [[o.key, id] as const] : [];
        }),
      );
      await seedDemoNeeds(
        trx,
        clock,
        { id: northmoor, localAuthorityCode: northmoorWorld?.localAuthorityCode ?? '' },
        northmoorOrganisations,
      );
      await seedDemoGrants(
        trx,
        clock,
        { id: northmoor, localAuthorityCode: northmoorWorld?.localAuthorityCode ?? '' },
        northmoorOrganisations,
      );
      await seedDemoFunding(
        trx,
        clock,
        { id: northmoor, localAuthorityCode: northmoorWorld?.localAuthorityCode ?? '' },
        northmoorOrganisations,
      );
    }
    await seedDemoNational(trx, clock, frameworks, partnershipIds);
  });

  return world.people.map((person, index) => ({
    email: person.email,
    password: passwords[index] as string,
    roles: person.nationalAdmin
      ? 'national-admin'
      : person.memberships.map((m) => `${m.role} in ${m.partnership}`).join(', '),
  }));
}
