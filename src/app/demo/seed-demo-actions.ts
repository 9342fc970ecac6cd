import type { ActionSide, ActionStatus } from '../../domain/actions/actions.js';
import { ukDate } from '../../domain/assessment/round-rules.js';
import type { ActionRecord } from '../actions/action-store.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { newId } from '../shared/secrets.js';
import { addDays } from '../../domain/shared/calendar-days.js';

interface DemoAction {
  readonly title: string;
  readonly description: string;
  readonly indicatorCodes: readonly string[];
  /** The owning organisation's name in the demo world. */
  readonly owner: string;
  readonly side: ActionSide;
  readonly leadName: string;
  /** Days from today; negative is in the past. */
  readonly dueInDays: number | null;
  readonly status: ActionStatus;
  readonly source: string;
  readonly createdDaysAgo: number;
  readonly notes: readonly { daysAgo: number; author: string; note: string }[];
}

const northmoorActions: readonly DemoAction[] = [
  {
    title: 'Write a new partnership statement together',
    description:
      'Replace the 2019 compact with a short statement of what the council and the sector promise each other, written together at two open sessions.',
    indicatorCodes: ['SF1'],
    owner: 'Northmoor Council for Voluntary Service',
    side: 'joint',
    leadName: 'Grace Okafor',
    dueInDays: 60,
    status: 'in-progress',
    source: 'workshop:SF',
    createdDaysAgo: 200,
    notes: [
      { daysAgo: 150, author: 'admin@northmoor.example', note: 'First open session held: 34 people came.' },
      {
        daysAgo: 40,
        author: 'admin@northmoor.example',
        note: 'Draft shared with the VCS forum for comment.',
      },
    ],
  },
  {
    title: 'Agree a written promise that challenge will not affect funding',
    description:
      'Cabinet to adopt a one-page promise that groups who raise concerns will not lose out when grants are decided.',
    indicatorCodes: ['RC2'],
    owner: 'Northmoor Council',
    side: 'council',
    leadName: 'Cllr Amir Hussain',
    dueInDays: -21,
    status: 'in-progress',
    source: 'workshop:RC',
    createdDaysAgo: 200,
    notes: [
      {
        daysAgo: 90,
        author: 'council@northmoor.example',
        note: 'Draft wording agreed with legal; waiting for a cabinet slot.',
      },
    ],
  },
  {
    title: 'Pay food bank grants in advance each quarter',
    description:
      'Move the food bank’s grant to quarterly payments in advance so stock can be bought before winter demand.',
    indicatorCodes: ['CR2'],
    owner: 'Northmoor Food Bank',
    side: 'vcs',
    leadName: 'Helen Marsh',
    dueInDays: 30,
    status: 'not-started',
    source: 'priority:CR2',
    createdDaysAgo: 120,
    notes: [],
  },
  {
    title: 'Share the needs map with the VCS forum every quarter',
    description: 'Send the updated needs map before each forum meeting and ask groups what they are seeing.',
    indicatorCodes: ['SF5', 'ES4'],
    owner: 'Northmoor Council',
    side: 'council',
    leadName: 'Priya Shah',
    dueInDays: null,
    status: 'done',
    source: 'workshop:SF',
    createdDaysAgo: 200,
    notes: [
      { daysAgo: 100, author: 'council@northmoor.example', note: 'Shared at the March forum.' },
      { daysAgo: 10, author: 'council@northmoor.example', note: 'Now a standing item; marking done.' },
    ],
  },
  {
    title: 'Run a joint bid for warm spaces funding',
    description:
      'Bring the mosque, St Aidan’s and the café together on one bid, with the CVS as accountable body.',
    indicatorCodes: ['CR4'],
    owner: 'Northmoor Central Mosque',
    side: 'joint',
    leadName: 'Yusuf Rahman',
    dueInDays: 90,
    status: 'in-progress',
    source: 'manual',
    createdDaysAgo: 45,
    notes: [{ daysAgo: 12, author: 'admin@northmoor.example', note: 'Partners met; budget split agreed.' }],
  },
];

/** A few actions for Northmoor, one overdue, owned by different organisations, some with progress notes. */
export async function seedDemoActions(store: Store, clock: Clock, partnershipId: string): Promise<void> {
  const today = ukDate(clock.now());
  const organisations = await store.organisations.listByPartnership(partnershipId);
  const rounds = await store.rounds.list(partnershipId);
  const fromRound = rounds.find((round) => round.name === 'Spring 2026 full assessment') ?? rounds[0];
  for (const demo of northmoorActions) {
    const created = `${addDays(today, -demo.createdDaysAgo)}T10:00:00.000Z`;
    const lastNote = demo.notes.at(-1);
    const action: ActionRecord = {
      id: newId(),
      partnershipId,
      roundId: demo.source === 'manual' ? null : (fromRound?.id ?? null),
      title: demo.title,
      description: demo.description,
      indicatorCodes: [...demo.indicatorCodes],
      side: demo.side,
      ownerOrganisationId: organisations.find((o) => o.name === demo.owner)?.id ?? null,
      leadName: demo.leadName,
      dueOn: demo.dueInDays === null ? null : addDays(today, demo.dueInDays),
      status: demo.status,
      source: demo.source,
      createdAt: created,
      updatedAt: lastNote ? `${addDays(today, -lastNote.daysAgo)}T10:00:00.000Z` : created,
    };
    await store.actions.insert(action);
    for (const note of demo.notes) {
      const on = addDays(today, -note.daysAgo);
      await store.actions.addNote({
        id: newId(),
        actionId: action.id,
        note: note.note,
        notedOn: on,
        authorLabel: note.author,
        createdAt: `${on}T10:00:00.000Z`,
      });
    }
  }
}
