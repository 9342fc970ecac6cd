/**
 * The evidence pack for one area and theme as report content: the same document makes the page and the
 * tagged PDF, and its tables make the spreadsheet (CSV), so all three always say the same thing.
 */
import type { Evidence, GrantFunding } from '../../app/funding/evidence.js';
import { formatMoney } from '../../domain/funding/decimal.js';
import { fundingFlagLabels } from '../../domain/funding/funding-by-area.js';
import {
  commissioningRouteLabels,
  commissioningStatusLabels,
  isMultiYear,
} from '../../domain/funding/commissioning.js';
import { formatAmount, formatRange } from '../../domain/funding/money.js';
import { needSeverityLabels, needSourceLabels } from '../../domain/needs/model.js';
import { formatKm, gapClassLabels, oneDecimal } from '../view-models/gap-view.js';
import { guardCell } from '../view-models/spreadsheet-cell.js';
import {
  dayText,
  list,
  paragraph,
  section,
  ukDayText,
  type ReportBlock,
  type ReportDocument,
  type ReportTable,
} from './report-document.js';
import { describeReachHere } from '../../domain/needs/reach-rule.js';

export interface EvidenceContext {
  readonly partnershipName: string;
  readonly generatedAt: Date;
  readonly themeName: (id: string) => string;
  readonly areaName: (code: string) => string;
}

const three = (n: number) => (Math.round(n * 1000) / 1000).toFixed(3);
const table = (t: ReportTable): ReportBlock => ({ kind: 'table', table: t });

/** Said where grant figures would go when this service has no grants use-case. */
export const fundingNotAvailable =
  'Grant funding is not available in this service, so only the funding pipeline is shown.';

/** "£12,000 in 3 grants" per currency, never converted; "No grants" when there are none. */
export function grantsText(funding: GrantFunding): string {
  const amounts = Object.entries(funding.amounts).map(([currency, amount]) => formatMoney(amount, currency));
  if (funding.grantCount === 0) return 'No grants recorded';
  return `${amounts.join(' and ')} in ${funding.grantCount} ${funding.grantCount === 1 ? 'grant' : 'grants'}`;
}

function fundingBlocks(funding: Evidence['funding'], themeName: string): ReportBlock[] {
  if (!funding) return [paragraph(fundingNotAvailable)];
  const blocks: ReportBlock[] = [];
  if (funding.ward) {
    blocks.push(
      paragraph(
        grantsText(funding.ward),
        `Grants for ${themeName.toLowerCase()} in ${funding.ward.name} ward`,
      ),
    );
    if (funding.ward.poundsPerHead !== null)
      blocks.push(paragraph(formatMoney(funding.ward.poundsPerHead, 'GBP'), 'Per resident'));
    if (funding.ward.flag) blocks.push(paragraph(fundingFlagLabels[funding.ward.flag], 'Funding flag'));
  }
  blocks.push(
    paragraph(grantsText(funding.authorityWide), 'Grants across the whole authority for this theme'),
  );
  blocks.push(
    paragraph(
      'Amounts stay in their currency. Grants come from the partnership’s 360Giving imports, placed by beneficiary or recipient location.',
    ),
  );
  return blocks;
}

