import type { PersonalDataExport } from '../../app/privacy/personal-data.js';
import { isPartnershipRole, roleLabels } from '../../domain/accounts/roles.js';
import { isReminderKind, reminderKindLabels } from '../../domain/reminders/reminders.js';

export interface DataSection {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const when = (iso: string | null | undefined): string =>
  iso
    ? new Date(iso).toLocaleString('en-GB', {
        timeZone: 'Europe/London',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      })
    : '–';
const or = (value: string | null | undefined) => (value ? value : '–');
const role = (value: string) => (isPartnershipRole(value) ? roleLabels[value] : value);
const emailStatusLabels: Record<string, string> = {
  queued: 'Waiting to send',
  sending: 'Being sent',
  sent: 'Sent',
  failed: 'Not delivered',
};
const emailStatus = (value: string) => emailStatusLabels[value] ?? value;

/** The download as readable tables, one per kind of record, in the same order as the JSON file. */
export function personalDataSections(data: PersonalDataExport): DataSection[] {
  const sections: DataSection[] = [
    {
      id: 'memberships',
      title: 'Partnerships you belong to',
      columns: ['Partnership', 'Role', 'Organisation', 'Joined'],
      rows: data.memberships.map((m) => [
        m.partnershipName,
        m.role,
        or(m.organisationName),
        when(m.joinedAt),
      ]),
    },
    {
      id: 'sessions',
      title: 'Signed-in sessions',
      columns: ['Started', 'Last active'],
      rows: data.sessions.map((s) => [when(s.startedAt), when(s.lastSeenAt)]),
    },
    {
      id: 'reminder-choices',
      title: 'Reminder emails you turned off',
      columns: ['Kind of reminder', 'Turned off'],
      rows: data.reminderChoices.map((c) => [
        isReminderKind(c.kind) ? reminderKindLabels[c.kind].label : c.kind,
        when(c.turnedOffAt),
      ]),
    },
    {
      id: 'api-tokens',
      title: 'Personal access tokens',
      columns: ['Name', 'Created', 'Last used', 'Revoked'],
      rows: data.apiTokens.map((t) => [t.name, when(t.createdAt), when(t.lastUsedAt), when(t.revokedAt)]),
    },
    {
      id: 'links',
      title: 'Password links sent to you',
      columns: ['Purpose', 'Created', 'Expires', 'Used'],
      rows: data.oneTimeLinks.map((l) => [l.purpose, when(l.createdAt), when(l.expiresAt), when(l.usedAt)]),
    },
    {
      id: 'partnership-invitations',
      title: 'Invitations to join a partnership',
      columns: ['Partnership', 'Role', 'Sent', 'Accepted'],
      rows: data.partnershipInvitations.map((i) => [
        i.partnershipName,
        role(i.role),
        when(i.createdAt),
        when(i.acceptedAt),
      ]),
    },
    {
      id: 'round-invitations',
      title: 'Invitations to answer an assessment round',
      columns: ['Partnership', 'Round', 'Group', 'Invited'],
      rows: data.roundInvitations.map((i) => [
        i.partnershipName,
        i.roundName,
        i.groupName,
        when(i.invitedAt),
      ]),
    },
    {
      id: 'emails',
      title: 'Emails sent to you',
      columns: ['Subject', 'Status', 'Created', 'Sent'],
      rows: data.emailsSent.map((e) => [e.subject, emailStatus(e.status), when(e.createdAt), when(e.sentAt)]),
    },
    {
      id: 'actions',
      title: 'Actions you lead',
      columns: ['Partnership', 'Action', 'Status', 'Due'],
      rows: data.actionsLed.map((a) => [a.partnershipName, a.title, a.status, or(a.dueOn)]),
    },
    {
      id: 'notes',
      title: 'Progress notes you wrote',
      columns: ['Partnership', 'Action', 'Note', 'Date'],
      rows: data.progressNotes.map((n) => [n.partnershipName, n.actionTitle, n.note, n.notedOn]),
    },
    {
      id: 'workshop',
      title: 'Workshop records you made',
      columns: ['Partnership', 'Round', 'Principle', 'Recorded'],
      rows: data.workshopRecords.map((w) => [
        w.partnershipName,
        w.roundName,
        w.principleCode,
        when(w.recordedAt),
      ]),
    },
    {
      id: 'audit',
      title: 'Audit log entries about you',
      columns: ['Partnership', 'What happened', 'Details', 'When'],
      rows: data.auditEntries.map((e) => [
        or(e.partnershipName),
        e.byYou ? `${e.action} (by you)` : e.action,
        e.subject,
        when(e.createdAt),
      ]),
    },
    {
      id: 'needs',
      title: 'Needs records you added',
      columns: ['Partnership', 'Area', 'Theme', 'Reported'],
      rows: data.needsRecorded.map((n) => [n.partnershipName, n.areaCode, n.theme, n.reportedOn]),
    },
    {
      id: 'directory',
      title: 'Directory records you checked',
      columns: ['Partnership', 'Kind', 'Name', 'Checked'],
      rows: data.directoryChecks.map((d) => [d.partnershipName, d.kind, d.name, when(d.checkedAt)]),
    },
    {
      id: 'funding',
      title: 'Funding records you added',
      columns: ['Partnership', 'Kind', 'Title', 'Added'],
      rows: data.fundingRecords.map((f) => [f.partnershipName, f.kind, f.title, when(f.createdAt)]),
    },
    {
      id: 'matching',
      title: 'Matching runs you started',
      columns: ['Partnership', 'Started'],
      rows: data.matchingRuns.map((m) => [m.partnershipName, when(m.createdAt)]),
    },
    {
      id: 'imports',
      title: 'Imports you started',
      columns: ['Partnership', 'Kind', 'File', 'Started'],
      rows: data.importJobs.map((j) => [or(j.partnershipName), j.kind, j.sourceName, when(j.createdAt)]),
    },
  ];
  return sections;
}
