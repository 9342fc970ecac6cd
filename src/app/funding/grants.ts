import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import { sumDecimals } from '../../domain/funding/decimal.js';
import { grantPackage, type GrantPackage } from '../../domain/funding/grant-export.js';
import type { GrantRecord } from '../../domain/funding/grant.js';
import { needsReview } from '../../domain/funding/recipient-matching.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { GrantFilter } from './funding-stores.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';

export interface GrantDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly themes: ThemeVocabulary;
  /** The service's own address, for the package's Data Source when a grant's file gave none. */
  readonly baseUrl?: string;
}

/** The total of a list of grants in one currency, exact. */
export interface CurrencyTotal {
  readonly currency: string;
  readonly total: string;
  readonly count: number;
}

/** Totals per currency, pounds first, then by code: amounts in different currencies are never added up. */
export function totalsByCurrency(grants: readonly GrantRecord[]): CurrencyTotal[] {
  const byCurrency = new Map<string, string[]>();
  for (const grant of grants) {
    const list = byCurrency.get(grant.currency) ?? [];
    list.push(grant.amountAwarded);
    byCurrency.set(grant.currency, list);
  }
  return [...byCurrency.entries()]
    .map(([currency, amounts]) => ({ currency, total: sumDecimals(amounts), count: amounts.length }))
    .sort((a, b) =>
      a.currency === 'GBP' ? -1 : b.currency === 'GBP' ? 1 : a.currency.localeCompare(b.currency),
    );
}

/** Which grants to list, as the grants page's filters give them. */
export interface GrantListFilter extends GrantFilter {
  readonly theme?: string;
  /** Words that must all appear in the title, description, recipient or funder. */
  readonly text?: string;
}

/** A grant whose recipient was matched by a similar name only, with the organisation it was matched to. */
export interface MatchToReview {
  readonly grant: GrantRecord;
  readonly organisationId: string;
  readonly organisationName: string;
}

export type MatchDecision = 'confirm' | 'reject';

export function grantUseCases(deps: GrantDeps) {
  const { store, clock } = deps;
  return {
    async list(partnershipId: string, filter: GrantListFilter = {}) {
      const { theme, text, ...stored } = filter;
      const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const grants = (await store.grants.listForPartnership(partnershipId, stored)).filter((grant) => {
        if (theme && !grant.themes.includes(theme)) return false;
        if (words.length === 0) return true;
        const haystack =
          `${grant.title} ${grant.description} ${grant.recipientOrgName ?? ''} ${grant.fundingOrgName}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      });
      return { grants, totals: totalsByCurrency(grants) };
    },

    /**
     * Every grant the partnership holds as a 360Giving package; a grant whose file named no Data Source gets
     * the address this package is downloaded from.
     */
    async standardPackage(partnershipId: string): Promise<GrantPackage> {
      const partnership = await store.partnerships.findById(partnershipId);
      if (!partnership) throw new NotFoundError('That partnership does not exist.');
      const grants = await store.grants.listForPartnership(partnershipId);
      return grantPackage(grants, {
        partnershipSlug: partnership.slug,
        partnershipName: partnership.name,
        dataSource: `${deps.baseUrl ?? 'http://localhost'}/p/${partnership.slug}/grants/360giving.json`,
      });
    },
    async find(partnershipId: string, grantId: string): Promise<GrantRecord> {
      const grant = await store.grants.find(partnershipId, grantId);
      if (!grant) throw new NotFoundError('There is no such grant.');
      return grant;
    },

    /** Name matches under the accept level, oldest award first, for a person to confirm or reject. */
    async matchesToReview(partnershipId: string): Promise<MatchToReview[]> {
      const [grants, organisations] = await Promise.all([
        store.grants.listForPartnership(partnershipId, { matchMethods: ['name'] }),
        store.organisations.listByPartnership(partnershipId),
      ]);
      const names = new Map(organisations.map((o) => [o.id, o.name]));
      return grants
        .filter((grant) => needsReview(grant.match) && grant.match.organisationId !== null)
        .map((grant) => ({
          grant,
          organisationId: grant.match.organisationId ?? '',
          organisationName: names.get(grant.match.organisationId ?? '') ?? 'An organisation no longer listed',
        }))
        .reverse();
    },

    /**
     * Confirms a suggested recipient (the grant is then matched "reviewed") or rejects it (the grant keeps no
     * organisation, and a later import does not suggest it again). Recorded in the audit log.
     */
    async reviewMatch(
      partnership: PartnershipRecord,
      grantId: string,
      decision: MatchDecision,
      actor: Actor,
    ): Promise<void> {
      const grant = await store.grants.find(partnership.id, grantId);
      if (!grant || !needsReview(grant.match) || grant.match.organisationId === null) {
        throw new NotFoundError('This grant has no recipient match waiting to be checked.');
      }
      if (decision !== 'confirm' && decision !== 'reject') {
        throw new ValidationError({ decision: 'Say whether this is the right organisation' });
      }
      const organisationId = decision === 'confirm' ? grant.match.organisationId : null;
      await store.transaction(async (trx) => {
        await trx.grants.setMatch(partnership.id, grant.id, {
          organisationId,
          method: 'reviewed',
          confidence: decision === 'confirm' ? 1 : null,
        });
        await recordAudit(trx, clock, {
          partnershipId: partnership.id,
          actor,
          action: decision === 'confirm' ? 'grant-match-confirmed' : 'grant-match-rejected',
          subject: `${grant.id} (${grant.recipientOrgName ?? 'no name'})`,
        });
      });
    },
  };
}

export type GrantUseCases = ReturnType<typeof grantUseCases>;
