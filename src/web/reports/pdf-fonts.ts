/**
 * The fonts embedded in every PDF: DejaVu Sans and DejaVu Sans Bold (docs/adr/0008-pdf-fonts.md), from the
 * `dejavu-fonts-ttf` package. They cover Latin (Welsh and Polish included), Greek, Cyrillic, Arabic and Hebrew;
 * pdfkit embeds only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import type { Face } from './pdf-text.js';

export interface PdfFace extends Face {
  readonly font: Font;
}

export interface PdfFaces {
  readonly regular: PdfFace;
  readonly bold: PdfFace;
}

const require = createRequire(import.meta.url);

function open(file: string): PdfFace {
  const font = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  const covered = new Map<number, boolean>();
  return {
    name: font.postscriptName,
    font,
    covers: (codePoint) => {
      let covers = covered.get(codePoint);
      if (covers === undefined) {
        covers = font.hasGlyphForCodePoint(codePoint);
        covered.set(codePoint, covers);
      }
      return covers;
    },
  };
}

let faces: PdfFaces | undefined;

/** The faces, read once per process: parsing a font for each document would cost more than drawing it. */
export function pdfFaces(): PdfFaces {
  faces ??= { regular: open('DejaVuSans.ttf'), bold: open('DejaVuSans-Bold.ttf') };
  return faces;
}

/** Makes the faces available to `doc.font(face.name)`. */
export function registerFaces(doc: PDFKit.PDFDocument): PdfFaces {
  const loaded = pdfFaces();
  for (const face of [loaded.regular, loaded.bold]) {
    // pdfkit takes an opened fontkit font as well as a file or bytes, though its types leave that out.
    doc.registerFont(face.name, face.font as unknown as PDFKit.Mixins.PDFFontSource);
  }
  return loaded;
}
