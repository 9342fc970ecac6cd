/**
 * Terms of the Local Government Association's esd standards lists (needs, service types, circumstances), which
 * Open Referral UK feeds use, named by the URIs the LGA publishes for them (http://id.esd.org.uk/service/298).
 */

export type EsdVocabulary = 'esdNeeds' | 'esdServiceTypes' | 'esdCircumstances';

/** The path of each esd list's terms under http://id.esd.org.uk/. */
const esdPaths: Record<EsdVocabulary, string> = {
  esdNeeds: 'need',
  esdServiceTypes: 'service',
  esdCircumstances: 'circumstance',
};

/** The URI of an esd term, such as http://id.esd.org.uk/service/298: the id the LGA publishes for it. */
export const esdTermUri = (vocabulary: EsdVocabulary, code: string): string =>
  `http://id.esd.org.uk/${esdPaths[vocabulary]}/${code}`;

/**
 * The esd term URI an imported term stands for, from its term_uri, or its code or id with its vocabulary
 * (ORUK 1.0 feeds give "esdServiceType:298" or "298" with vocabulary "esdServiceTypes"); null when it is not one.
 */
export function esdUriOf(term: {
  readonly termUri?: string | null;
  readonly code?: string | null;
  readonly id?: string | null;
  readonly vocabulary?: string | null;
}): string | null {
  const uri = /^https?:\/\/id\.esd\.org\.uk\/(need|service|circumstance)\/([A-Za-z0-9_]+)\/?$/i.exec(
    term.termUri?.trim() ?? '',
  );
  if (uri) return `http://id.esd.org.uk/${(uri[1] ?? '').toLowerCase()}/${uri[2] ?? ''}`;
  const curie = /^(esdNeed|esdServiceType|esdCircumstance)s?:([A-Za-z0-9_]+)$/i.exec(term.id?.trim() ?? '');
  if (curie) {
    const vocabulary = Object.keys(esdPaths).find(
      (v) => v.toLowerCase() === `${(curie[1] ?? '').toLowerCase()}s`,
    ) as EsdVocabulary;
    return esdTermUri(vocabulary, curie[2] ?? '');
  }
  const vocabulary = Object.keys(esdPaths).find(
    (v) => v.toLowerCase() === term.vocabulary?.trim().toLowerCase(),
  ) as EsdVocabulary | undefined;
  const code = (term.code ?? term.id)?.trim() ?? '';
  return vocabulary && /^[A-Za-z0-9_]+$/.test(code) ? esdTermUri(vocabulary, code) : null;
}
