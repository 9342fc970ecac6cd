/**
 * For tests only: reads a PDF back with pdfjs-dist (a development dependency), as a screen reader or a
 * search would, to check what a generated report really contains.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface StructNode {
  readonly role?: string;
  /** A Figure's alternative text. */
  readonly alt?: string;
  readonly children?: readonly StructNode[];
  readonly type?: string;
}

export interface ReadPdf {
  readonly pageCount: number;
  /** Each page's text, items joined with spaces and runs of white space collapsed. */
  readonly pages: readonly string[];
  /** All pages' text. */
  readonly text: string;
  readonly info: Record<string, unknown>;
  readonly markInfo: { Marked?: boolean } | null;
  /** Each page's structure tree, as pdfjs reports it. */
  readonly structTrees: readonly (StructNode | null)[];
  /** Every structure role used, in reading order (without pdfjs's own "Root"). */
  readonly roles: readonly string[];
  /** Each page's text that is marked as an artifact (not part of the structure). */
  readonly artifacts: readonly string[];
  /** Each page's text that is neither tagged content nor an artifact: none, in a well-tagged PDF. */
  readonly untagged: readonly string[];
}

/** Every node in `node`'s tree with this role, `node` included. */
export function nodesWithRole(node: StructNode | null | undefined, role: string): StructNode[] {
  if (!node) return [];
  return [
    ...(node.role === role ? [node] : []),
    ...(node.children ?? []).flatMap((child) => nodesWithRole(child, role)),
  ];
}

function rolesOf(node: StructNode | null | undefined, into: string[]): string[] {
  if (!node) return into;
  if (node.role && node.role !== 'Root') into.push(node.role);
  for (const child of node.children ?? []) rolesOf(child, into);
  return into;
}

/**
 * Opens `bytes` with pdfjs. Without the standard font data (`standardFonts` false), a font whose program is not
 * in the file shows as missing rather than being quietly replaced.
 */
export function openPdf(bytes: Uint8Array, standardFonts = true): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(bytes),
    ...(standardFonts ? { standardFontDataUrl } : {}),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await openPdf(bytes);
  try {
    const pages: string[] = [];
    const artifacts: string[] = [];
    const untagged: string[] = [];
    const structTrees: (StructNode | null)[] = [];
    const clean = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').trim();
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const all: string[] = [];
      const artifact: string[] = [];
      const loose: string[] = [];
      // What each open marked-content sequence is: an artifact, tagged content (with an id), or other.
      const open: ('artifact' | 'tagged' | 'other')[] = [];
      for (const item of content.items) {
        if ('str' in item) {
          all.push(item.str);
          if (open.includes('artifact')) artifact.push(item.str);
          else if (!open.includes('tagged')) loose.push(item.str);
        } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          // pdfjs reports the tag, though its types leave it out.
          const tag = (item as { tag?: string }).tag;
          open.push(tag === 'Artifact' ? 'artifact' : item.id ? 'tagged' : 'other');
        } else if (item.type === 'endMarkedContent') {
          open.pop();
        }
      }
      pages.push(clean(all));
      artifacts.push(clean(artifact));
      untagged.push(clean(loose));
      structTrees.push((await page.getStructTree()) as StructNode | null);
    }
    const metadata = await pdf.getMetadata();
    return {
      pageCount: pdf.numPages,
      pages,
      text: pages.join(' '),
      info: metadata.info as Record<string, unknown>,
      markInfo: (await pdf.getMarkInfo()) as { Marked?: boolean } | null,
      structTrees,
      roles: structTrees.flatMap((tree) => rolesOf(tree, [])),
      artifacts,
      untagged,
    };
  } finally {
    await pdf.destroy();
  }
}
