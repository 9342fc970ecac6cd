import type { FastifyRequest } from 'fastify';
import type { GroupKind, RoundDraft } from '../../domain/assessment/round-rules.js';
import { groupKindLabels } from '../../domain/assessment/round-rules.js';

const standardKinds = ['council', 'vcs', 'faith', 'health'] as const;
const field = (body: Record<string, unknown>, name: string) => {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
};
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

function isoDate(body: Record<string, unknown>, prefix: string): string {
  const day = field(body, `${prefix}-day`);
  const month = field(body, `${prefix}-month`);
  const year = field(body, `${prefix}-year`);
  if (!day && !month && !year) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Reads the new-round form into a draft, and maps the draft's problem keys back to the form's field ids. */
export function roundDraftFromForm(body: Record<string, unknown>) {
  const kinds = list(body.groups).filter((kind): kind is (typeof standardKinds)[number] =>
    (standardKinds as readonly string[]).includes(kind),
  );
  const groups: { kind: GroupKind; name: string; side: string }[] = kinds.map((kind) => ({
    kind,
    name: groupKindLabels[kind].replace(/ \(.*\)$/, ''),
    side: '',
  }));
  const customName = field(body, 'customGroupName');
  if (customName || field(body, 'customGroupSide')) {
    groups.push({ kind: 'custom', name: customName, side: field(body, 'customGroupSide') });
  }
  const draft: RoundDraft = {
    name: field(body, 'name'),
    kind: field(body, 'kind'),
    threshold: field(body, 'threshold'),
    opensOn: isoDate(body, 'opensOn'),
    closesOn: isoDate(body, 'closesOn'),
    groups,
  };
  const fieldNames = (problems: Readonly<Record<string, string>>) => {
    const mapped: Record<string, string> = {};
    for (const [key, message] of Object.entries(problems)) {
      const match = /^groups-(\d+)-(name|side)$/.exec(key);
      const isCustom = match && groups[Number(match[1])]?.kind === 'custom';
      const id = match
        ? isCustom
          ? match[2] === 'name'
            ? 'customGroupName'
            : 'customGroupSide'
          : 'groups'
        : key;
      mapped[id === 'opensOn' || id === 'closesOn' ? `${id}-day` : id] ??= message;
    }
    return mapped;
  };
  return { draft, fieldNames };
}

export function roundFormContext(request: FastifyRequest, body: Record<string, unknown>, today: string) {
  const checked = new Set(
    body.groups === undefined && Object.keys(body).length === 0
      ? ['council', 'vcs', 'faith']
      : list(body.groups),
  );
  const [year, month, day] = today.split('-');
  const slug = request.partnershipAccess?.partnership.slug ?? '';
  return {
    title: 'Start a new assessment round',
    backLink: { href: `/p/${slug}/rounds` },
    values: {
      name: field(body, 'name'),
      kind: field(body, 'kind'),
      threshold: Object.keys(body).length === 0 ? '5' : field(body, 'threshold'),
      customGroupName: field(body, 'customGroupName'),
      customGroupSide: field(body, 'customGroupSide'),
      opensOn: {
        day: field(body, 'opensOn-day') || (Object.keys(body).length === 0 ? String(Number(day)) : ''),
        month: field(body, 'opensOn-month') || (Object.keys(body).length === 0 ? String(Number(month)) : ''),
        year: field(body, 'opensOn-year') || (Object.keys(body).length === 0 ? year : ''),
      },
      closesOn: {
        day: field(body, 'closesOn-day'),
        month: field(body, 'closesOn-month'),
        year: field(body, 'closesOn-year'),
      },
    },
    groupItems: standardKinds.map((kind) => ({
      value: kind,
      text: groupKindLabels[kind],
      checked: checked.has(kind),
    })),
  };
}
