import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { csvText } from '../../../domain/shared/csv-text.js';
import {
  actionSideLabels,
  actionStatusLabels,
  isOverdue,
  principleOf,
} from '../../../domain/actions/actions.js';
import { guardCell } from '../../view-models/spreadsheet-cell.js';
import { accessOf } from '../members.js';
import { member, type ActionPages } from './action-pages.js';
import { planEntries } from './plan-summary.js';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The action plan as a spreadsheet (CSV), one row per action with its latest note. */
export function registerActionCsvRoute(app: FastifyInstance, services: Services, pages: ActionPages): void {
  const { principleNames, today } = pages;
  app.get('/p/:slug/actions.csv', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const entries = await planEntries(services, partnership.id);
    const names = principleNames();
    const rows = [
      [
        'Partnership',
        'Title',
        'Description',
        'Indicators',
        'Principle',
        'Owner',
        'Side',
        'Lead',
        'Due date',
        'Status',
        'Overdue',
        'Latest note',
      ],
      ...entries.map(({ action, latestNote, ownerName }) => [
        guardCell(partnership.name),
        guardCell(action.title),
        guardCell(action.description),
        guardCell(action.indicatorCodes.join(' ')),
        guardCell(
          [...new Set(action.indicatorCodes.map(principleOf))]
            .map((code) => names.get(code) ?? code)
            .join('; '),
        ),
        guardCell(ownerName ?? ''),
        actionSideLabels[action.side],
        guardCell(action.leadName),
        action.dueOn ?? '',
        actionStatusLabels[action.status],
        yesNo(isOverdue(action, today())),
        guardCell(latestNote ? `${latestNote.notedOn}: ${latestNote.note}` : ''),
      ]),
    ];
    const csv = csvText(rows, { bom: true });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${partnership.slug}-action-plan.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
}
