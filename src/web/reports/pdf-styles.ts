/** The sizes (points), colours and spacing of every PDF report: A4, with body text at 11pt. */
export const PDF_SIZES = { h1: 20, h2: 15, h3: 12.5, body: 11, footer: 10 } as const;
export const PDF_COLOURS = {
  text: '#0b0c0c',
  secondary: '#505a5f',
  rule: '#b1b4b6',
  fill: '#f3f2f1',
} as const;
export const LINE_GAP = 2;
export const PARAGRAPH_GAP = 6;
export const CELL_PADDING = 4;
