/**
 * Text set for the PDF's embedded fonts: each character drawn in a face that has it, any character no face
 * has drawn as a visible mark and counted, and right-to-left script (Arabic, Hebrew) put in the order pdfkit
 * needs to show it right to left.
 *
 * pdfkit lays out each line of each run of text with fontkit, which shapes Arabic and reverses a line whose
 * first letter is of a right-to-left script, but knows nothing of bidirectional text. So text is split into
 * runs by a simplified Unicode bidirectional algorithm: left-to-right paragraphs (the reports are English)
 * with right-to-left runs inside, or a right-to-left paragraph when the text has no left-to-right letters at
 * all. Inside a right-to-left run, numbers are reversed and brackets mirrored beforehand, so that fontkit's
 * reversal leaves them reading as they should.
 */

/** A font face: its name in the PDF and whether it has a glyph for a character. */
export interface Face {
  readonly name: string;
  covers(codePoint: number): boolean;
}

/** Text for one pdfkit call in one face, prepared so that fontkit draws it in the right visual order. */
export interface TextRun {
  readonly face: string;
  readonly text: string;
}

export interface SetText {
  readonly runs: readonly TextRun[];
  /** The runs' text together, to measure. */
  readonly display: string;
  /** How many characters no face has; each is drawn as UNSHOWN_MARK. */
  readonly unshown: number;
  /** Right-to-left letters and no left-to-right ones: a paragraph to align right. */
  readonly rightToLeft: boolean;
  /**
   * Some runs are right to left. pdfkit must then lay out each line of a run whole: by default it lays out
   * word by word, which would reverse each word but leave the words in left-to-right order.
   */
  readonly hasRightToLeftRuns: boolean;
  /**
   * The text in reading order with every character, when the glyphs alone do not give it back (right-to-left
   * runs, characters not shown): for the structure element's ActualText, which assistive technology reads.
   */
  readonly actualText?: string;
}

/** Drawn in place of a character no embedded font has (an emoji, say): U+FFFD, the replacement character. */
export const UNSHOWN_MARK = '\uFFFD';

/** What a character counts as in the bidirectional algorithm, simplified. */
export type ClusterKind = 'ltr' | 'rtl' | 'digit' | 'rtlDigit' | 'neutral';

interface Cluster {
  /** The user-perceived character (grapheme cluster), as written. */
  readonly original: string;
  readonly kind: ClusterKind;
  /** The faces (by index) that have every visible character of it; none for a character not shown. */
  readonly faces: readonly number[];
}

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;
/** Characters with no glyph of their own (zero-width joiners, variation selectors, soft hyphens, controls). */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u;
const NUMBER = /[£$€]?\p{Nd}+(?:[.,:/\u066b\u066c]\p{Nd}+)*[%\u066a\u2030]?/gu;
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/**
 * Text whose every character is a whole character on its own and left to right: no controls, invisible or
 * combining characters, right-to-left script or characters beyond the first 65,536 (emoji among them).
 */
const SIMPLE =
  /^[^\p{Cc}\p{Default_Ignorable_Code_Point}\p{M}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\u{10000}-\u{10ffff}]*$/u;

function kindOf(char: string): ClusterKind {
  if (DIGIT.test(char)) return RTL_SCRIPT.test(char) ? 'rtlDigit' : 'digit';
  if (RTL_SCRIPT.test(char)) return 'rtl';
  return LETTER.test(char) ? 'ltr' : 'neutral';
}

const codePoint = (char: string) => char.codePointAt(0) ?? 0;

/** The cluster and the faces that can draw it; undefined for a cluster with nothing to draw. */
function clusterOf(original: string, faces: readonly Face[]): Cluster | undefined {
  const visible = [...original].filter((char) => !IGNORABLE.test(char));
  const first = visible[0];
  if (first === undefined) return undefined;
  const covering = faces.flatMap((face, index) =>
    visible.every((char) => face.covers(codePoint(char))) ? [index] : [],
  );
  return { original, kind: covering.length > 0 ? kindOf(first) : 'neutral', faces: covering };
}

