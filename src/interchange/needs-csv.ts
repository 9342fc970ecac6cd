import { parse } from 'csv-parse/sync';
import {
  ImportSourceError,
  type ImportContext,
  type ImportProblem,
  type ImportReport,
  type Importer,
} from '../app/interchange.js';
import { needContext, type NeedContext } from '../app/needs/needs.js';
import { checkNeedInput, type NeedInput } from '../app/needs/need-input.js';
import type { Store } from '../app/ports.js';
import { recordAudit } from '../app/shared/audit.js';
import { newId } from '../app/shared/secrets.js';
import type { ThemeVocabulary } from '../domain/directory/themes.js';
import {
  needSeverities,
  needSeverityLabels,
  needSourceLabels,
  needSources,
  type NeedDetails,
  type NeedRecord,
} from '../domain/needs/model.js';

export const needsCsvColumns = [
  'id',
  'area_code',
  'theme',
  'severity',
  'people_affected',
  'evidence',
  'source',
  'organisation',
  'reported_on',
] as const;
const requiredColumns = ['area_code', 'theme', 'severity', 'evidence', 'source', 'reported_on'];

/** The CSV column each field of a need is read from, for naming it in a problem. */
const columnOf: Record<string, string> = {
  areaCode: 'area_code',
  theme: 'theme',
  severity: 'severity',
  peopleAffected: 'people_affected',
  evidence: 'evidence',
  source: 'source',
  reportingOrganisationId: 'organisation',
  reportedOn: 'reported_on',
};

