import pointOnFeature from '@turf/point-on-feature';
import type {
  DirectoryBatch,
  IncomingOrganisation,
  IncomingService,
} from '../app/directory/directory-import.js';
import { ImportSourceError, type ImportContext, type ImportProblem } from '../app/interchange.js';
import { emptyEligibility, type ServiceDetails } from '../domain/directory/model.js';
import { toPlainText } from '../domain/directory/plain-text.js';
import { cleanEmail, cleanPoint, cleanPostcode, cleanText, cleanUrl } from '../domain/directory/values.js';
import { isOrganisationKind } from '../domain/partnerships/organisation-kinds.js';
import { rowProblems, readCsv } from './csv-rows.js';
import { directoryImporter, themeOption } from './directory-importer.js';

/** The fields a resource can have, and the column names tried for each when no --mapping names one. */
export const resourceFields = {
  id: ['id', 'identifier', 'ref', 'reference'],
  name: ['name', 'title', 'community_hub', 'site_name', 'distname'],
  description: ['description', 'facilities', 'type'],
  address: ['address', 'full_address'],
  postcode: ['postcode', 'post_code', 'postal_code'],
  email: ['email'],
  url: ['website', 'url', 'web'],
  phone: ['telephone', 'phone', 'tel'],
  contact: ['contact'],
  hours: ['opening_hours', 'opening times', 'hours', 'hours_text'],
  access: ['referral method', 'how to access', 'access'],
  organisation: ['organisation', 'organization', 'managed_by', 'operator'],
  latitude: ['lat', 'latitude', 'y'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'x'],
} as const;
type ResourceField = keyof typeof resourceFields;

/** Parses `--mapping name=Name,postcode=Postcode` into field → column, refusing fields we do not know. */
export function parseMapping(option: string | undefined): Partial<Record<ResourceField, string>> {
  const mapping: Partial<Record<ResourceField, string>> = {};
  if (!option?.trim()) return mapping;
  for (const pair of option.split(',')) {
    const [field, column] = pair.split('=').map((part) => part.trim());
    if (!field || !column) {
      throw new ImportSourceError(`"${pair}" in --mapping is not field=column, like name=Name.`);
    }
    if (!(field in resourceFields)) {
      throw new ImportSourceError(
        `--mapping names "${field}", which is not a field. The fields are: ${Object.keys(resourceFields).join(', ')}.`,
      );
    }
    mapping[field as ResourceField] = column;
  }
  return mapping;
}

/**
 * Records (properties plus a point when the geometry is one) from GeoJSON or CSV text, with each record's row
 * for problems: its line in a CSV file (the header is line 1), its place in the list of features in GeoJSON.
 */
function recordsOf(text: string): {
  records: Record<string, unknown>[];
  rows: number[];
  problems: ImportProblem[];
} {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    const table = readCsv(text);
    return {
      records: table.rows.map((row) => row.values),
      rows: table.rows.map((row) => row.line),
      problems: [...table.problems],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportSourceError(`The file is not valid GeoJSON: ${(error as Error).message}`);
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    throw new ImportSourceError(
      'The file is JSON but not a GeoJSON FeatureCollection (it has no "features" list).',
    );
  }
  const problems: ImportProblem[] = [];
  const records = features.map((feature: unknown, index) => {
    const f = (feature ?? {}) as {
      properties?: Record<string, unknown>;
      geometry?: { type?: string; coordinates?: unknown };
    };
    const record: Record<string, unknown> = { ...(f.properties ?? {}) };
    const geometry = f.geometry;
    if (geometry?.type === 'Point' && Array.isArray(geometry.coordinates)) {
      record['\u0000longitude'] = geometry.coordinates[0];
      record['\u0000latitude'] = geometry.coordinates[1];
    } else if (geometry && /^(Multi)?Polygon$/.test(String(geometry.type))) {
      // A building or site outline: keep a point inside it, so the place can still be found on a map.
      try {
        const [longitude, latitude] = pointOnFeature(f as Parameters<typeof pointOnFeature>[0]).geometry
          .coordinates;
        record['\u0000longitude'] = longitude;
        record['\u0000latitude'] = latitude;
      } catch {
        problems.push({
          row: index + 1,
          field: 'geometry',
          reason: 'is an outline that cannot be read; kept without a point',
          outcome: 'kept',
        });
      }
    } else if (geometry) {
      problems.push({
        row: index + 1,
        field: 'geometry',
        reason: `is a ${String(geometry.type)}, not a point or an outline; kept without a point`,
        outcome: 'kept',
      });
    }
    return record;
  });
  return { records, rows: records.map((_, index) => index + 1), problems };
}

