import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ResponseSession } from '../../app/assessments/answering.js';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { maximumCommentLength, type AnswerDraft } from '../../domain/assessment/answers.js';
import type { RoundKind } from '../../domain/assessment/round-rules.js';
import { principleOf, type Indicator } from '../../domain/framework/framework.js';
import { formErrors, text, type FormErrors } from '../forms.js';

/**
 * Respondent links: a group's shareable link (asks for an email address, sends a personal link) and the
 * personal link itself (one indicator per page, check your answers, submit). Nobody signs in; the token in the
 * address is the only key, so these pages are never cached and never send a Referer (helmet's default policy).
 */

const minutesFor: Record<RoundKind, string> = { quick: 'about 10 minutes', full: 'about 30 minutes' };

/** What each non-level answer says on the question and check pages. */
const otherAnswerText = { 'dont-know': 'I don’t know', 'not-applicable': 'Not applicable' } as const;

const personalLinkNotWorking = {
  title: 'This link does not work',
  paragraphs: [
    'Links to answer are personal. If you were sent a newer email about this round, or asked for a link more than once, only the link in the newest email works.',
    'If you copied the web address, check you copied all of it.',
    'If it still does not work, ask the person who invited you to send you a new link.',
  ],
};

const shareLinkNotWorking = {
  title: 'This link does not work',
  paragraphs: [
    'The organisers may have replaced this link with a new one, or the web address may be incomplete.',
    'Ask the person who shared it with you for the current link.',
  ],
};

/** "31 March 2026" from an ISO date. */
export function longDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function ratingText(session: ResponseSession, indicator: Indicator, code: string): string {
  if (code === 'dont-know' || code === 'not-applicable') return otherAnswerText[code];
  const level = session.view.framework.scale.levels.find((l) => String(l.level) === code);
  return level ? `${level.name} (level ${level.level} of 4)` : code;
}

function firstUnanswered(session: ResponseSession): Indicator | undefined {
  return session.view.indicators.find((indicator) => !session.answers.has(indicator.code));
}

/** The body's `comment`, with browser line endings (CR LF) counted as one character like the counter does. */
function commentFrom(body: unknown): string {
  return text(body, 'comment').replace(/\r\n/g, '\n');
}

const isReturnToCheck = (value: unknown) => value === 'check';