export function evidencePackDocument(evidence: Evidence, context: EvidenceContext): ReportDocument {
  const { view } = evidence;
  const { explanation: e, area, theme } = view;
  const cell = e.cell;
  const title = `Evidence pack: ${theme.name} in ${area.name}`;
  const needSection = section('need', 'Need', [
    paragraph(cell.need === null ? 'No evidence' : `${oneDecimal(cell.need)} out of 100`, 'Need score'),
    paragraph(
      e.need.statisticsNeed === null
        ? 'No statistics for this theme here'
        : oneDecimal(e.need.statisticsNeed),
      'From area statistics',
    ),
    paragraph(
      e.need.localNeed === null ? 'No local records' : oneDecimal(e.need.localNeed),
      'From local needs records',
    ),
    ...(e.need.statistics.length > 0
      ? [
          table({
            caption: 'Statistics behind the need score',
            head: ['Statistic', 'Edition', 'Need percentile', 'Weight'],
            rows: e.need.statistics.map((s) => ({
              heading: s.name,
              cells: [s.edition, oneDecimal(s.needPercentile), String(s.weight)],
            })),
            widths: [3, 2, 1, 1],
          }),
        ]
      : []),
  ]);
  const provisionSection = section('provision', 'Provision and who could deliver', [
    paragraph(`${three(cell.provision)} service-equivalents from ${cell.serviceCount} services`, 'Provision'),
    paragraph(
      describeReachHere(
        evidence.view.report.input.settings.reachKm,
        evidence.view.report.input.areas.find((a) => a.code === cell.areaCode)?.ruralUrban,
      ),
      'Reach rule',
    ),
    paragraph(
      evidence.nearest
        ? `${evidence.nearest.name}, ${formatKm(evidence.nearest.km)} from the area’s representative point`
        : 'There is no open service for this theme',
      'Nearest open service',
    ),
    evidence.couldDeliver.length > 0
      ? table({
          caption: 'Services that could deliver here, biggest contribution first',
          head: ['Service', 'Why it counts', 'Distance', 'Contribution'],
          rows: evidence.couldDeliver.map((c) => ({
            heading: c.name,
            cells: [
              c.reason === 'nearby' ? 'Nearby' : 'Covers the area',
              c.distanceKm === null ? '' : formatKm(c.distanceKm),
              three(c.contribution),
            ],
          })),
          widths: [3, 2, 1, 1],
        })
      : paragraph('No service in the directory is within the reach rule or covers the area.'),
  ]);
  const gapSection = section('gap', 'Gap', [
    paragraph(gapClassLabels[cell.gapClass], 'Gap class'),
    paragraph(e.classReason),
  ]);
  const recordsSection = section('records', 'Local needs records', [
    evidence.records.length > 0
      ? table({
          caption: 'Needs partners recorded here, newest first',
          head: ['Reported', 'Severity', 'People affected', 'Source', 'Evidence'],
          rows: evidence.records.map((r) => ({
            heading: dayText(r.reportedOn),
            cells: [
              needSeverityLabels[r.severity],
              r.peopleAffected === null ? 'Not known' : r.peopleAffected.toLocaleString('en-GB'),
              needSourceLabels[r.source],
              r.evidence,
            ],
          })),
          widths: [2, 1.5, 1.5, 2, 5],
        })
      : paragraph('No needs have been recorded for this area and theme.'),
  ]);
  const fundingSection = section('funding', 'Funding', [
    ...fundingBlocks(evidence.funding, theme.name),
    evidence.opportunities.length > 0
      ? table({
          caption: 'Funding opportunities in the partnership’s pipeline for this theme and area',
          head: ['Fund', 'Funder', 'Amount', 'Deadline'],
          rows: evidence.opportunities.map((o) => ({
            heading: o.fundName,
            cells: [
              o.funder,
              formatRange(o.amountMin, o.amountMax, o.currency),
              o.deadline ? dayText(o.deadline) : 'None',
            ],
          })),
          widths: [3, 3, 2, 2],
        })
      : paragraph('No funding opportunity in the pipeline is for this theme and area.'),
  ]);
  const intentionsSection = section('commissioning', 'Commissioning intentions', [
    evidence.intentions.length > 0
      ? list(
          evidence.intentions.map((i) => ({
            label: i.title,
            text: [
              commissioningRouteLabels[i.route],
              commissioningStatusLabels[i.status],
              i.budget === null ? 'budget not set' : `budget ${formatAmount(i.budget, i.currency)}`,
              i.durationMonths === null
                ? 'length not set'
                : `${i.durationMonths} months${isMultiYear(i.durationMonths) ? ' (multi-year)' : ''}`,
            ].join(', '),
          })),
        )
      : paragraph('No commissioning intention responds to this area and theme yet.'),
  ]);
  return {
    kind: 'evidence',
    title,
    partnershipName: context.partnershipName,
    roundName: `${area.name} ${theme.name}`,
    generatedAt: context.generatedAt.toISOString(),
    generatedOn: ukDayText(context.generatedAt),
    intro: [
      paragraph(
        `For bids, commissioning papers and needs assessments: the need, provision and gap for ${theme.name.toLowerCase()} in ${area.name} (${area.code}), the needs partners have recorded, funding and commissioning.`,
      ),
    ],
    sections: [needSection, provisionSection, gapSection, recordsSection, fundingSection, intentionsSection],
  };
}

/**
 * The document as spreadsheet rows: section, item, value and detail (a table's other columns, each named).
 * Every cell is guarded so a spreadsheet never runs it as a formula.
 */
export function evidencePackRows(document: ReportDocument): string[][] {
  const rows: string[][] = [['Section', 'Item', 'Value', 'Detail']];
  for (const s of document.sections) {
    for (const block of s.blocks) {
      if (block.kind === 'paragraph') rows.push([s.heading, block.label ?? '', block.text, '']);
      if (block.kind === 'list') {
        for (const item of block.items) rows.push([s.heading, item.label ?? '', item.text, '']);
      }
      if (block.kind === 'table') {
        const { head } = block.table;
        for (const row of block.table.rows) {
          const detail = row.cells
            .slice(1)
            .map((cell, index) => `${head[index + 2] ?? ''}: ${cell}`)
            .join('; ');
          rows.push([s.heading, row.heading, row.cells[0] ?? '', detail]);
        }
      }
    }
  }
  return rows.map((row) => row.map(guardCell));
}