/** `import resources FILE --partnership S --theme T [--mapping …] [--organisation NAME]`: places as services. */
export function readResources(text: string, context: ImportContext): DirectoryBatch {
  const theme = themeOption(context, true) ?? '';
  const mapping = parseMapping(context.options?.mapping);
  const { records, rows, problems } = recordsOf(text);
  const columnsOf = (record: Record<string, unknown>) =>
    new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  const first = records[0] ?? {};
  const firstColumns = columnsOf(first);
  for (const [field, column] of Object.entries(mapping)) {
    if (records.length > 0 && !firstColumns.has(column.toLowerCase())) {
      throw new ImportSourceError(
        `--mapping says ${field}=${column}, but the file has no "${column}" column.`,
      );
    }
  }
  const value = (record: Record<string, unknown>, field: ResourceField): unknown => {
    const columns = columnsOf(record);
    const mapped = mapping[field];
    if (mapped) return record[columns.get(mapped.toLowerCase()) ?? mapped];
    if ((field === 'latitude' || field === 'longitude') && `\u0000${field}` in record)
      return record[`\u0000${field}`];
    const column = resourceFields[field].map((name) => columns.get(name)).find((c) => c !== undefined);
    return column === undefined ? undefined : record[column];
  };
  if (records.length > 0 && value(first, 'name') === undefined) {
    throw new ImportSourceError(
      `The file has no name column this import recognises (${resourceFields.name.join(', ')}). Say which column holds the name with --mapping name=COLUMN.`,
    );
  }
  const fixedOrganisation = cleanText(context.options?.organisation);
  const organisationKind = context.options?.['organisation-kind']?.trim().toLowerCase() ?? 'vcs';
  if (!isOrganisationKind(organisationKind)) {
    throw new ImportSourceError(
      `--organisation-kind "${organisationKind}" is not a kind. Use council, vcs, infrastructure, faith, social-enterprise or health.`,
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

  const services: IncomingService[] = [];
  const firstRow = new Map<string, number>();
  const unreadable = problems.filter((problem) => problem.outcome === 'skipped').length;
  let skipped = unreadable;
  records.forEach((record, index) => {
    const row = rows[index] ?? index + 1;
    const text = (field: ResourceField) => {
      const raw = value(record, field);
      return typeof raw === 'string' || typeof raw === 'number'
        ? cleanText(toPlainText(String(raw)), { na: true })
        : null;
    };
    const name = text('name');
    if (!name) {
      skipped += 1;
      problems.push({
        row,
        field: mapping.name ?? 'name',
        reason: 'has no name; skipped',
        outcome: 'skipped',
      });
      return;
    }
    const postcode = cleanPostcode(text('postcode'));
    if (text('postcode') && !postcode) {
      problems.push({
        row,
        field: mapping.postcode ?? 'postcode',
        reason: `"${text('postcode') ?? ''}" is not a UK postcode; kept without it`,
        outcome: 'kept',
      });
    }
    const key = text('id') ?? `${name.toLowerCase()}|${postcode ?? text('address')?.toLowerCase() ?? ''}`;
    const sourceId = `${theme}:${key}`;
    const earlier = firstRow.get(sourceId);
    if (earlier !== undefined) {
      skipped += 1;
      problems.push({
        row,
        field: mapping.name ?? 'name',
        reason: `${name} is also on row ${earlier} at the same place; this second copy is skipped`,
        outcome: 'skipped',
      });
      return;
    }
    firstRow.set(sourceId, row);
    const rawLatitude = value(record, 'latitude');
    const rawLongitude = value(record, 'longitude');
    const point = cleanPoint(rawLatitude, rawLongitude);
    if (!point && rawLatitude !== undefined && rawLatitude !== '' && rawLatitude !== null) {
      problems.push({
        row,
        field: mapping.latitude ?? 'latitude',
        reason: `${String(rawLatitude)}, ${String(rawLongitude)} is not a point in the UK; kept without a point`,
        outcome: 'kept',
      });
    }
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
      status: 'active',
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
  });
  return {
    sourceKind: 'resources',
    sourceLabel: `Resources import (${theme})`,
    read: records.length + unreadable,
    skipped,
    problems: rowProblems(problems),
    organisations: [...organisations.values()],
    services,
    counts: 'services',
  };
}

export function resourcesImporter(read: (source: string) => Promise<string>) {
  return directoryImporter(
    'resources',
    'Places such as food banks, libraries, hubs or warm spaces from GeoJSON points or CSV, with --theme and optional --mapping',
    async (source, context) => readResources(await read(source), context),
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
      ],
    },
  );
}