export function registerRespond(app: FastifyInstance, services: Services): void {
  const { assessments } = services;

  /** No caching (the pages hold someone's answers) and no indexing (the address holds their key). */
  const privatePage = async (_request: unknown, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex, nofollow');
  };
  const respondent = { config: { access: 'public' as const }, onRequest: privatePage };

  const base = (token: string) => `/respond/${encodeURIComponent(token)}`;
  const questionUrl = (token: string, code: string, returnTo = false) =>
    `${base(token)}/questions/${encodeURIComponent(code)}${returnTo ? '?returnTo=check' : ''}`;

  /** The round behind a shareable link, without sending anything. */
  async function shareLinkRound(token: string) {
    const shared = await assessments.describeShareLink(token);
    if (!shared) return undefined;
    const { round } = shared.view;
    return {
      round,
      groupName: shared.group.name,
      partnershipName: shared.partnershipName,
      status: shared.view.status,
      questionCount: shared.view.indicators.length,
      minutes: minutesFor[round.kind],
      closes: longDate(round.closesOn),
      opens: longDate(round.opensOn),
    };
  }

  type SharedRound = NonNullable<Awaited<ReturnType<typeof shareLinkRound>>>;

  function sharePage(
    reply: FastifyReply,
    token: string,
    shared: SharedRound,
    values: { email?: string },
    errors?: FormErrors,
  ) {
    if (shared.status !== 'open') {
      return reply.page('respond/not-open.njk', {
        title: shared.status === 'closed' ? 'This round has closed' : 'This round has not opened yet',
        status: shared.status,
        roundName: shared.round.name,
        opens: shared.opens,
        closes: shared.closes,
      });
    }
    return reply.page(
      'respond/share.njk',
      { title: `Take part in ${shared.round.name}`, token, shared, values, errors },
      errors ? 400 : 200,
    );
  }

  function notOpenPage(reply: FastifyReply, session: ResponseSession, message?: string) {
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

  const linkNotWorking = (reply: FastifyReply) => reply.page('errors/error.njk', personalLinkNotWorking, 404);

  function questionPage(
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
          href: returnTo
            ? `${base(token)}/check`
            : previous
              ? questionUrl(token, previous.code)
              : base(token),
        },
      },
      errors ? 400 : 200,
    );
  }

  function checkPage(reply: FastifyReply, token: string, session: ResponseSession, errors?: FormErrors) {
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

  // ---- A group's shareable link ----

  app.get(
    '/share/:token',
    { config: { access: 'public' }, onRequest: privatePage },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const shared = await shareLinkRound(token);
      if (!shared) return reply.page('errors/error.njk', shareLinkNotWorking, 404);
      return sharePage(reply, token, shared, {});
    },
  );

  app.post(
    '/share/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
      onRequest: privatePage,
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const email = text(request.body, 'email');
      const shared = await shareLinkRound(token);
      if (!shared) return reply.page('errors/error.njk', shareLinkNotWorking, 404);
      if (shared.status !== 'open') return sharePage(reply, token, shared, {});
      if (!email)
        return sharePage(reply, token, shared, { email }, formErrors({ email: 'Enter your email address' }));
      let result: Awaited<ReturnType<typeof assessments.requestPersonalLink>>;
      try {
        result = await assessments.requestPersonalLink(token, email);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return sharePage(reply, token, shared, { email }, formErrors(error.fields));
      }
      if (result === 'invalid-link') return reply.page('errors/error.njk', shareLinkNotWorking, 404);
      if (result === 'closed') return sharePage(reply, token, { ...shared, status: 'closed' }, {});
      // The same page whether or not the address was invited before: it must not tell anyone who was.
      return reply.page('respond/share-sent.njk', { title: 'Check your email', email, shared, token });
    },
  );

  // ---- A personal link ----

  app.get('/respond/:token', respondent, async (request, reply) => {
    const { token } = request.params as { token: string };
    const session = await assessments.openResponse(token);
    if (!session) return linkNotWorking(reply);
    if (session.view.status !== 'open') return notOpenPage(reply, session);
    const { view } = session;
    const partnership = await services.store.partnerships.findById(view.round.partnershipId);
    const next = firstUnanswered(session);
    const started = session.answers.size > 0;
    const submitted = session.response?.status === 'submitted';
    return reply.page('respond/start.njk', {
      title: view.round.name,
      roundName: view.round.name,
      partnershipName: partnership?.name ?? '',
      groupName: session.groupName,
      questionCount: view.indicators.length,
      minutes: minutesFor[view.round.kind],
      closes: longDate(view.round.closesOn),
      threshold: view.round.threshold,
      started,
      submitted,
      answeredCount: session.answers.size,
      start: {
        text: submitted ? 'Check or change your answers' : started ? 'Continue' : 'Start now',
        href: submitted || !next ? `${base(token)}/check` : questionUrl(token, next.code),
      },
      tasks: view.indicators.map((indicator, index) => ({
        title: { text: `${index + 1}. ${indicator.title}` },
        href: questionUrl(token, indicator.code),
        status: session.answers.has(indicator.code)
          ? { text: 'Answered' }
          : { tag: { text: 'Not answered', classes: 'govuk-tag--blue' } },
      })),
    });
  });

  app.get('/respond/:token/questions/:code', respondent, async (request, reply) => {
    const { token, code } = request.params as { token: string; code: string };
    const session = await assessments.openResponse(token);
    if (!session) return linkNotWorking(reply);
    const index = session.view.indicators.findIndex((indicator) => indicator.code === code);
    if (index < 0) throw new NotFoundError('No such question');
    if (session.view.status !== 'open') return notOpenPage(reply, session);
    const saved = session.answers.get(code);
    return questionPage(
      reply,
      token,
      session,
      index,
      { rating: saved?.rating ?? '', comment: saved?.comment ?? '', evidenceUrl: saved?.evidenceUrl ?? '' },
      isReturnToCheck((request.query as Record<string, unknown>).returnTo),
    );
  });

  app.post('/respond/:token/questions/:code', respondent, async (request, reply) => {
    const { token, code } = request.params as { token: string; code: string };
    const session = await assessments.openResponse(token);
    if (!session) return linkNotWorking(reply);
    const index = session.view.indicators.findIndex((indicator) => indicator.code === code);
    if (index < 0) throw new NotFoundError('No such question');
    const returnTo = isReturnToCheck(text(request.body, 'returnTo'));
    const saveForLater = text(request.body, 'action') === 'save-for-later';
    const draft: AnswerDraft = {
      rating: text(request.body, 'rating'),
      comment: commentFrom(request.body),
      evidenceUrl: text(request.body, 'evidenceUrl'),
    };
    const nothingEntered = !draft.rating && !draft.comment && !draft.evidenceUrl;
    if (!(saveForLater && nothingEntered && session.view.status === 'open')) {
      try {
        await assessments.saveAnswer(token, code, draft);
      } catch (error) {
        if (error instanceof NotFoundError) return linkNotWorking(reply);
        if (!(error instanceof ValidationError)) throw error;
        // The app refuses answers outside the open dates: show its reason on the round's status page.
        const now = await assessments.openResponse(token);
        if (!now) return linkNotWorking(reply);
        if (now.view.status !== 'open') return notOpenPage(reply, now, Object.values(error.fields)[0]);
        return questionPage(reply, token, now, index, draft, returnTo, formErrors(error.fields));
      }
    }
    if (saveForLater) return reply.redirect(`${base(token)}/saved`, 303);
    const next = session.view.indicators[index + 1];
    return reply.redirect(returnTo || !next ? `${base(token)}/check` : questionUrl(token, next.code), 303);
  });

  app.get('/respond/:token/saved', respondent, async (request, reply) => {
    const { token } = request.params as { token: string };
    const session = await assessments.openResponse(token);
    if (!session) return linkNotWorking(reply);
    if (session.view.status !== 'open') return notOpenPage(reply, session);
    return reply.page('respond/saved.njk', {
      title: 'Your answers have been saved',
      closes: longDate(session.view.round.closesOn),
      answeredCount: session.answers.size,
      questionCount: session.view.indicators.length,
    });
  });

  app.get('/respond/:token/check', respondent, async (request, reply) => {
    const { token } = request.params as { token: string };
    const session = await assessments.openResponse(token);
    if (!session) return linkNotWorking(reply);
    if (session.view.status !== 'open') return notOpenPage(reply, session);
    return checkPage(reply, token, session);
  });

  app.post('/respond/:token/submit', respondent, async (request, reply) => {
    const { token } = request.params as { token: string };
    try {
      await assessments.submit(token);
    } catch (error) {
      if (error instanceof NotFoundError) return linkNotWorking(reply);
      if (!(error instanceof ValidationError)) throw error;
      const session = await assessments.openResponse(token);
      if (!session) return linkNotWorking(reply);
      if (session.view.status !== 'open') return notOpenPage(reply, session, Object.values(error.fields)[0]);
      // One error per missing answer, each linking to its question.
      const errors: FormErrors = {
        list: Object.entries(error.fields).map(([code, message]) => ({
          text: message,
          href: questionUrl(token, code, true),
        })),
        fields: {},
      };
      return checkPage(reply, token, session, errors);
    }
    return reply.redirect(`${base(token)}/done`, 303);
  });

  app.get('/respond/:token/done', respondent, async (request, reply) => {
    const { token } = request.params as { token: string };
    const session = await assessments.openResponse(token);
    if (!session) return linkNotWorking(reply);
    if (session.view.status !== 'open') return notOpenPage(reply, session);
    if (session.response?.status !== 'submitted') return reply.redirect(`${base(token)}/check`, 303);
    const home = (request.viewerPartnerships ?? []).find((p) => p.id === session.view.round.partnershipId);
    return reply.page('respond/done.njk', {
      title: 'Your answers have been sent',
      roundName: session.view.round.name,
      closes: longDate(session.view.round.closesOn),
      startHref: base(token),
      home: home && { href: `/p/${home.slug}/`, name: home.name },
    });
  });
}