/** What to draw for a cluster in a face: the mark if the face lacks it, less invisible characters it lacks. */
function textIn(cluster: Cluster, face: number, faces: readonly Face[]): string {
  if (!cluster.faces.includes(face)) return UNSHOWN_MARK;
  return [...cluster.original]
    .filter((char) => !IGNORABLE.test(char) || faces[face]?.covers(codePoint(char)))
    .join('');
}

const OPENING: Record<string, number> = { '(': 0, '[': 1, '{': 2 };
const CLOSING: Record<string, number> = { ')': 0, ']': 1, '}': 2 };

/** Matching bracket pairs (opening and closing index), as the bidirectional algorithm finds them. */
function bracketPairs(texts: readonly string[]): [number, number][] {
  const open: { index: number; type: number }[] = [];
  const pairs: [number, number][] = [];
  texts.forEach((text, index) => {
    const opening = OPENING[text];
    const closing = CLOSING[text];
    if (opening !== undefined) open.push({ index, type: opening });
    else if (closing !== undefined) {
      const match = open.map((entry) => entry.type).lastIndexOf(closing);
      if (match >= 0) {
        pairs.push([open[match]?.index ?? 0, index]);
        open.length = match;
      }
    }
  });
  return pairs.sort((one, other) => one[0] - other[0]);
}

/**
 * Which clusters of one line are drawn right to left. Right-to-left letters and Arabic-Indic digits are;
 * European digits are when the last letter before them is right-to-left; a pair of brackets with only
 * right-to-left text inside is when the text before it is; anything else (spaces, punctuation) is when what
 * comes either side of it is. In a right-to-left paragraph, every line with right-to-left characters is.
 */
export function rightToLeftClusters(
  clusters: readonly { readonly kind: ClusterKind; readonly text: string }[],
  paragraphRightToLeft: boolean,
): boolean[] {
  const kinds = clusters.map((cluster) => cluster.kind);
  if (paragraphRightToLeft) {
    const any = kinds.some((kind) => kind === 'rtl' || kind === 'rtlDigit');
    return kinds.map(() => any);
  }
  let lastLetter: ClusterKind | undefined;
  const resolved = kinds.map((kind): boolean | undefined => {
    if (kind === 'rtl' || kind === 'ltr') lastLetter = kind;
    if (kind === 'neutral') return undefined;
    return kind === 'rtl' || kind === 'rtlDigit' || (kind === 'digit' && lastLetter === 'rtl');
  });
  for (const [open, close] of bracketPairs(clusters.map((cluster) => cluster.text))) {
    const inside = resolved.slice(open + 1, close);
    if (!inside.includes(true)) continue;
    const before = resolved.slice(0, open).filter((value) => value !== undefined);
    const rightToLeft = !inside.includes(false) && before.at(-1) === true;
    resolved[open] = rightToLeft;
    resolved[close] = rightToLeft;
  }
  // For each neutral, whether the nearest non-neutral after it is right to left.
  const after: boolean[] = new Array<boolean>(kinds.length).fill(false);
  for (let index = kinds.length - 2; index >= 0; index -= 1) {
    after[index] = resolved[index + 1] ?? after[index + 1] ?? false;
  }
  let before = false;
  return resolved.map((value, index) => {
    if (value !== undefined) {
      before = value;
      return value;
    }
    return before && (after[index] ?? false);
  });
}

/** A right-to-left run as fontkit wants it: brackets mirrored and numbers backwards, as fontkit reverses it all. */
function prepareRightToLeft(text: string): string {
  const mirrored = [...text].map((char) => MIRRORED[char] ?? char).join('');
  return mirrored.replace(NUMBER, (number) => [...number].reverse().join(''));
}

interface Group {
  rightToLeft: boolean;
  clusters: Cluster[];
}

/** Consecutive clusters of one line going the same way. */
function groupsOf(line: readonly Cluster[], paragraphRightToLeft: boolean): Group[] {
  const directions = rightToLeftClusters(
    line.map((cluster) => ({ kind: cluster.kind, text: cluster.original })),
    paragraphRightToLeft,
  );
  const groups: Group[] = [];
  line.forEach((cluster, index) => {
    const rightToLeft = directions[index] ?? false;
    const last = groups.at(-1);
    if (last && last.rightToLeft === rightToLeft) last.clusters.push(cluster);
    else groups.push({ rightToLeft, clusters: [cluster] });
  });
  return groups;
}

