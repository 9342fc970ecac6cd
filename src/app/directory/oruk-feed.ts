import {
  orukService,
  orukServiceAtLocation,
  orukServiceSummary,
} from '../../domain/directory/oruk-export.js';
import { orukOrganisation } from '../../domain/directory/oruk-organization-fields.js';
import { orukPage, type OrukPage } from '../../domain/directory/oruk-page.js';
import { orukOrganizationWithServices } from '../../domain/directory/oruk-organization.js';
import { maxProximityMetres, type FeedQuery } from '../../domain/directory/oruk-query.js';
import { feedTaxonomy, type FeedTaxonomy } from '../../domain/directory/oruk-taxonomy.js';
import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type {
  DirectoryOrganisationRecord,
  PartnershipRecord,
  PlaceFilter,
  ServiceFilter,
  ServiceRecord,
  Store,
} from '../ports.js';

/**
 * Each partnership's public Open Referral UK 3.0 feed: pages of services and of services at their places,
 * filtered and paged in SQL, one service or place in full, and the taxonomies of the themes vocabulary.
 * Only the partnership's own records; hidden places never appear.
 */

/** A postcode's point, or a sentence saying why there is none (unknown, terminated, not located). */
export type PostcodeLocator = (
  postcode: string,
) => Promise<{ readonly latitude: number; readonly longitude: number } | { readonly message: string }>;

export interface OrukFeedDeps {
  readonly store: Store;
  readonly themes: ThemeVocabulary;
  /** Finds a postcode's point; without it, postcode searches are refused with a message saying what to send. */
  readonly locatePostcode?: PostcodeLocator;
}

type Json = Record<string, unknown>;

/** Services listed a page at a time for an export, so a large directory is never held all at once. */
const exportPageSize = 500;

