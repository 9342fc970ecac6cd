import { describe, expect, it } from 'vitest';
import { pdfFaces } from './pdf-fonts.js';
import { setText } from './pdf-text.js';

const codePoint = (char: string) => char.codePointAt(0) ?? 0;

describe('pdfFaces', () => {
  const { regular, bold } = pdfFaces();

  it('are DejaVu Sans and DejaVu Sans Bold, read from the installed package', () => {
    expect([regular.name, bold.name]).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    expect(pdfFaces().regular).toBe(regular);
  });

  it.each([
    ['Welsh', 'ŵŷŴŶâêîôûŵŷáéíóúẁẃẅỳýÿ'],
    ['Polish', 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'],
    ['Greek', 'ΑΒΓΔΩαβγδωάέήί'],
    ['Cyrillic', 'АБВЖЯабвжяЁёЇїҐґ'],
    ['Arabic', 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي،؟٠١٢٣٤٥٦٧٨٩'],
    ['typography and the mark', '“”‘’–—…•€£−→✓\ufffd'],
  ])('both cover %s', (_, characters) => {
    for (const face of [regular, bold]) {
      expect([...characters].filter((char) => !face.covers(codePoint(char)))).toEqual([]);
    }
  });

  it('do not cover emoji', () => {
    expect(regular.covers(codePoint('🙂'))).toBe(false);
  });

  it('shape Arabic as set, right to left, with numbers reading left to right', () => {
    const word = 'مرحبا';
    const [run] = setText(`${word} 123`, [regular]).runs;
    const laid = regular.font.layout(run?.text ?? '', []);
    expect(laid.direction).toBe('rtl');
    // Left to right on the page: the number, then the word from its last letter to its first.
    const visual = ['1', '2', '3', ' ', ...[...word].reverse()];
    expect(laid.glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints))).toEqual(visual);
    // Joined: each letter of the word in its initial, medial or final form, not the form it has alone.
    laid.glyphs.slice(4).forEach((glyph, index) => {
      expect(glyph.id).not.toBe(regular.font.glyphForCodePoint(codePoint(visual[index + 4] ?? '')).id);
    });
  });
});
