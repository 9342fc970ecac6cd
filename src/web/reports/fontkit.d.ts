/** The little of fontkit (pdfkit's font engine, which ships no types) that the PDF renderer and its tests use. */
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly codePoints: readonly number[];
  }
  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly direction: 'ltr' | 'rtl';
  }
  export interface Font {
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Shapes and positions `text`; a run whose first letter is of a right-to-left script comes out reversed. */
    layout(text: string, features?: readonly string[]): GlyphRun;
  }
  export function create(buffer: Uint8Array): Font;
}