/**
 * The runs for a group. A right-to-left group stays in one face (fontkit must reverse it whole), the first
 * that has all of it, any character missing from that face drawn as the mark; a left-to-right one changes
 * face wherever its characters need it.
 */
function runsOf(group: Group, faces: readonly Face[]): { runs: TextRun[]; unshown: number } {
  const name = (face: number) => faces[face]?.name ?? '';
  if (!group.rightToLeft) {
    const runs: TextRun[] = [];
    for (const cluster of group.clusters) {
      const face = cluster.faces[0] ?? 0;
      const text = textIn(cluster, face, faces);
      const last = runs.at(-1);
      if (last?.face === name(face)) runs[runs.length - 1] = { face: last.face, text: last.text + text };
      else runs.push({ face: name(face), text });
    }
    return { runs, unshown: group.clusters.filter((cluster) => cluster.faces.length === 0).length };
  }
  const shown = group.clusters.filter((cluster) => cluster.faces.length > 0);
  const whole = faces.findIndex((_, face) => shown.every((cluster) => cluster.faces.includes(face)));
  const face = Math.max(whole, 0);
  const texts = group.clusters.map((cluster) => textIn(cluster, face, faces));
  const unshown = group.clusters.filter((cluster) => !cluster.faces.includes(face)).length;
  return { runs: [{ face: name(face), text: prepareRightToLeft(texts.join('')) }], unshown };
}

/** Joins runs in the same face whose text pdfkit lays out line by line the same way. */
function appendRun(runs: TextRun[], run: TextRun): void {
  const last = runs.at(-1);
  if (last && last.face === run.face && (last.text.endsWith('\n') || run.text === '\n')) {
    runs[runs.length - 1] = { face: last.face, text: last.text + run.text };
  } else if (run.text !== '') {
    runs.push(run);
  }
}

/**
 * Sets `text` in `faces` (tried in order for each character). Line ends become new lines, tabs spaces, and
 * other control characters and invisible formatting characters the faces lack are left out.
 */
export function setText(text: string, faces: readonly Face[]): SetText {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC');
  const first = faces[0];
  // Most text in a report is in the first face as it stands: set it without taking it apart.
  if (first && SIMPLE.test(normalised) && [...normalised].every((char) => first.covers(codePoint(char)))) {
    const runs = normalised === '' ? [] : [{ face: first.name, text: normalised }];
    return { runs, display: normalised, unshown: 0, rightToLeft: false, hasRightToLeftRuns: false };
  }
  const lines: Cluster[][] = [[]];
  for (const { segment } of graphemes.segment(normalised)) {
    if (segment === '\n') lines.push([]);
    else {
      const cluster = clusterOf(segment, faces);
      if (cluster) lines.at(-1)?.push(cluster);
    }
  }
  const kinds = lines.flat().map((cluster) => cluster.kind);
  const rightToLeft = kinds.includes('rtl') && !kinds.includes('ltr');

  const runs: TextRun[] = [];
  let unshown = 0;
  let anyRightToLeft = false;
  lines.forEach((line, index) => {
    if (index > 0) appendRun(runs, { face: runs.at(-1)?.face ?? faces[0]?.name ?? '', text: '\n' });
    for (const group of groupsOf(line, rightToLeft)) {
      anyRightToLeft ||= group.rightToLeft;
      const set = runsOf(group, faces);
      unshown += set.unshown;
      for (const run of set.runs) appendRun(runs, run);
    }
  });
  const logical = lines.map((line) => line.map((cluster) => cluster.original).join('')).join('\n');
  return {
    runs,
    display: runs.map((run) => run.text).join(''),
    unshown,
    rightToLeft,
    hasRightToLeftRuns: anyRightToLeft,
    ...(anyRightToLeft || unshown > 0 ? { actualText: logical } : {}),
  };
}
