import type { ActionSide, ActionStatus } from '../../domain/actions/actions.js';

export interface ActionRecord {
  id: string;
  partnershipId: string;
  /** The round the action came from, if any. */
  roundId: string | null;
  title: string;
  description: string;
  indicatorCodes: string[];
  side: ActionSide;
  ownerOrganisationId: string | null;
  leadName: string;
  dueOn: string | null;
  status: ActionStatus;
  /** Where it came from: 'gap:RC2', 'priority:CR2', 'workshop:SF', 'guidance:funding-together' or 'manual'. */
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface ActionNoteRecord {
  id: string;
  actionId: string;
  note: string;
  notedOn: string;
  authorLabel: string;
  createdAt: string;
}

/** The actions area's part of the store: the action plan and its progress notes. */
export interface ActionStores {
  readonly actions: {
    insert(action: ActionRecord): Promise<void>;
    /** Replaces the action's fields and indicators (not its partnership, round, source or creation time). */
    update(action: ActionRecord): Promise<void>;
    find(partnershipId: string, id: string): Promise<ActionRecord | undefined>;
    /** Oldest first. */
    list(partnershipId: string): Promise<ActionRecord[]>;
    addNote(note: ActionNoteRecord): Promise<void>;
    /** Newest first. */
    notes(actionId: string): Promise<ActionNoteRecord[]>;
  };
}
