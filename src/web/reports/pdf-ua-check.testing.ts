/**
 * For tests only: what a PDF/UA-1 check looks for in a PDF, read from its bytes with pdfjs-dist and, for the
 * XMP metadata, a strict XML parser (both development dependencies). Each problem is a sentence; a PDF that
 * meets every check has none.
 */
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SaxesParser } from 'saxes';
import { nodesWithRole, openPdf, readPdf } from './read-pdf.testing.js';

const PDFUA_NAMESPACE = 'http://www.aiim.org/pdfua/ns/id/';
const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/** The fonts every PDF viewer must have, which a PDF may name without embedding. */
export const STANDARD_14_FONTS = [
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Symbol',
  'ZapfDingbats',
] as const;

export interface PdfUaCheck {
  /** What a PDF/UA check would fail, in words; empty when the PDF passes. */
  readonly problems: readonly string[];
  /** What was checked, so a test can tell a pass from a PDF with nothing to check. */
  readonly fonts: readonly string[];
  readonly figures: number;
  readonly tables: number;
  readonly headerCells: number;
}

interface UsedFont {
  readonly name: string;
  readonly embedded: boolean;
}

/** Every font the pages draw text in, and whether its program is in the file. */
async function usedFonts(pdf: PDFDocumentProxy): Promise<UsedFont[]> {
  const fonts = new Map<string, UsedFont>();
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const operators = await page.getOperatorList();
    operators.fnArray.forEach((operator, index) => {
      if (operator !== OPS.setFont) return;
      const id = (operators.argsArray[index] as [string])[0];
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
      fonts.set(font.name, { name: font.name, embedded: !font.missingFile });
    });
  }
  return [...fonts.values()];
}

/** The text of each element in the XMP, by namespace and local name ("uri local"); throws on malformed XML. */
function xmpValues(raw: string): Map<string, string> {
  const values = new Map<string, string>();
  const open: { key: string; text: string }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => open.push({ key: `${tag.uri ?? ''} ${tag.local ?? ''}`, text: '' }));
  parser.on('text', (text) => open.forEach((element) => (element.text += text)));
  parser.on('closetag', () => {
    const element = open.pop();
    if (element && !values.has(element.key)) values.set(element.key, element.text.trim());
  });
  parser.write(raw).close();
  return values;
}

function metadataProblems(raw: string | undefined, title: string | undefined): string[] {
  if (!raw) return ['There is no XMP metadata.'];
  let values: Map<string, string>;
  try {
    values = xmpValues(raw);
  } catch (error) {
    return [`The XMP metadata is not well-formed XML: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const part = values.get(`${PDFUA_NAMESPACE} part`);
  if (part !== '1') problems.push(`The XMP metadata has no PDF/UA identifier (pdfuaid:part is ${part}).`);
  const dcTitle = values.get(`${DC_NAMESPACE} title`);
  if (!dcTitle) problems.push('The XMP metadata has no dc:title.');
  else if (dcTitle !== title) problems.push(`The XMP title “${dcTitle}” is not the title “${title}”.`);
  return problems;
}

/** The raw objects, which pdfkit writes as text (only streams are compressed). */
function rawObjects(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/\d+ 0 obj\s([\s\S]*?)(?:\sstream\r?\n[\s\S]*?endstream)?\sendobj/g)].map(
    (match) => match[1] ?? '',
  );
}

function rawFontProblems(objects: readonly string[]): string[] {
  if (objects.some((object) => /\/Type\s*\/ObjStm\b/.test(object)))
    return ['The PDF has object streams, which this check cannot read: check its fonts another way.'];
  const names = objects.flatMap((object) =>
    [...object.matchAll(/\/BaseFont\s*\/([^\s/[\]<>()]+)/g)].map((match) => match[1] ?? ''),
  );
  const standard = new Set<string>(STANDARD_14_FONTS);
  return [...new Set(names.filter((name) => standard.has(name)))].map(
    (name) => `The PDF names the standard font ${name}, which is not embedded.`,
  );
}

function headingProblems(roles: readonly string[]): string[] {
  let deepest = 0;
  const problems: string[] = [];
  for (const role of roles) {
    const level = /^H([1-6])$/.exec(role)?.[1];
    if (!level) continue;
    if (Number(level) > deepest + 1)
      problems.push(`An H${level} follows an H${deepest}: a level is skipped.`);
    deepest = Number(level);
  }
  return problems;
}

/** Checks `bytes` for what a PDF/UA-1 check looks for. */
export async function checkPdfUa(bytes: Uint8Array): Promise<PdfUaCheck> {
  const read = await readPdf(bytes);
  const pdf = await openPdf(bytes, false);
  try {
    const problems: string[] = [];
    const title = typeof read.info.Title === 'string' ? read.info.Title : undefined;
    const metadata = await pdf.getMetadata();
    problems.push(...metadataProblems(metadata.metadata?.getRaw(), title));
    if (!read.info.Language) problems.push('The catalogue has no /Lang.');
    if (read.markInfo?.Marked !== true) problems.push('MarkInfo does not say /Marked true.');
    if ((read.markInfo as { Suspects?: boolean } | null)?.Suspects === true)
      problems.push('MarkInfo says /Suspects true.');
    const preferences = (await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
    if (preferences?.DisplayDocTitle !== true)
      problems.push('ViewerPreferences do not say /DisplayDocTitle true.');
    if (!title) problems.push('The document has no title.');

    const fonts = await usedFonts(pdf);
    for (const font of fonts.filter((used) => !used.embedded))
      problems.push(`The font ${font.name} is not embedded.`);
    const objects = rawObjects(bytes);
    problems.push(...rawFontProblems(objects));

    const figures = read.structTrees.flatMap((tree) => nodesWithRole(tree, 'Figure'));
    if (figures.some((figure) => !figure.alt?.trim())) problems.push('A figure has no alt text.');
    const tables = read.structTrees.flatMap((tree) => nodesWithRole(tree, 'Table'));
    if (tables.some((table) => nodesWithRole(table, 'TH').length === 0))
      problems.push('A table has no header cells (TH).');
    const headerCells = read.structTrees.flatMap((tree) => nodesWithRole(tree, 'TH')).length;
    const rawHeaderCells = objects.filter((object) => /\/S\s*\/TH\b/.test(object));
    if (rawHeaderCells.length !== headerCells)
      problems.push(`The check read ${rawHeaderCells.length} TH objects but ${headerCells} TH elements.`);
    if (rawHeaderCells.some((cell) => !/\/Scope\s*\/(Row|Column|Both)\b|\/Headers\b/.test(cell)))
      problems.push('A header cell (TH) has no Scope.');

    problems.push(...headingProblems(read.roles));
    if (read.untagged.some((text) => text !== ''))
      problems.push('Some text is neither tagged nor an artifact.');
    return {
      problems,
      fonts: fonts.map((font) => font.name),
      figures: figures.length,
      tables: tables.length,
      headerCells,
    };
  } finally {
    await pdf.destroy();
  }
}
