/**
 * The content of a printed report as plain data: sections of headings, paragraphs, lists and tables. The
 * print-friendly pages and the tagged PDFs both render the same document, so they always say the same thing.
 *
 * A document is built only from figures the results already publish (see results-view.ts): a group below the
 * anonymity threshold appears only as its "not enough responses" sentence, never as a figure or a comment.
 */
import type { RoundView } from '../../app/assessments/rounds.js';
import type { Framework } from '../../domain/framework/framework.js';
import { describeDifference, type GroupResult } from '../../domain/results/index.js';
import type { DotPlotOptions } from '../charts/index.js';
import { formatMedian } from '../view-models/results-wording.js';
import { safeFileName } from '../view-models/file-name.js';

/** Text with an optional label shown before it in bold ("Shared foundations: Council side 3, …"). */
export interface LabelledText {
  readonly label?: string;
  readonly text: string;
}

export interface ReportTable {
  readonly caption: string;
  /** Column headings; the first heads the column of row headings. */
  readonly head: readonly string[];
  readonly rows: readonly { readonly heading: string; readonly cells: readonly string[] }[];
  /** Relative column widths for print (one per column); equal widths when absent. */
  readonly widths?: readonly number[];
}

/**
 * A chart drawn as vectors in the PDF and as SVG on the page, from the same layout; a table with the same
 * figures always follows it in the document.
 */
export interface ReportFigure {
  readonly chart: DotPlotOptions;
  /** The same chart as SVG markup, for the page. */
  readonly svg: string;
  /** Said by assistive technology in place of the chart (the PDF's Alt). */
  readonly alt: string;
  /** Shown above the chart. */
  readonly caption: string;
}

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly label?: string; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly LabelledText[] }
  | { readonly kind: 'table'; readonly table: ReportTable }
  | { readonly kind: 'figure'; readonly figure: ReportFigure }
  /** Something to notice, set apart from the text (an inset on the page, a ruled block in the PDF). */
  | { readonly kind: 'notice'; readonly paragraphs: readonly string[] };

export interface ReportSection {
  /** Unique in the document; used for page anchors. */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
  /** One heading level down. */
  readonly subsections: readonly ReportSection[];
}

export interface ReportDocument {
  readonly kind: 'summary' | 'report' | 'plan' | 'evidence';
  /** "Lead-member summary: Spring 2026 assessment". */
  readonly title: string;
  readonly partnershipName: string;
  readonly roundName: string;
  /** When it was produced, ISO 8601. */
  readonly generatedAt: string;
  /** "2 March 2026". */
  readonly generatedOn: string;
  /** Blocks after the title and before the first section. */
  readonly intro: readonly ReportBlock[];
  readonly sections: readonly ReportSection[];
}

export interface ReportContext {
  readonly partnershipName: string;
  readonly generatedAt: Date;
  /** The full report's action plan section, when the round has actions to show. */
  readonly actionPlan?: ReportSection;
}

export const paragraph = (text: string, label?: string): ReportBlock =>
  label === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', label, text };
export const list = (items: readonly (LabelledText | string)[], ordered = false): ReportBlock => ({
  kind: 'list',
  ordered,
  items: items.map((item) => (typeof item === 'string' ? { text: item } : item)),
});
export const section = (
  id: string,
  heading: string,
  blocks: readonly ReportBlock[],
  subsections: readonly ReportSection[] = [],
): ReportSection => ({ id, heading, blocks, subsections });

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const ukLongDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "2 March 2026" from "2026-03-02". */
export function dayText(isoDay: string): string {
  return longDate.format(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`));
}

/** "2 March 2026" for an instant, as the date in the UK. */
export function ukDayText(instant: Date): string {
  return ukLongDate.format(instant);
}

/** "1 person", "3 people". */
export function people(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/**
 * The only sentence a report gives a group below the threshold: its name and nothing about how many answered
 * or what they said.
 */
export function notEnoughResponses(groupName: string): string {
  return `${groupName}: not enough responses to show results.`;
}

export function belowThresholdNotice(
  groups: readonly GroupResult[],
  threshold: number,
  documentName: string,
): ReportBlock[] {
  const below = groups.filter((group) => group.status === 'below-threshold');
  if (below.length === 0) return [];
  return [
    {
      kind: 'notice',
      paragraphs: [
        ...below.map((group) => notEnoughResponses(group.groupName)),
        `A group’s results are shown only when at least ${threshold} people in it have answered. ` +
          `Until then its answers are left out of every figure and comment in this ${documentName}, including ` +
          'the figures for its side.',
      ],
    },
  ];
}

/** How the two sides see something, by the one rule (side-difference.ts): "seen differently". */
export function seenWords(council: number | null, community: number | null): string {
  return describeDifference(council, community).words;
}

/** How the two sides see something: "Council side 3, community side 2: seen differently." */
export function seenPhrase(council: number | null, community: number | null): string {
  const words = seenWords(council, community);
  if (council === null && community === null) return `Neither side has results yet: ${words}.`;
  if (council === null)
    return `Community side ${formatMedian(community)}; no council-side results yet: ${words}.`;
  if (community === null)
    return `Council side ${formatMedian(council)}; no community-side results yet: ${words}.`;
  return `Council side ${formatMedian(council)}, community side ${formatMedian(community)}: ${words}.`;
}

/** "the community side rates it 2 levels lower". */
export function gapPhrase(difference: number): string {
  const size = Math.abs(difference);
  const levels = `${formatMedian(size)} ${size === 1 ? 'level' : 'levels'}`;
  return `the community side rates it ${levels} ${difference < 0 ? 'lower' : 'higher'}`;
}

const kindWords: Record<string, string> = { quick: 'quick check', full: 'full assessment' };

export function kindText(kind: string): string {
  return kindWords[kind] ?? kind;
}

/** "from 2 March 2026 to 31 March 2026 (closed on 20 March 2026)". */
export function datesText(view: RoundView): string {
  const { round } = view;
  const closed = round.closedAt ? ` (closed on ${dayText(round.closedAt)})` : '';
  return `from ${dayText(round.opensOn)} to ${dayText(round.closesOn)}${closed}`;
}

export function statusSentence(view: RoundView): string | undefined {
  if (view.status === 'open') return 'The round is still open, so these results may change.';
  if (view.status === 'scheduled') return 'The round has not opened yet.';
  return undefined;
}

export function principleCount(framework: Framework, view: RoundView): number {
  const codes = new Set(view.indicators.map((indicator) => indicator.code));
  return framework.principles.filter((principle) => principle.indicators.some((i) => codes.has(i.code)))
    .length;
}

/** A file name safe in a Content-Disposition header: lower-case letters, digits and hyphens. */
export function reportFileName(
  kind: ReportDocument['kind'],
  partnershipSlug: string,
  roundName: string,
): string {
  return safeFileName(kind, partnershipSlug, roundName, 'pdf');
}
