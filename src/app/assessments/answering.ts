import { checkAnswer, type AnswerDraft } from '../../domain/assessment/answers.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { RatingRecord, ResponseRecord } from './assessment-store.js';
import type { RoundInvitationRecord } from './round-invitation-record.js';
import type { Store } from '../ports.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';
import { respondentKey } from './respondent-links.js';
import { describeRound, type AssessmentDeps, type RoundView } from './rounds.js';

export interface ResponseSession {
  readonly view: RoundView;
  readonly groupName: string;
  readonly response: ResponseRecord | undefined;
  readonly answers: ReadonlyMap<string, RatingRecord>;
}

async function invitationFor(store: Store, token: string): Promise<RoundInvitationRecord | undefined> {
  return store.roundInvitations.findByTokenHash(hashSecret(token));
}

/** Everything a respondent's page needs, found from their personal link; undefined for an unknown link. */
export async function openResponse(
  deps: AssessmentDeps,
  token: string,
): Promise<ResponseSession | undefined> {
  const invitation = await invitationFor(deps.store, token);
  if (!invitation) return undefined;
  const round = await deps.store.rounds.findById(invitation.roundId);
  if (!round) return undefined;
  const view = await describeRound(deps, round);
  const group = view.groups.find((g) => g.id === invitation.groupId);
  const response = await deps.store.responses.findByKey(await respondentKey(deps.store, invitation.id));
  const answers = new Map(
    (response ? await deps.store.responses.ratings(response.id) : []).map((r) => [r.indicatorCode, r]),
  );
  return { view, groupName: group?.name ?? '', response, answers };
}

/** Saves one answer. The response is created with the first answer, which also locks the round's threshold. */
export async function saveAnswer(
  deps: AssessmentDeps,
  token: string,
  indicatorCode: string,
  draft: AnswerDraft,
): Promise<void> {
  const invitation = await invitationFor(deps.store, token);
  const round = invitation && (await deps.store.rounds.findById(invitation.roundId));
  if (!invitation || !round) throw new NotFoundError('No such link');
  const view = await describeRound(deps, round);
  if (!view.indicators.some((indicator) => indicator.code === indicatorCode))
    throw new NotFoundError('No such question');
  if (view.status !== 'open')
    throw new ValidationError({ rating: 'This round is not open, so answers cannot be changed' });
  const checked = checkAnswer(draft);
  if (!checked.ok) throw new ValidationError(checked.problems);
  const key = await respondentKey(deps.store, invitation.id);
  const response = await findOrStartResponse(deps, round.id, invitation.groupId, key);
  const rating = checked.value.rating;
  await deps.store.responses.saveRating(response.id, {
    indicatorCode,
    rating: rating.kind === 'level' ? String(rating.level) : rating.kind,
    comment: checked.value.comment,
    evidenceUrl: checked.value.evidenceUrl,
  });
  await deps.store.rounds.bumpAnswersVersion(round.id);
}

/**
 * The respondent's response, created with their first answer (which also locks the round's threshold). Two
 * first answers at once (a double click) both end up with the one response the database kept.
 */
async function findOrStartResponse(deps: AssessmentDeps, roundId: string, groupId: string, key: string) {
  const existing = await deps.store.responses.findByKey(key);
  if (existing) return existing;
  const response = { id: newId(), roundId, groupId, respondentKey: key, status: 'in-progress' as const };
  try {
    await deps.store.transaction(async (store) => {
      await store.responses.insert(response);
      await store.rounds.lockThreshold(roundId, deps.clock.now().toISOString());
    });
    return response;
  } catch (error) {
    const winner = await deps.store.responses.findByKey(key);
    if (winner) return winner;
    throw error;
  }
}

/** Submits a response once every question has an answer. Answers can still change until the round closes. */
export async function submitResponse(deps: AssessmentDeps, token: string): Promise<void> {
  const session = await openResponse(deps, token);
  if (!session) throw new NotFoundError('No such link');
  if (session.view.status !== 'open') throw new ValidationError({ submit: 'This round is not open' });
  const missing = session.view.indicators.filter((indicator) => !session.answers.has(indicator.code));
  if (!session.response || missing.length > 0) {
    throw new ValidationError(
      Object.fromEntries(missing.map((indicator) => [indicator.code, `Answer “${indicator.title}”`])),
    );
  }
  await deps.store.responses.markSubmitted(session.response.id);
  await deps.store.rounds.bumpAnswersVersion(session.view.round.id);
}

/** For a signed-in member who was invited: a fresh personal link to their own response. */
export async function personalLinkForMember(
  deps: AssessmentDeps,
  roundId: string,
  email: string,
): Promise<string | undefined> {
  const invitation = await deps.store.roundInvitations.findByEmail(roundId, email);
  if (!invitation) return undefined;
  const token = newSecretToken();
  await deps.store.roundInvitations.replaceTokenHash(invitation.id, hashSecret(token));
  return token;
}
