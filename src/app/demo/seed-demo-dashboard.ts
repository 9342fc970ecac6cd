import type { ActionSide, ActionStatus } from '../../domain/actions/actions.js';
import { addDays } from '../../domain/shared/calendar-days.js';
import { ukDate } from '../../domain/assessment/round-rules.js';
import type { ActionRecord } from '../actions/action-store.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { newId } from '../shared/secrets.js';

interface DashboardDemoAction {
  readonly title: string;
  readonly description: string;
  readonly indicatorCodes: readonly string[];
  readonly owner: string;
  readonly side: ActionSide;
  readonly leadName: string;
  readonly dueInDays: number | null;
  readonly status: ActionStatus;
  readonly createdDaysAgo: number;
  readonly note: string;
}

/**
 * Two more Northmoor actions so the dashboard's action plan shows every list whatever day the demo is loaded:
 * one due within the next two weeks, and one marked done today (so always in this quarter).
 */
const dashboardActions: readonly DashboardDemoAction[] = [
  {
    title: 'Publish next year’s small grants calendar',
    description:
      'Publish the dates of every small grants round for next year, so groups can plan bids instead of rushing.',
    indicatorCodes: ['CR2'],
    owner: 'Northmoor Council',
    side: 'council',
    leadName: 'Priya Shah',
    dueInDays: 7,
    status: 'in-progress',
    createdDaysAgo: 60,
    note: 'Dates agreed with finance; the page is being written.',
  },
  {
    title: 'Name one contact for funding questions from the sector',
    description:
      'Give voluntary and community groups one named officer to ask about council funding, instead of five inboxes.',
    indicatorCodes: ['ES3'],
    owner: 'Northmoor Council for Voluntary Service',
    side: 'joint',
    leadName: 'Grace Okafor',
    dueInDays: null,
    status: 'done',
    createdDaysAgo: 80,
    note: 'The contact is named on the Council for Voluntary Service website and in the forum newsletter; marking done.',
  },
];

/** Adds the dashboard's demo actions to Northmoor. Runs inside the demo's transaction, after the other actions. */
export async function seedDemoDashboard(store: Store, clock: Clock, partnershipId: string): Promise<void> {
  const today = ukDate(clock.now());
  const now = clock.now().toISOString();
  const organisations = await store.organisations.listByPartnership(partnershipId);
  for (const demo of dashboardActions) {
    const action: ActionRecord = {
      id: newId(),
      partnershipId,
      roundId: null,
      title: demo.title,
      description: demo.description,
      indicatorCodes: [...demo.indicatorCodes],
      side: demo.side,
      ownerOrganisationId: organisations.find((o) => o.name === demo.owner)?.id ?? null,
      leadName: demo.leadName,
      dueOn: demo.dueInDays === null ? null : addDays(today, demo.dueInDays),
      status: demo.status,
      source: 'manual',
      createdAt: `${addDays(today, -demo.createdDaysAgo)}T10:00:00.000Z`,
      updatedAt: now,
    };
    await store.actions.insert(action);
    await store.actions.addNote({
      id: newId(),
      actionId: action.id,
      note: demo.note,
      notedOn: today,
      authorLabel: 'admin@northmoor.example',
      createdAt: now,
    });
  }
}
