import { esdTermUri, esdUriOf } from './esd-terms.js';
import { asList, asObject, text, type Json } from './oruk-json-values.js';
import { suggestThemes, type ThemeVocabulary } from './themes.js';

/**
 * A feed service's themes: those whose ORUK terms (by id, name or esd URI) the service carries, or, when none,
 * those suggested by its name, description and target audiences.
 */
export function themesOf(
  service: Json,
  vocabulary: ThemeVocabulary,
  name: string,
  description: string,
): string[] {
  const termIds = new Set<string>();
  const termNames = new Set<string>();
  const termUris = new Set<string>();
  const terms = [
    ...asList(service.service_taxonomys).map((t) => asObject(t.taxonomy) ?? t),
    ...asList(service.taxonomy_terms),
    ...asList(service.attributes).map((a) => asObject(a.taxonomy_term) ?? a),
  ];
  for (const term of terms) {
    if (text(term.id)) termIds.add(String(term.id));
    const termName = text(term.name ?? term.term);
    if (termName) termNames.add(termName.toLowerCase());
    const uri = esdUriOf({
      termUri: text(term.term_uri ?? term.uri),
      code: text(term.code),
      id: text(term.id),
      vocabulary: text(term.vocabulary ?? term.taxonomy),
    });
    if (uri) termUris.add(uri);
  }
  const fromTerms = vocabulary.themes
    .filter(
      (theme) =>
        theme.orukTerms.some(
          (t) =>
            termIds.has(t.id) ||
            termNames.has(t.name.toLowerCase()) ||
            (t.code !== undefined && termUris.has(esdTermUri(t.vocabulary, t.code))),
        ) || termNames.has(theme.name.toLowerCase()),
    )
    .map((theme) => theme.id);
  if (fromTerms.length > 0) return fromTerms;
  const audiences = asList(service.pc_targetAudience).map((a) => text(a.audienceType) ?? '');
  return suggestThemes(vocabulary, [name, description, ...audiences].join(' \n '));
}
