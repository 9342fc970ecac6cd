import type { PartnershipRole } from '../../domain/accounts/roles.js';
import type { ImportReport } from '../imports/import-report.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { recordAudit, systemActor, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';
import type { DemoCredential } from './seed-demo.js';

/**
 * A partnership of real public data in the demo, loaded through the same imports people run (areas,
 * deprivation, population, organisations, services and grants), with no made-up answers about a real council.
 */
export interface DemoSamplePack {
  readonly slug: string;
  readonly name: string;
  readonly localAuthorityCode: string;
  /** Runs every import of the pack into the partnership, in order; throws when one cannot be read at all. */
  load(partnershipId: string, actor: Actor): Promise<SamplePackStep[]>;
}

/** What one import of a pack did. */
export interface SamplePackStep {
  readonly kind: string;
  readonly file: string;
  readonly report: ImportReport;
}

/** The demo accounts that can see each sample partnership: an admin to import and change, a viewer to look. */
export const samplePackMembers: readonly { email: string; role: PartnershipRole }[] = [
  { email: 'admin@northmoor.example', role: 'partnership-admin' },
  { email: 'viewer@northmoor.example', role: 'viewer' },
];

/**
 * Adds each sample pack as a partnership of its own, gives the demo accounts above their roles in it, and loads
 * it. Returns the credentials with those roles added.
 */
export async function seedSamplePacks(
  store: Store,
  clock: Clock,
  packs: readonly DemoSamplePack[],
  credentials: readonly DemoCredential[],
): Promise<DemoCredential[]> {
  const added = new Map<string, string[]>();
  for (const pack of packs) {
    const id = newId();
    const now = clock.now().toISOString();
    await store.transaction(async (trx) => {
      await trx.partnerships.insert({
        id,
        slug: pack.slug,
        name: pack.name,
        localAuthorityCode: pack.localAuthorityCode,
        createdAt: now,
      });
      for (const member of samplePackMembers) {
        const user = await trx.users.findByEmail(member.email);
        if (!user) continue;
        await trx.memberships.insert({
          id: newId(),
          partnershipId: id,
          userId: user.id,
          role: member.role,
          organisationId: null,
          createdAt: now,
        });
        added.set(member.email, [...(added.get(member.email) ?? []), `${member.role} in ${pack.slug}`]);
      }
      await recordAudit(trx, clock, {
        partnershipId: id,
        actor: systemActor,
        action: 'demo-loaded',
        subject: pack.name,
      });
    });
    await pack.load(id, systemActor);
  }
  return credentials.map((credential) => {
    const roles = added.get(credential.email);
    return roles ? { ...credential, roles: [credential.roles, ...roles].join(', ') } : credential;
  });
}
