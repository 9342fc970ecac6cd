import type { FastifyInstance } from 'fastify';
import { NotFoundError, ValidationError } from '../../../app/errors.js';
import type { Services } from '../../../app/services.js';
import type { AnswerDraft } from '../../../domain/assessment/answers.js';
import { longDate } from '../../../domain/shared/long-date.js';
import { formErrors, text, type FormErrors } from '../../forms.js';
import {
  base,
  checkPage,
  commentFrom,
  firstUnanswered,
  isReturnToCheck,
  linkNotWorking,
  minutesFor,
  notOpenPage,
  questionPage,
  questionUrl,
  respondent,
} from './respondent-pages.js';

/** A personal link: the round's start page, one question per page, check your answers, submit. */
export function registerAnswerRoutes(app: FastifyInstance, services: Services): void {
  const { assessments } = services;

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
