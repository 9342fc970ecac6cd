/**
 * Writes text on a pdfkit page in the embedded faces (pdf-fonts.ts), set by pdf-text.ts: a run for each
 * face and direction, written one after another as pdfkit's continued text so that they wrap together.
 */
import { registerFaces, type PdfFaces } from './pdf-fonts.js';
import { setText, type SetText } from './pdf-text.js';

/** Text in the regular or the bold face. */
export interface Piece {
  readonly text: string;
  readonly bold?: boolean;
}

export class PdfTextWriter {
  private readonly faces: PdfFaces;
  private readonly sets = new Map<string, SetText>();
  private readonly heights = new Map<string, number>();
  private unshownCount = 0;
  private counting = true;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly lineGap: number,
  ) {
    this.faces = registerFaces(doc);
  }

  /** Characters written so far (outside artifacts) that no face has, each shown as the mark. */
  get unshown(): number {
    return this.unshownCount;
  }

  /** Runs `write` without counting what it writes: for artifacts that repeat content, such as footers. */
  uncounted(write: () => void): void {
    const counting = this.counting;
    this.counting = false;
    try {
      write();
    } finally {
      this.counting = counting;
    }
  }

  /** Selects a face and size, as for measuring. */
  font(bold: boolean, size: number): PDFKit.PDFDocument {
    return this.doc.font(bold ? this.faces.bold.name : this.faces.regular.name).fontSize(size);
  }

  private set(text: string, bold: boolean): SetText {
    const key = `${bold ? 'b' : 'r'}|${text}`;
    let set = this.sets.get(key);
    if (!set) {
      const { regular, bold: boldFace } = this.faces;
      set = setText(text, bold ? [boldFace, regular] : [regular, boldFace]);
      this.sets.set(key, set);
    }
    return set;
  }

  /** The height `text` takes wrapped to `width`; measured once for each text, width and face. */
  height(text: string, width: number, bold: boolean, size: number): number {
    const key = `${bold ? 'b' : 'r'}${size}|${width.toFixed(2)}|${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      height = this.font(bold, size).heightOfString(this.set(text, bold).display, {
        width,
        lineGap: this.lineGap,
      });
      this.heights.set(key, height);
    }
    return height;
  }

  width(text: string, bold: boolean, size: number): number {
    return this.font(bold, size).widthOfString(this.set(text, bold).display);
  }

  /**
   * The structure element options for content made of `pieces`: its text in reading order as ActualText when
   * the glyphs alone would not give it (right-to-left text, characters not shown).
   */
  structureOptions(pieces: readonly Piece[]): PDFKit.Mixins.StructureElementOptions {
    const sets = pieces.map((piece) => this.set(piece.text, piece.bold ?? false));
    if (sets.every((set) => set.actualText === undefined)) return {};
    return { actual: sets.map((set, index) => set.actualText ?? pieces[index]?.text ?? '').join('') };
  }

  /**
   * Writes `pieces` from (x, y), wrapping as `options` say. Right-to-left text alone is aligned right unless
   * `options.align` says otherwise.
   */
  write(
    pieces: readonly Piece[],
    x: number,
    y: number,
    options: PDFKit.Mixins.TextOptions,
    size: number,
  ): void {
    const sets = pieces.map((piece) => this.set(piece.text, piece.bold ?? false));
    if (this.counting) this.unshownCount += sets.reduce((sum, set) => sum + set.unshown, 0);
    const align = options.align ?? (sets.length === 1 && sets[0]?.rightToLeft ? 'right' : undefined);
    const runs = sets.flatMap((set) => set.runs);
    const whole = sets.some((set) => set.hasRightToLeftRuns) ? { features: [] } : {};
    if (runs.length === 0) {
      this.font(pieces[0]?.bold ?? false, size).text('', x, y, { ...options, lineGap: this.lineGap });
      return;
    }
    runs.forEach((run, index) => {
      const runOptions = {
        ...options,
        ...whole,
        lineGap: this.lineGap,
        ...(align ? { align } : {}),
        continued: index < runs.length - 1,
      };
      this.doc.font(run.face).fontSize(size);
      if (index === 0) this.doc.text(run.text, x, y, runOptions);
      else this.doc.text(run.text, runOptions);
    });
  }
}
