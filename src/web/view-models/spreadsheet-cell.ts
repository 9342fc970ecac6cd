/** Characters that make a spreadsheet treat a cell as a formula (OWASP: CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/** Prefixes a text cell that a spreadsheet would read as a formula with a single quote. */
export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}
