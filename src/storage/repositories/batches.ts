/**
 * Rows per statement: 2,000 bound values at most, well under SQLite's and PostgreSQL's limits. Small statements
 * of a few repeated shapes keep a large import's memory down: SQLite can reuse each prepared statement (see
 * sqlite-statements.ts), and neither Kysely nor the driver builds a huge query at once.
 */
export function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(2_000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
