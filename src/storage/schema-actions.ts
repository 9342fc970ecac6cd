/** Row shapes: action plans: actions, their indicators and progress notes. */

export interface ActionsTable {
  id: string;
  partnership_id: string;
  round_id: string | null;
  title: string;
  description: string;
  side: string;
  owner_organisation_id: string | null;
  lead_name: string;
  due_on: string | null;
  status: string;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface ActionIndicatorsTable {
  action_id: string;
  indicator_code: string;
}

export interface ActionProgressNotesTable {
  id: string;
  action_id: string;
  note: string;
  noted_on: string;
  author_label: string;
  created_at: string;
}
