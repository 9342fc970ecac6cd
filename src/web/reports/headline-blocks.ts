/**
 * The headline by principle as report blocks: the dot plot (a figure, drawn as vectors in the PDF) and its
 * table, with how each principle is seen by the one rule; and the workshop's progress in words.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { RoundResults } from '../../domain/results/index.js';
import { dotPlot, dotPlotSummary, principleDotPlot, SIDE_LABELS } from '../charts/index.js';
import { formatMedian, sentenceCase } from '../view-models/results-wording.js';
import { seenWords, type ReportBlock, type ReportTable } from './report-document.js';

const HEADLINE_CAPTION = 'Median level of each side for each principle';

/** The dot plot of the principles, with its alt text naming every figure and how it is seen. */
export function headlineFigure(view: RoundResultsView, id: string): ReportBlock {
  const { framework } = view.view;
  const low = framework.scale.levels[0];
  const high = framework.scale.levels.at(-1);
  const scale = low && high ? `, from ${low.level} (${low.name}) to ${high.level} (${high.name})` : '';
  const description = `Dot plot of the median level of the council side and the community side for each principle${scale}.`;
  const chart = principleDotPlot(
    view.results,
    { id, title: `${HEADLINE_CAPTION}: ${view.view.round.name}`, description },
    framework.scale.levels,
  );
  return {
    kind: 'figure',
    figure: {
      chart,
      svg: dotPlot(chart),
      alt: `${description} ${dotPlotSummary(chart.rows)}`,
      caption: `${HEADLINE_CAPTION} (the table after the chart gives the same figures)`,
    },
  };
}

/** The figures of the headline chart, with how each principle is seen. */
export function headlineTable(results: RoundResults): ReportTable {
  return {
    caption: HEADLINE_CAPTION,
    head: ['Principle', SIDE_LABELS.council, SIDE_LABELS.community, 'How it is seen'],
    widths: [3.2, 1.6, 1.8, 2.8],
    rows: results.principles.map((principle) => ({
      heading: principle.name,
      cells: [
        formatMedian(principle.councilMedian),
        formatMedian(principle.communityMedian),
        sentenceCase(seenWords(principle.councilMedian, principle.communityMedian)),
      ],
    })),
  };
}

/**
 * What the workshop has done and what is left, counting only principles with an agreed level: a record
 * saved without one is "not agreed", never counted as agreed.
 */
export function workshopSteps(view: RoundResultsView): string[] {
  const principles = view.results.principles;
  const records = view.workshop.filter((record) =>
    principles.some((principle) => principle.principleCode === record.principleCode),
  );
  const agreed = records.filter((record) => record.agreedLevel !== null).length;
  const notAgreed = records
    .filter((record) => record.agreedLevel === null)
    .map((record) => principles.find((p) => p.principleCode === record.principleCode)?.name ?? '');
  if (records.length === 0) {
    return [
      'Hold a workshop with people from both sides to talk through the biggest differences and the ' +
        'priorities: why each side sees them as it does, and what evidence there is.',
      'At the workshop, agree a level and actions for each principle, and record them in Common Ground.',
    ];
  }
  const steps = [
    `The workshop has agreed levels for ${agreed} of ${principles.length} principles` +
      (notAgreed.length > 0 ? `; it discussed ${notAgreed.join(' and ')} but did not agree a level.` : '.') +
      ' The full report shows them beside the survey results, with the reasons and the agreed actions.',
  ];
  if (agreed < principles.length) steps.push('Agree a level and actions for the other principles.');
  return steps;
}
