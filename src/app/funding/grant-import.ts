import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import type { GrantDetails, GrantMatch, GrantRecord } from '../../domain/funding/grant.js';
import { grantQualitySummary } from '../../domain/funding/grant-quality.js';
import { readGrant } from '../../domain/funding/grant-reading.js';
import { matchRecipient, needsReview, organisationIndex } from '../../domain/funding/recipient-matching.js';
import type { ImportContext, ImportProblem, ImportReport } from '../interchange.js';
import type { Store } from '../ports.js';
import { recordAudit } from '../shared/audit.js';

/** What a 360Giving file holds once read: grants in the standard's nested shape, and what reading noticed. */
export interface GrantFileContents {
  readonly grants: readonly unknown[];
  /** The row number of the first grant: 2 in a spreadsheet (under its header), 1 in a JSON package. */
  readonly firstRow: number;
  /** Each grant's line (row) in the file, when rows were passed over (blank rows, rows that could not be read). */
  readonly rows?: readonly number[];
  /**
   * What reading a spreadsheet found: rows it skipped (such as a CSV row with the wrong number of values, one
   * problem each) and values it put right (kept).
   */
  readonly reading?: { readonly problems: readonly ImportProblem[]; readonly skipped: number };
  /** Columns that are not 360Giving titles; they are ignored. */
  readonly extraColumns: readonly string[];
  /** Notes about the whole file, such as the text encoding it was read in. */
  readonly notes: readonly string[];
}

interface GrantImportPlan {
  readonly report: ImportReport;
  readonly saves: readonly GrantRecord[];
}

const sameDetails = (a: GrantDetails, b: GrantDetails) =>
  (Object.keys(b) as (keyof GrantDetails)[]).every(
    (key) => JSON.stringify(a[key]) === JSON.stringify(b[key]),
  );
const sameMatch = (a: GrantMatch, b: GrantMatch) =>
  a.organisationId === b.organisationId && a.method === b.method && a.confidence === b.confidence;

const listed = (names: readonly string[]) =>
  names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');

/**
 * Works out what importing a 360Giving file would do for a partnership: each grant checked, its recipient
 * matched to a directory organisation, and compared with the grant of the same identifier already held.
 * Writes nothing. A match a person has reviewed is kept when the grant is imported again.
 */
export async function planGrantImport(
  store: Store,
  themes: ThemeVocabulary,
  partnershipId: string,
  contents: GrantFileContents,
  dataSource: string,
  now: Date,
): Promise<GrantImportPlan> {
  const index = organisationIndex(await store.organisations.listByPartnership(partnershipId));
  const ids = contents.grants
    .map((grant) => (typeof grant === 'object' && grant !== null ? (grant as { id?: unknown }).id : null))
    .filter((id): id is string => typeof id === 'string');
  const existing = new Map((await store.grants.withIds(partnershipId, ids)).map((g) => [g.id, g]));
  const reading = contents.reading ?? { problems: [], skipped: 0 };
  const problems: ImportProblem[] = reading.problems.filter((p) => p.outcome === 'skipped');
  const notes: ImportProblem[] = contents.notes.map((reason) => ({
    row: 0,
    field: 'file',
    reason,
    outcome: 'kept',
  }));
  const readingNotes = reading.problems.filter((p) => p.outcome === 'kept');
  if (contents.extraColumns.length > 0) {
    notes.push({
      row: 0,
      field: 'columns',
      reason: `These columns are not in the 360Giving standard and were ignored: ${listed(contents.extraColumns)}`,
      outcome: 'kept',
    });
  }
  const extraFields = new Set<string>();
  const seen = new Map<string, number>();
  const saves: GrantRecord[] = [];
  let imported = 0;
  let updated = 0;
  let skipped = reading.skipped;
  let toReview = 0;
  contents.grants.forEach((raw, position) => {
    const row = contents.rows?.[position] ?? contents.firstRow + position;
    const reading = readGrant(raw, themes);
    for (const field of reading.extraFields) extraFields.add(field);
    const duplicateOf = reading.id === null ? undefined : seen.get(reading.id);
    if (!reading.ok || duplicateOf !== undefined) {
      skipped += 1;
      if (!reading.ok)
        for (const problem of reading.problems) problems.push({ row, ...problem, outcome: 'skipped' });
      if (duplicateOf !== undefined) {
        problems.push({
          row,
          field: 'Identifier',
          reason: `The Identifier ${reading.id ?? ''} appears twice in this file (first at row ${duplicateOf}): give each grant its own`,
          outcome: 'skipped',
        });
      }
      return;
    }
    seen.set(reading.id, row);
    for (const note of reading.notes) notes.push({ row, ...note, outcome: 'kept' });
    const current = existing.get(reading.id);
    const match =
      current?.match.method === 'reviewed' ? current.match : matchRecipient(reading.details, index);
    if (needsReview(match)) toReview += 1;
    if (current && sameDetails(current, reading.details) && sameMatch(current.match, match)) return;
    if (current) updated += 1;
    else imported += 1;
    saves.push({
      ...reading.details,
      id: reading.id,
      partnershipId,
      match,
      dataSource,
      importedAt: now.toISOString(),
    });
  });
  if (extraFields.size > 0) {
    notes.unshift({
      row: 0,
      field: 'fields',
      reason: `Some grants have fields the 360Giving standard does not define; they were ignored: ${listed([...extraFields])}`,
      outcome: 'kept',
    });
  }
  if (toReview > 0) {
    notes.push({
      row: 0,
      field: 'Recipient Org:Name',
      reason: `${toReview} recipient${toReview === 1 ? ' was' : 's were'} matched to an organisation by a similar name only: confirm or reject ${toReview === 1 ? 'it' : 'each'} on the "Grant recipients to check" page`,
      outcome: 'kept',
    });
  }
  // A value put right on a grant that is skipped all the same is one of its problems, not a note.
  const skippedRows = new Set(problems.map((p) => p.row));
  for (const note of readingNotes) {
    if (skippedRows.has(note.row)) problems.push({ ...note, outcome: 'skipped' });
    else notes.push(note);
  }
  return {
    report: {
      read: contents.grants.length + reading.skipped,
      imported,
      updated,
      skipped,
      problems: [...problems].sort((a, b) => a.row - b.row),
      notes,
      quality: grantQualitySummary(contents.grants, now),
    },
    saves,
  };
}

/** Saves everything the plan found, in one transaction, and records it in the audit log. */
export async function applyGrantImport(
  context: ImportContext,
  partnershipId: string,
  contents: GrantFileContents,
  dataSource: string,
): Promise<ImportReport> {
  const { clock, directory } = context.services;
  return context.services.store.transaction(async (store) => {
    const planned = await planGrantImport(
      store,
      directory.themes,
      partnershipId,
      contents,
      dataSource,
      clock.now(),
    );
    const batch = 500;
    for (let start = 0; start < planned.saves.length; start += batch) {
      await store.grants.save(planned.saves.slice(start, start + batch));
      context.progress?.(Math.min(start + batch, planned.saves.length), planned.saves.length);
    }
    if (planned.saves.length > 0) {
      await recordAudit(store, clock, {
        partnershipId,
        actor: context.actor,
        action: 'grants-imported',
        subject: `${dataSource}: ${planned.report.imported} new, ${planned.report.updated} updated, ${planned.report.skipped} skipped`,
      });
    }
    return planned.report;
  });
}
