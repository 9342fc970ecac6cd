import type { FastifyReply } from 'fastify';
import type { ResponseSession } from '../../../app/assessments/answering.js';
import { NotFoundError } from '../../../app/errors.js';
import { maximumCommentLength, type AnswerDraft } from '../../../domain/assessment/answers.js';
import type { RoundKind } from '../../../domain/assessment/round-rules.js';
import { principleOf, type Indicator } from '../../../domain/framework/framework.js';
import { longDate } from '../../../domain/shared/long-date.js';
import { text, type FormErrors } from '../../forms.js';

/**
 * The respondent's pages, shared by the shareable-link and personal-link routes: their addresses, their privacy
 * headers, and the question, check-your-answers and round-not-open pages. Nobody signs in; the token in the
 * address is the only key, so these pages are never cached and never send a Referer (helmet's default policy).
 */

export const minutesFor: Record<RoundKind, string> = { quick: 'about 10 minutes', full: 'about 30 minutes' };

/** What each non-level answer says on the question and check pages. */
const otherAnswerText = { 'dont-know': 'I don’t know', 'not-applicable': 'Not applicable' } as const;

export const personalLinkNotWorking = {
  title: 'This link does not work',
  paragraphs: [
    'Links to answer are personal. If you were sent a newer email about this round, or asked for a link more than once, only the link in the newest email works.',
    'If you copied the web address, check you copied all of it.',
    'If it still does not work, ask the person who invited you to send you a new link.',
  ],
};

export const shareLinkNotWorking = {
  title: 'This link does not work',
  paragraphs: [
    'The organisers may have replaced this link with a new one, or the web address may be incomplete.',
    'Ask the person who shared it with you for the current link.',
  ],
};

/** No caching (the pages hold someone's answers) and no indexing (the address holds their key). */
export const privatePage = async (_request: unknown, reply: FastifyReply) => {
  reply.header('cache-control', 'no-store');
  reply.header('x-robots-tag', 'noindex, nofollow');
};
export const respondent = { config: { access: 'public' as const }, onRequest: privatePage };

export const base = (token: string) => `/respond/${encodeURIComponent(token)}`;
export const questionUrl = (token: string, code: string, returnTo = false) =>
  `${base(token)}/questions/${encodeURIComponent(code)}${returnTo ? '?returnTo=check' : ''}`;

export const linkNotWorking = (reply: FastifyReply) =>
  reply.page('errors/error.njk', personalLinkNotWorking, 404);

function ratingText(session: ResponseSession, indicator: Indicator, code: string): string {
  if (code === 'dont-know' || code === 'not-applicable') return otherAnswerText[code];
  const level = session.view.framework.scale.levels.find((l) => String(l.level) === code);
  return level ? `${level.name} (level ${level.level} of 4)` : code;
}

export function firstUnanswered(session: ResponseSession): Indicator | undefined {
  return session.view.indicators.find((indicator) => !session.answers.has(indicator.code));
}

/** The body's `comment`, with browser line endings (CR LF) counted as one character like the counter does. */
export function commentFrom(body: unknown): string {
  return text(body, 'comment').replace(/\r\n/g, '\n');
}

export const isReturnToCheck = (value: unknown) => value === 'check';

export function notOpenPage(reply: FastifyReply, session: ResponseSession, message?: string) {
  const status = session.view.status;
  return reply.page(
    'respond/not-open.njk',
    {
      title: status === 'closed' ? 'This round has closed' : 'This round has not opened yet',
      status,
      roundName: session.view.round.name,
      opens: longDate(session.view.round.opensOn),
      closes: longDate(session.view.round.closesOn),
      submitted: session.response?.status === 'submitted',
      message,
    },
    message ? 400 : 200,
  );
}

export function questionPage(
  reply: FastifyReply,
  token: string,
  session: ResponseSession,
  index: number,
  values: AnswerDraft,
  returnTo: boolean,
  errors?: FormErrors,
) {
  const { indicators, framework } = session.view;
  const indicator = indicators[index];
  if (!indicator) throw new NotFoundError('No such question');
  const previous = indicators[index - 1];
  const other = (key: 'dont-know' | 'not-applicable') => ({
    value: key,
    text: otherAnswerText[key],
    hint: { text: framework.scale.otherAnswers.find((answer) => answer.key === key)?.explanation ?? '' },
  });
  const items = [
    ...framework.scale.levels.map((level) => ({
      value: String(level.level),
      text: level.name,
      hint: { text: indicator.levels.find((l) => l.level === level.level)?.description ?? level.meaning },
    })),
    { divider: 'or' },
    other('dont-know'),
    other('not-applicable'),
  ];
  return reply.page(
    'respond/question.njk',
    {
      title: `Question ${index + 1} of ${indicators.length}: ${indicator.title}`,
      caption: `Question ${index + 1} of ${indicators.length} · ${principleOf(framework, indicator.code)?.name ?? ''}`,
      indicator,
      items,
      values,
      maximumCommentLength,
      action: questionUrl(token, indicator.code),
      returnTo,
      errors,
      backLink: {
        href: returnTo ? `${base(token)}/check` : previous ? questionUrl(token, previous.code) : base(token),
      },
    },
    errors ? 400 : 200,
  );
}

export function checkPage(reply: FastifyReply, token: string, session: ResponseSession, errors?: FormErrors) {
  const questions = session.view.indicators.map((indicator, index) => {
    const answer = session.answers.get(indicator.code);
    return {
      number: index + 1,
      code: indicator.code,
      title: indicator.title,
      href: questionUrl(token, indicator.code, true),
      answer: answer && ratingText(session, indicator, answer.rating),
      hasComment: Boolean(answer?.comment),
      hasEvidence: Boolean(answer?.evidenceUrl),
    };
  });
  const last = session.view.indicators.at(-1);
  return reply.page(
    'respond/check.njk',
    {
      title: 'Check your answers',
      roundName: session.view.round.name,
      questions,
      submitted: session.response?.status === 'submitted',
      closes: longDate(session.view.round.closesOn),
      action: `${base(token)}/submit`,
      errors,
      backLink: last ? { href: questionUrl(token, last.code) } : undefined,
    },
    errors ? 400 : 200,
  );
}
