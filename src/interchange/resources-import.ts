import type {
  DirectoryBatch,
  IncomingOrganisation,
  IncomingService,
} from '../app/directory/directory-import.js';
import { partnershipBoundary, type PartnershipBoundary } from '../app/areas/partnership-boundary.js';
import { ImportSourceError, type ImportContext, type ImportProblem } from '../app/interchange.js';
import { areaLocator } from '../domain/areas/locator.js';
import { emptyEligibility, type ServiceDetails } from '../domain/directory/model.js';
import { repeatedNames, testRecordWords, type NamedPlace } from '../domain/directory/place-checks.js';
import { toPlainText } from '../domain/directory/plain-text.js';
import { cleanEmail, cleanPoint, cleanPostcode, cleanText, cleanUrl } from '../domain/directory/values.js';
import { isOrganisationKind } from '../domain/partnerships/organisation-kinds.js';
import { withoutControlCharacters } from '../domain/shared/control-characters.js';
import { directoryImporter, themeOption } from './directory-importer.js';
import { fieldReader, parseMapping, resourceFields, type ResourceField } from './resource-fields.js';
import { resourceRecords } from './resource-records.js';
import {
  at,
  outsideAreaNote,
  outsideAreaOption,
  pointProblem,
  repeatedNameNote,
  unlocatedNote,
} from './resource-notes.js';