function parseRows(text: string): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new ImportSourceError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const missing = requiredColumns.filter((column) => rows.length > 0 && !(column in (rows[0] ?? {})));
  if (missing.length > 0) {
    throw new ImportSourceError(
      `The file has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
        `The first row must name the columns: ${needsCsvColumns.join(', ')}.`,
    );
  }
  return rows;
}

const lower = (text: string) => text.trim().toLowerCase();

/** Reads one row's cells into the form's words: themes and severities by name, dates as YYYY-MM-DD. */
function inputFromRow(
  row: Record<string, string>,
  context: NeedContext,
  themes: ThemeVocabulary,
): { input: NeedInput; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const themeCell = row.theme ?? '';
  const theme = themes.themes.find((t) => t.id === lower(themeCell) || lower(t.name) === lower(themeCell));
  if (themeCell.trim() && !theme) {
    problems.theme = `"${themeCell}" is not a theme: use a theme id or name from the themes list, like food or Fuel and energy`;
  }
  const areaCell = (row.area_code ?? '').trim().toUpperCase();
  if (areaCell && !context.areas.byCode.has(areaCell)) {
    problems.area_code = `${areaCell} is not an area of this partnership: use the code of its authority, one of its wards or one of their LSOAs`;
  }
  const severityCell = lower(row.severity ?? '');
  const severity = needSeverities.find(
    (s) => String(s) === severityCell || lower(needSeverityLabels[s]) === severityCell,
  );
  if (severityCell && severity === undefined) {
    problems.severity = `"${row.severity ?? ''}" is not a severity: use 1 to 4, or Low, Moderate, High or Severe`;
  }
  const sourceCell = lower(row.source ?? '');
  const sourceKey = sourceCell.replace(/[\s_]+/g, '-');
  const source = needSources.find((s) => s === sourceKey || lower(needSourceLabels[s]) === sourceCell);
  if (sourceCell && source === undefined) {
    problems.source = `"${row.source ?? ''}" is not a source: use one of ${needSources.join(', ')}`;
  }
  const organisationCell = lower(row.organisation ?? '');
  const organisation = context.organisations.find(
    (o) =>
      lower(o.name) === organisationCell ||
      (o.identifier !== null && lower(o.identifier) === organisationCell),
  );
  if (organisationCell && !organisation) {
    problems.organisation = `There is no organisation called "${row.organisation ?? ''}" in this partnership. Use an organisation’s name or identifier as the Organisations page shows it, or leave it empty`;
  }
  const dateCell = (row.reported_on ?? '').trim();
  const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(dateCell);
  const reportedOn = ukDate
    ? `${ukDate[3]}-${(ukDate[2] ?? '').padStart(2, '0')}-${(ukDate[1] ?? '').padStart(2, '0')}`
    : dateCell;
  if (dateCell && !ukDate && !/^\d{4}-\d{2}-\d{2}$/.test(dateCell)) {
    problems.reported_on = `"${dateCell}" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY, like 2026-01-15`;
  }
  return {
    input: {
      areaCode: row.area_code ?? '',
      theme: theme?.id ?? themeCell,
      severity: severity === undefined ? (severityCell ? 'unknown' : '') : String(severity),
      peopleAffected: row.people_affected ?? '',
      evidence: row.evidence ?? '',
      source: source ?? sourceCell,
      reportingOrganisationId: organisation?.id ?? '',
      reportedOn,
    },
    problems,
  };
}

interface Plan {
  readonly report: ImportReport;
  readonly inserts: readonly NeedRecord[];
  readonly updates: readonly NeedRecord[];
}

const same = (a: NeedDetails, b: NeedDetails) =>
  (Object.keys(b) as (keyof NeedDetails)[]).every((key) => a[key] === b[key]);

/** Works out what an import would do, against the needs the partnership already has. Writes nothing. */
async function plan(
  store: Store,
  partnershipId: string,
  text: string,
  themes: ThemeVocabulary,
  now: Date,
  actorUserId: string | null,
): Promise<Plan> {
  const rows = parseRows(text);
  const partnership = await store.partnerships.findById(partnershipId);
  if (!partnership) throw new ImportSourceError('There is no such partnership.');
  const context = await needContext({ store, clock: { now: () => now }, themes }, partnership);
  const sourceIds = rows.map((row) => (row.id ?? '').trim()).filter((id) => id !== '');
  const existing = new Map(
    (await store.needs.withSourceIds(partnershipId, sourceIds)).map((need) => [need.sourceId ?? '', need]),
  );
  const problems: ImportProblem[] = [];
  const inserts: NeedRecord[] = [];
  const updates: NeedRecord[] = [];
  const seen = new Map<string, number>();
  const stamp = now.toISOString();
  let skipped = 0;
  rows.forEach((row, index) => {
    const line = index + 2; // the header is row 1
    const sourceId = (row.id ?? '').trim() || null;
    const read = inputFromRow(row, context, themes);
    const checked = checkNeedInput(read.input, context.rules);
    const found: Record<string, string> = { ...read.problems };
    if (!checked.ok) {
      for (const [field, reason] of Object.entries(checked.problems)) {
        const column = columnOf[field] ?? field;
        found[column] ??= reason;
      }
    }
    const firstLine = sourceId === null ? undefined : seen.get(sourceId);
    if (firstLine !== undefined)
      found.id = `The id ${sourceId ?? ''} appears twice in this file (first at row ${firstLine})`;
    if (Object.keys(found).length > 0 || !checked.ok) {
      skipped += 1;
      for (const [field, reason] of Object.entries(found))
        problems.push({ row: line, field, reason, outcome: 'skipped' });
      return;
    }
    if (sourceId !== null) seen.set(sourceId, line);
    const current = sourceId === null ? undefined : existing.get(sourceId);
    if (!current) {
      inserts.push({
        ...checked.value,
        id: newId(),
        partnershipId,
        sourceId,
        createdBy: actorUserId,
        createdAt: stamp,
        updatedAt: stamp,
      });
    } else if (!same(current, checked.value)) {
      updates.push({ ...current, ...checked.value, updatedAt: stamp });
    }
  });
  return {
    report: { read: rows.length, imported: inserts.length, updated: updates.length, skipped, problems },
    inserts,
    updates,
  };
}

function partnershipOf(context: ImportContext): string {
  if (!context.partnershipId) throw new ImportSourceError('Say which partnership the needs belong to.');
  return context.partnershipId;
}

/**
 * `import needs FILE --partnership S`: the needs register from a CSV (see docs/needs-csv.md). Rows with an `id`
 * update the need imported with that id before; rows with problems, such as personal data, are left out.
 */
export function needsCsvImporter(read: (source: string) => Promise<string>): Importer {
  return {
    kind: 'needs',
    description:
      'Needs from a CSV file with the columns id, area_code, theme, severity, people_affected, evidence, source, organisation and reported_on',
    needsPartnership: true,
    accept: '.csv',
    async preview(source, context) {
      const { store, clock, directory } = context.services;
      const text = await read(source);
      return (
        await plan(store, partnershipOf(context), text, directory.themes, clock.now(), context.actor.userId)
      ).report;
    },
    async apply(source, context) {
      const partnershipId = partnershipOf(context);
      const text = await read(source);
      const { clock, directory } = context.services;
      return context.services.store.transaction(async (store) => {
        const planned = await plan(
          store,
          partnershipId,
          text,
          directory.themes,
          clock.now(),
          context.actor.userId,
        );
        await store.needs.insert(planned.inserts);
        const total = planned.inserts.length + planned.updates.length;
        let done = planned.inserts.length;
        context.progress?.(done, total);
        for (const need of planned.updates) {
          await store.needs.update(need);
          context.progress?.((done += 1), total);
        }
        if (total > 0) {
          await recordAudit(store, clock, {
            partnershipId,
            actor: context.actor,
            action: 'needs-imported',
            subject: `${planned.report.imported} new, ${planned.report.updated} updated`,
          });
        }
        return planned.report;
      });
    },
  };
}
