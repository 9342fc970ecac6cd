import { csvText } from '../domain/shared/csv-text.js';
import {
  ImportSourceError,
  type Exporter,
  type ImportContext,
  type ImportProblem,
  type ImportReport,
  type Importer,
} from '../app/interchange.js';
import type { OrganisationRecord, Store } from '../app/ports.js';
import { organisationExportColumns } from '../app/directory/organisation-themes.js';
import { recordAudit } from '../app/shared/audit.js';
import { newId } from '../app/shared/secrets.js';
import { checkOrganisationInput, type OrganisationInput } from '../domain/partnerships/organisation-input.js';
import { rowProblems, readCsv, type CsvTable } from './csv-rows.js';

const columns = ['name', 'kind', 'identifier'] as const;

interface Plan {
  readonly report: ImportReport;
  readonly inserts: readonly OrganisationInput[];
  readonly updates: readonly { id: string; value: OrganisationInput }[];
}

function parseRows(text: string): CsvTable {
  const table = readCsv(text, { lowerCaseHeaders: true });
  if (!table.headers.includes('name')) {
    throw new ImportSourceError(
      'The file has no "name" column. The first row must name the columns: name, kind, identifier.',
    );
  }
  return table;
}

/** Works out what an import would do, against what the partnership already has. Writes nothing. */
async function plan(store: Store, partnershipId: string, text: string): Promise<Plan> {
  const reading = parseRows(text);
  const { rows } = reading;
  const existing = new Map<string, OrganisationRecord>();
  for (const organisation of await store.organisations.listByPartnership(partnershipId)) {
    existing.set(organisation.name.toLowerCase(), organisation);
  }
  const problems: ImportProblem[] = [...reading.problems];
  const inserts: OrganisationInput[] = [];
  const updates: { id: string; value: OrganisationInput }[] = [];
  const seen = new Map<string, number>();
  let skipped = reading.skipped;
  rows.forEach(({ line, values: row }) => {
    const checked = checkOrganisationInput({
      name: row.name ?? '',
      kind: row.kind ?? '',
      identifier: row.identifier ?? '',
    });
    if (!checked.ok) {
      skipped += 1;
      for (const [field, reason] of Object.entries(checked.problems))
        problems.push({ row: line, field, reason, outcome: 'skipped' });
      return;
    }
    const key = checked.value.name.toLowerCase();
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      skipped += 1;
      problems.push({
        row: line,
        field: 'name',
        reason: `${checked.value.name} appears twice in this file (first at line ${firstLine})`,
        outcome: 'skipped',
      });
      return;
    }
    seen.set(key, line);
    const current = existing.get(key);
    if (!current) inserts.push(checked.value);
    else if (current.kind !== checked.value.kind || current.identifier !== checked.value.identifier) {
      updates.push({ id: current.id, value: checked.value });
    }
  });
  return {
    report: {
      read: rows.length + reading.skipped,
      imported: inserts.length,
      updated: updates.length,
      skipped,
      problems: rowProblems(problems),
    },
    inserts,
    updates,
  };
}

function partnershipOf(context: ImportContext): string {
  if (!context.partnershipId)
    throw new ImportSourceError('Say which partnership the organisations belong to.');
  return context.partnershipId;
}

/** `import organisations FILE --partnership S`: a CSV with columns name, kind and identifier. Matches by name. */
export function organisationsCsvImporter(read: (source: string) => Promise<string>): Importer {
  return {
    kind: 'organisations',
    description: 'Organisations from a CSV file with the columns name, kind and identifier',
    needsPartnership: true,
    accept: '.csv',
    async preview(source, context) {
      return (await plan(context.services.store, partnershipOf(context), await read(source))).report;
    },
    async apply(source, context) {
      const partnershipId = partnershipOf(context);
      const text = await read(source);
      const { clock } = context.services;
      const report = await context.services.store.transaction(async (store) => {
        const planned = await plan(store, partnershipId, text);
        const now = clock.now().toISOString();
        const total = planned.inserts.length + planned.updates.length;
        let done = 0;
        for (const value of planned.inserts) {
          await store.organisations.insert({ id: newId(), partnershipId, ...value, createdAt: now });
          context.progress?.((done += 1), total);
        }
        for (const { id, value } of planned.updates) {
          await store.organisations.update(partnershipId, id, {
            kind: value.kind,
            identifier: value.identifier,
            updatedAt: now,
          });
          context.progress?.((done += 1), total);
        }
        if (planned.inserts.length + planned.updates.length > 0) {
          await recordAudit(store, clock, {
            partnershipId,
            actor: context.actor,
            action: 'organisations-imported',
            subject: `${planned.report.imported} new, ${planned.report.updated} updated`,
          });
        }
        return planned.report;
      });
      if (report.imported > 0) await context.services.organisationThemes.classify(partnershipId);
      return report;
    },
  };
}

export const organisationsCsvExporter: Exporter = {
  kind: 'organisations',
  description:
    'The partnership’s organisations as CSV (name, kind, identifier, and themes separated by semicolons)',
  async run(partnershipId, services, write) {
    const rows = await services.organisationThemes.exportRows(partnershipId);
    write(csvText([[...organisationExportColumns], ...rows]));
  },
};

export { columns as organisationCsvColumns };
