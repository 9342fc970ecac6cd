import { lookupPostcode } from '../areas/postcode-lookup.js';
import type { ServiceDeps } from '../service-deps.js';
import { directoryUseCases } from './directory.js';
import { organisationThemeUseCases } from './organisation-themes.js';
import { orukFeedUseCases } from './oruk-feed.js';

/** The directory of organisations and services, and the themes organisations work on. */
export function directoryServices(deps: ServiceDeps) {
  const { store, clock, themes } = deps;
  const lexicon = deps.themeLexicon ? { lexicon: deps.themeLexicon } : {};
  return {
    directory: directoryUseCases({ store, clock, themes, ...lexicon }),
    /** Organisations' themes: suggested from their own words, decided by members; potential provision. */
    organisationThemes: organisationThemeUseCases({ store, clock, themes, ...lexicon }),
  };
}

/** The partnership's directory as an Open Referral UK feed; postcode searches use the service's postcodes. */
export function orukFeedServices(deps: ServiceDeps) {
  const { store } = deps;
  return orukFeedUseCases({
    store,
    themes: deps.themes,
    locatePostcode:
      deps.locatePostcode ??
      (async (postcode: string) => {
        const found = await lookupPostcode(store, postcode);
        return found.kind === 'found'
          ? { latitude: found.point.lat, longitude: found.point.lng }
          : { message: found.message };
      }),
  });
}