export function orukFeedUseCases(deps: OrukFeedDeps) {
  const taxonomy: FeedTaxonomy = feedTaxonomy(deps.themes);
  const { store } = deps;

  const partnershipFor = async (slug: string): Promise<PartnershipRecord> => {
    const partnership = await store.partnerships.findBySlug(slug);
    if (!partnership) throw new NotFoundError(`There is no partnership with the address ${slug}.`);
    return partnership;
  };

  const organisationsOf = async (partnershipId: string, services: readonly ServiceRecord[]) => {
    const found = await store.directory.organisationsWithIds(
      partnershipId,
      services.map((s) => s.organisationId),
    );
    return new Map<string, DirectoryOrganisationRecord>(found.map((o) => [o.id, o]));
  };

  const serviceFilter = (query: FeedQuery): ServiceFilter => {
    const themeSets: (readonly string[])[] = [];
    if (query.taxonomyTermId) themeSets.push(taxonomy.themesOfTerm.get(query.taxonomyTermId) ?? []);
    if (query.taxonomyId) themeSets.push(taxonomy.themesOfTaxonomy.get(query.taxonomyId) ?? []);
    const themes =
      themeSets.length === 0 ? undefined : themeSets.reduce((a, b) => a.filter((theme) => b.includes(theme)));
    const opening =
      query.day || query.startTime || query.endTime
        ? {
            ...(query.day ? { day: query.day } : {}),
            ...(query.startTime ? { opensAtOrAfter: query.startTime } : {}),
            ...(query.endTime ? { closesAtOrBefore: query.endTime } : {}),
          }
        : undefined;
    return {
      ...(query.text ? { text: query.text } : {}),
      ...(query.organizationId ? { organisationId: query.organizationId } : {}),
      ...(query.modifiedAfter ? { changedSince: query.modifiedAfter } : {}),
      ...(themes ? { themes } : {}),
      ...(query.minimumAge !== undefined ? { minimumAgeAtLeast: query.minimumAge } : {}),
      ...(query.maximumAge !== undefined ? { maximumAgeAtMost: query.maximumAge } : {}),
      ...(opening ? { opening } : {}),
    };
  };

  const page = (query: FeedQuery) => ({ limit: query.perPage, offset: (query.page - 1) * query.perPage });

  /** Where a postcode or point search measures from, and how far it reaches. */
  const nearFor = async (query: FeedQuery): Promise<PlaceFilter['near']> => {
    const withinKm = (query.proximityMetres ?? maxProximityMetres) / 1000;
    if (query.near) return { ...query.near, withinKm };
    if (!query.postcode) return undefined;
    if (!deps.locatePostcode) {
      throw new ValidationError({
        postcode:
          'This feed cannot look up postcodes yet (no postcode file has been loaded). Send latitude and longitude instead, with proximity in metres.',
      });
    }
    const found = await deps.locatePostcode(query.postcode);
    if ('message' in found) throw new ValidationError({ postcode: found.message });
    return { latitude: found.latitude, longitude: found.longitude, withinKm };
  };

  /** Every service of a partnership in full with its organisation, by name, a page at a time (for exports). */
  async function* servicePages(partnershipId: string): AsyncGenerator<{
    services: ServiceRecord[];
    organisations: Map<string, DirectoryOrganisationRecord>;
  }> {
    for (let offset = 0; ; offset += exportPageSize) {
      const result = await store.directory.filterServices(
        partnershipId,
        {},
        { limit: exportPageSize, offset },
      );
      yield { services: result.items, organisations: await organisationsOf(partnershipId, result.items) };
      if (result.items.length < exportPageSize) return;
    }
  }

  return {
    taxonomy,
    partnership: partnershipFor,

    async services(slug: string, query: FeedQuery): Promise<OrukPage<Json>> {
      const partnership = await partnershipFor(slug);
      const result = await store.directory.filterServices(
        partnership.id,
        serviceFilter(query),
        page(query),
        query.full ? 'full' : 'fields',
      );
      const organisations = await organisationsOf(partnership.id, result.items);
      const contents = result.items.flatMap((service) => {
        const organisation = organisations.get(service.organisationId);
        if (!organisation) return [];
        return [
          query.full
            ? orukService(service, organisation, taxonomy)
            : orukServiceSummary(service, organisation),
        ];
      });
      return orukPage(contents, result.total, query.page, query.perPage);
    },

    async service(slug: string, id: string): Promise<Json> {
      const partnership = await partnershipFor(slug);
      const service = await store.directory.findService(partnership.id, id.toLowerCase());
      const organisation =
        service && (await store.directory.findOrganisation(partnership.id, service.organisationId));
      if (!service || !organisation) throw new NotFoundError(`There is no service ${id} in this feed.`);
      return orukService(service, organisation, taxonomy);
    },

    async serviceAtLocations(slug: string, query: FeedQuery): Promise<OrukPage<Json>> {
      const partnership = await partnershipFor(slug);
      const near = await nearFor(query);
      const filter: PlaceFilter = { ...serviceFilter(query), ...(near ? { near } : {}) };
      const result = await store.directory.shownPlaces(partnership.id, filter, page(query));
      const services = await store.directory.servicesWithIds(
        partnership.id,
        result.items.map((p) => p.serviceId),
      );
      const byId = new Map(services.map((s) => [s.id, s]));
      const organisations = await organisationsOf(partnership.id, services);
      const contents = result.items.flatMap((place) => {
        const service = byId.get(place.serviceId);
        const organisation = service && organisations.get(service.organisationId);
        const item = service && organisation && orukServiceAtLocation(service, organisation, place.position);
        return item ? [item] : [];
      });
      return orukPage(contents, result.total, query.page, query.perPage);
    },

    async serviceAtLocation(slug: string, id: string): Promise<Json> {
      const partnership = await partnershipFor(slug);
      const place = await store.directory.findShownPlace(partnership.id, id.toLowerCase());
      const service = place && (await store.directory.findService(partnership.id, place.serviceId));
      const organisation =
        service && (await store.directory.findOrganisation(partnership.id, service.organisationId));
      const item =
        place &&
        service &&
        organisation &&
        orukServiceAtLocation(service, organisation, place.position, { full: taxonomy });
      if (!item) throw new NotFoundError(`There is no service at location ${id} in this feed.`);
      return item;
    },

    /** The organisations that run the partnership's services (no other member organisation appears). */
    async organizations(slug: string, query: FeedQuery): Promise<OrukPage<Json>> {
      const partnership = await partnershipFor(slug);
      const result = await store.directory.organisationsWithServices(partnership.id, page(query));
      return orukPage(result.items.map(orukOrganisation), result.total, query.page, query.perPage);
    },

    async organization(slug: string, id: string): Promise<Json> {
      const partnership = await partnershipFor(slug);
      const organisation = await store.directory.findOrganisation(partnership.id, id.toLowerCase());
      const services = organisation
        ? await store.directory.filterServices(
            partnership.id,
            { organisationId: organisation.id },
            { limit: 10_000, offset: 0 },
            'fields',
          )
        : undefined;
      if (!organisation || !services?.total) {
        throw new NotFoundError(`There is no organization ${id} in this feed.`);
      }
      return orukOrganizationWithServices(organisation, services.items);
    },

    /** When the partnership's feed last changed, for Last-Modified; null when it has no directory yet. */
    async changedAt(slug: string): Promise<string | null> {
      const partnership = await partnershipFor(slug);
      return store.directory.directoryChangedAt(partnership.id);
    },

    async taxonomies(slug: string, query: FeedQuery) {
      await partnershipFor(slug);
      const all = taxonomy.taxonomies;
      const start = (query.page - 1) * query.perPage;
      return orukPage(all.slice(start, start + query.perPage), all.length, query.page, query.perPage);
    },

    async taxonomyById(slug: string, id: string) {
      await partnershipFor(slug);
      const found = taxonomy.taxonomies.find((t) => t.id === id.toLowerCase());
      if (!found) throw new NotFoundError(`There is no taxonomy ${id} in this feed.`);
      return found;
    },

    async taxonomyTerms(slug: string, query: FeedQuery) {
      await partnershipFor(slug);
      const all = taxonomy.terms;
      const start = (query.page - 1) * query.perPage;
      return orukPage(all.slice(start, start + query.perPage), all.length, query.page, query.perPage);
    },

    async taxonomyTerm(slug: string, id: string) {
      await partnershipFor(slug);
      const found = taxonomy.terms.find((t) => t.id === id.toLowerCase());
      if (!found) throw new NotFoundError(`There is no taxonomy term ${id} in this feed.`);
      return found;
    },

    servicePages,

    /** Every service of the partnership in full, a page at a time, for `export oruk`. */
    async eachService(partnershipId: string, write: (service: Json) => void): Promise<number> {
      let written = 0;
      for await (const { services, organisations } of servicePages(partnershipId)) {
        for (const service of services) {
          const organisation = organisations.get(service.organisationId);
          if (!organisation) continue;
          write(orukService(service, organisation, taxonomy));
          written += 1;
        }
      }
      return written;
    },
  };
}

export type OrukFeed = ReturnType<typeof orukFeedUseCases>;