/** `import resources FILE --partnership S --theme T [--mapping …] [--organisation NAME]`: places as services. */
export function readResources(
  text: string,
  context: ImportContext,
  authority?: PartnershipBoundary,
): DirectoryBatch {
  const theme = themeOption(context, true) ?? '';
  const mapping = parseMapping(context.options?.mapping);
  const outside = outsideAreaOption(context.options?.['outside-area']);
  const source = resourceRecords(text);
  const { records } = source;
  const problems: ImportProblem[] = [...source.problems];
  const value = fieldReader(mapping);
  const first = records[0];
  if (first) {
    const columns = new Set(Object.keys(first.values).map((k) => k.toLowerCase()));
    for (const [field, column] of Object.entries(mapping)) {
      if (!columns.has(column.toLowerCase())) {
        throw new ImportSourceError(
          `The column names say ${field}=${column}, but the file has no "${column}" column.`,
        );
      }
    }
    if (value(first, 'name') === undefined) {
      throw new ImportSourceError(
        `The file has no name column this import recognises (${resourceFields.name.join(', ')}). Give the column that holds the name under column names, like name=Title.`,
      );
    }
  }
  const fixedOrganisation = cleanText(context.options?.organisation);
  const organisationKind = context.options?.['organisation-kind']?.trim().toLowerCase() ?? 'vcs';
  if (!isOrganisationKind(organisationKind)) {
    throw new ImportSourceError(
      `"${organisationKind}" is not a kind of organisation. Use council, vcs, infrastructure, faith, social-enterprise or health.`,
    );
  }
  const organisations = new Map<string, IncomingOrganisation>();
  const organisationFor = (name: string | null): string | null => {
    if (!name) return null;
    const sourceId = name.toLowerCase();
    if (!organisations.has(sourceId)) {
      organisations.set(sourceId, {
        sourceId,
        name,
        kind: organisationKind,
        identifier: null,
        details: { description: null, url: null, email: null, phone: null, address: null, postcode: null },
      });
    }
    return sourceId;
  };
  const inAuthority = authority
    ? areaLocator([{ code: 'authority', boundary: authority.boundary }])
    : undefined;

  const services: IncomingService[] = [];
  const places: NamedPlace[] = [];
  const outsideLines: number[] = [];
  let located = 0;
  let unlocated = 0;
  const firstRow = new Map<string, number>();
  let skipped = source.skipped;
  for (const record of records) {
    const row = record.line;
    const problem = (field: string, reason: string, outcome: 'skipped' | 'kept') => {
      if (outcome === 'skipped') skipped += 1;
      problems.push({ row, field, reason, outcome });
    };
    const text = (field: ResourceField) => {
      const raw = value(record, field);
      return typeof raw === 'string' || typeof raw === 'number'
        ? cleanText(toPlainText(withoutControlCharacters(String(raw))), { na: true })
        : null;
    };
    const name = text('name');
    if (!name) {
      problem(mapping.name ?? 'name', 'has no name; skipped', 'skipped');
      continue;
    }
    const postcode = cleanPostcode(text('postcode'));
    const key = text('id') ?? `${name.toLowerCase()}|${postcode ?? text('address')?.toLowerCase() ?? ''}`;
    const sourceId = `${theme}:${key}`;
    const earlier = firstRow.get(sourceId);
    if (earlier !== undefined) {
      const reason = `${name} is also at ${at(source.unit, earlier)}, at the same place; this second copy is skipped`;
      problem(mapping.name ?? 'name', reason, 'skipped');
      continue;
    }
    firstRow.set(sourceId, row);
    const rawLatitude = value(record, 'latitude');
    const rawLongitude = value(record, 'longitude');
    const point = cleanPoint(rawLatitude, rawLongitude);
    if (point) {
      located += 1;
      if (inAuthority && !inAuthority.locate({ lat: point.latitude, lng: point.longitude })) {
        outsideLines.push(row);
        if (outside === 'skip') {
          problem('location', `lies outside ${authority?.name ?? 'the area'}; left out, as asked`, 'skipped');
          continue;
        }
      }
    } else {
      unlocated += 1;
    }
    if (!point && rawLatitude !== undefined && rawLatitude !== '' && rawLatitude !== null) {
      const field = record.point && !mapping.latitude ? 'geometry' : (mapping.latitude ?? 'latitude');
      problem(field, pointProblem(rawLatitude, rawLongitude), 'kept');
    }
    if (text('postcode') && !postcode) {
      const reason = `"${text('postcode') ?? ''}" is not a UK postcode; kept without it`;
      problem(mapping.postcode ?? 'postcode', reason, 'kept');
    }
    const testWords = testRecordWords(name);
    if (testWords) {
      problem(
        mapping.name ?? 'name',
        `"${name}" looks like a test record (it says "${testWords}"): imported as inactive, so it is not counted as a service. Delete it, or make it active if it is real`,
        'kept',
      );
    }
    places.push({ line: row, name, point });
    const contact = text('contact');
    const contactEmail = contact ? cleanEmail(contact) : null;
    const email = cleanEmail(text('email')) ?? contactEmail ?? null;
    const phone =
      text('phone') ??
      (contact && !contactEmail && /\d{5}/.test(contact.replace(/\s/g, '')) ? contact : null);
    const hours = text('hours');
    const details: ServiceDetails = {
      name,
      description: text('description') ?? '',
      url: cleanUrl(text('url')),
      email,
      phone,
      status: testWords ? 'inactive' : 'active',
      themes: [theme],
      eligibility: emptyEligibility,
      cost: null,
      howToAccess:
        [text('access'), hours ? `Opening times: ${hours}` : null].filter(Boolean).join('. ') || null,
      languages: [],
      accessibility: null,
      capacity: null,
      locations: [
        {
          sourceId: null,
          name,
          address: text('address'),
          postcode,
          latitude: point?.latitude ?? null,
          longitude: point?.longitude ?? null,
          visibility: 'public',
        },
      ],
      areas: [],
      schedules: [],
      contacts: [],
    };
    services.push({
      sourceId,
      organisationSourceId: organisationFor(fixedOrganisation ?? text('organisation')),
      details,
      lastCheckedAt: null,
    });
  }
  const notes = [
    ...(authority && outside === 'keep' && outsideLines.length > 0
      ? [outsideAreaNote(authority.name, source.unit, outsideLines, located)]
      : []),
    ...(authority && unlocated > 0 ? [unlocatedNote(authority.name, unlocated)] : []),
    ...repeatedNames(places).map((repeat) => repeatedNameNote(source.unit, repeat)),
  ];
  problems.sort((a, b) => a.row - b.row);
  return {
    sourceKind: 'resources',
    sourceLabel: `Resources import (${theme})`,
    read: source.read,
    skipped,
    problems,
    notes,
    organisations: [...organisations.values()],
    services,
    counts: 'services',
  };
}

export function resourcesImporter(read: (source: string) => Promise<string>) {
  return directoryImporter(
    'resources',
    'Places such as food banks, libraries, hubs or warm spaces, all of one theme, from GeoJSON points or CSV',
    async (source, context) => {
      const text = await read(source);
      const authority = context.partnershipId
        ? await partnershipBoundary(context.services.store, context.partnershipId)
        : undefined;
      return readResources(text, context, authority);
    },
    {
      accept: '.geojson,.json,.csv',
      options: [
        {
          name: 'theme',
          label: 'Theme',
          hint: 'The theme every place in the file belongs to, such as food or warm-and-welcoming-spaces.',
          required: true,
        },
        {
          name: 'mapping',
          label: 'Column names',
          hint: 'Only if the file uses other names: for example name=Name,postcode=Postcode.',
        },
        { name: 'organisation', label: 'Organisation that runs them' },
        {
          name: 'outside-area',
          label: 'Places outside your council’s area',
          hint: 'Kept unless you choose to leave them out. Either way the check says how many there are.',
          choices: [
            { value: 'keep', text: 'Import them, and say how many there are' },
            { value: 'skip', text: 'Leave them out' },
          ],
        },
      ],
    },
  );
}
