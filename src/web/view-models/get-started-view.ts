/**
 * The "Get started" task list (GOV.UK task list pattern) and the short "what you can do here" for other roles.
 * Pure: the progress comes from src/domain/partnerships/get-started.ts.
 */
import type { PartnershipRole } from '../../domain/accounts/roles.js';
import type { GetStartedProgress, GetStartedTask } from '../../domain/partnerships/get-started.js';

const taskText: Record<GetStartedTask, { title: string; hint: string; path: string }> = {
  'area-data': {
    title: 'Import area data',
    hint: 'Wards, neighbourhoods and statistics for your area, so needs and gaps can be mapped.',
    path: 'imports',
  },
  organisations: {
    title: 'Add partner organisations',
    hint: 'The council and the voluntary, community and faith organisations you work with.',
    path: 'organisations',
  },
  members: {
    title: 'Invite members',
    hint: 'Councillors, officers and partners. Members can answer quick checks without a separate invitation.',
    path: 'members/invite',
  },
  'first-quick-check': {
    title: 'Run your first quick check',
    hint: 'Eight questions that take about 10 minutes, answered by the council and its partners.',
    path: 'rounds/new',
  },
  directory: {
    title: 'Add services to the directory',
    hint: 'What local organisations offer, where and when, so people can find help.',
    path: 'directory',
  },
  needs: {
    title: 'Record local needs',
    hint: 'The needs you and your partners see, by area and theme.',
    path: 'needs/new',
  },
};

export function getStartedView(progress: GetStartedProgress, slug: string) {
  return {
    doneCount: progress.doneCount,
    total: progress.tasks.length,
    allDone: progress.allDone,
    items: progress.tasks.map(({ task, done }) => ({
      title: { text: taskText[task].title },
      hint: { text: taskText[task].hint },
      href: `/p/${slug}/${taskText[task].path}`,
      status: done ? { text: 'Completed' } : { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } },
    })),
    next: progress.next && {
      text: taskText[progress.next].title,
      href: `/p/${slug}/${taskText[progress.next].path}`,
    },
  };
}

/** What each role can do, for members who do not run the partnership. */
const whatYouCanDo: Record<
  Exclude<PartnershipRole, 'partnership-admin'>,
  readonly { text: string; path: string }[]
> = {
  'council-member': [
    { text: 'Answer open quick checks for the council', path: 'rounds' },
    { text: 'Read the results and the action plan', path: 'actions' },
    { text: 'Record local needs', path: 'needs' },
    { text: 'See need against provision and funding', path: 'needs/gaps' },
  ],
  'vcs-member': [
    { text: 'Answer open quick checks for your organisation’s group', path: 'rounds' },
    { text: 'Keep your organisation’s services up to date', path: 'directory?mine=yes' },
    { text: 'Record the needs you see', path: 'needs' },
    { text: 'Read the results and the action plan', path: 'actions' },
  ],
  viewer: [
    { text: 'Read the results of each round', path: 'rounds' },
    { text: 'Read the action plan', path: 'actions' },
    { text: 'See local needs and the directory', path: 'needs' },
  ],
};

export function whatYouCanDoView(role: PartnershipRole, slug: string) {
  if (role === 'partnership-admin') return [];
  return whatYouCanDo[role].map((item) => ({ text: item.text, href: `/p/${slug}/${item.path}` }));
}
