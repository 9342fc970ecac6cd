import type { DirectoryBatch, IncomingOrganisation } from '../app/directory/directory-import.js';
import type { ImportProblem } from '../app/interchange.js';
import { organisationIdentifier } from '../domain/directory/identifiers.js';
import { cleanEmail, cleanPostcode, cleanText, cleanUrl } from '../domain/directory/values.js';
import type { OrganisationKind } from '../domain/partnerships/organisation-kinds.js';
import { csvRows, requireColumns } from './csv-rows.js';
import { directoryImporter } from './directory-importer.js';

const faithWords =
  /\b(church|chapel|parish|mosque|masjid|temple|synagogue|gurdwara|mandir|diocese|baptist|methodist|catholic|anglican|quaker|salvation army|islamic|jewish|hindu|sikh|buddhist|christian|evangelical|pentecostal|congregation|ministr(y|ies))\b/i;

/** Faith groups by the words in their name; other registered charities are voluntary organisations. */
export function charityKind(name: string): OrganisationKind {
  return faithWords.test(name) ? 'faith' : 'vcs';
}

/** The Charity Commission register extract (one row per charity; "NA" means no value) as organisations. */
export function readCharities(text: string): DirectoryBatch {
  const rows = csvRows(text);
  requireColumns(
    rows,
    ['registered_charity_number', 'charity_name'],
    'a Charity Commission register extract',
  );
  const problems: ImportProblem[] = [];
  const organisations: IncomingOrganisation[] = [];
  const firstRow = new Map<string, number>();
  let skipped = 0;
  rows.forEach((row, index) => {
    const line = index + 2;
    const number = cleanText(row.registered_charity_number, { na: true });
    const identifier = organisationIdentifier('GB-CHC', number);
    const name = cleanText(row.charity_name, { na: true });
    if (!identifier || !name) {
      skipped += 1;
      problems.push(
        !identifier
          ? {
              row: line,
              field: 'registered_charity_number',
              reason: `"${row.registered_charity_number ?? ''}" is not a charity number (6 to 8 digits); skipped`,
              outcome: 'skipped',
            }
          : {
              row: line,
              field: 'charity_name',
              reason: `Charity ${number ?? ''} has no name; skipped`,
              outcome: 'skipped',
            },
      );
      return;
    }
    const first = firstRow.get(identifier);
    if (first !== undefined) {
      skipped += 1;
      problems.push({
        row: line,
        field: 'registered_charity_number',
        reason: `Charity ${number ?? ''} is also on row ${first}; this second copy is skipped`,
        outcome: 'skipped',
      });
      return;
    }
    firstRow.set(identifier, line);
    const email = cleanEmail(row.charity_contact_email);
    if (email === undefined) {
      problems.push({
        row: line,
        field: 'charity_contact_email',
        reason: `"${row.charity_contact_email ?? ''}" is not an email address; imported without it`,
        outcome: 'kept',
      });
    }
    organisations.push({
      sourceId: number ?? identifier,
      name,
      kind: charityKind(name),
      identifier,
      details: {
        description: cleanText(row.charity_activities, { na: true }),
        url: cleanUrl(row.charity_contact_web),
        email: email ?? null,
        phone: cleanText(row.charity_contact_phone, { na: true }),
        address: cleanText(row.charity_contact_address, { na: true }),
        postcode: cleanPostcode(row.charity_contact_postcode),
      },
    });
  });
  return {
    sourceKind: 'charities',
    sourceLabel: 'Charity Commission register',
    read: rows.length,
    skipped,
    problems,
    organisations,
    services: [],
    counts: 'organisations',
  };
}

/** `import charities FILE --partnership S`: registered charities as organisations with GB-CHC- identifiers. */
export function charitiesImporter(read: (source: string) => Promise<string>) {
  return directoryImporter(
    'charities',
    'Registered charities from a Charity Commission register extract (CSV), as organisations',
    async (source) => readCharities(await read(source)),
    { accept: '.csv' },
  );
}
