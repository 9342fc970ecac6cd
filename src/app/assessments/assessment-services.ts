import type { AnswerDraft } from '../../domain/assessment/answers.js';
import type { RoundDraft } from '../../domain/assessment/round-rules.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Actor } from '../shared/audit.js';
import { openResponse, personalLinkForMember, saveAnswer, submitResponse } from './answering.js';
import {
  answerableRounds,
  memberAnswering,
  startAnswering,
  type AnsweringMember,
} from './member-answering.js';
import {
  createShareLink,
  describeShareLink,
  inviteRespondents,
  requestPersonalLink,
} from './respondent-links.js';
import { roundResults } from './results.js';
import { createResultsCache } from './results-cache.js';
import {
  closeRound,
  createRound,
  describeRound,
  findRound,
  listRounds,
  openRoundsFor,
  roundProgress,
  type AssessmentDeps,
  type RoundView,
} from './rounds.js';
import { saveWorkshopRecord } from './workshop.js';

/** What rounds are worked out with, one results cache shared by every use of them. */
export function assessmentDepsFor(deps: ServiceDeps) {
  const { store, clock, baseUrl } = deps;
  return { store, clock, baseUrl, frameworks: deps.frameworks, resultsCache: createResultsCache() };
}

/** Rounds of the assessment: creating and closing them, respondents' links, answers, results and workshops. */
export function assessmentServices(assessmentDeps: AssessmentDeps) {
  const { store } = assessmentDeps;
  const describeForLink = async (roundId: string) => {
    const round = await store.rounds.findById(roundId);
    const partnership = round && (await store.partnerships.findById(round.partnershipId));
    return round && partnership
      ? { view: await describeRound(assessmentDeps, round), partnershipName: partnership.name }
      : undefined;
  };
  return {
    frameworks: assessmentDeps.frameworks,
    create: (partnership: PartnershipRecord, draft: RoundDraft, actor: Actor) =>
      createRound(assessmentDeps, partnership, draft, actor),
    list: (partnershipId: string) => listRounds(assessmentDeps, partnershipId),
    openRoundsFor: (partnershipId: string, email: string) =>
      openRoundsFor(assessmentDeps, partnershipId, email),
    find: (partnershipId: string, roundId: string) => findRound(assessmentDeps, partnershipId, roundId),
    close: (partnershipId: string, roundId: string, actor: Actor) =>
      closeRound(assessmentDeps, partnershipId, roundId, actor),
    progress: (view: RoundView) => roundProgress(assessmentDeps, view),
    invite: (view: RoundView, partnershipName: string, groupId: string, emails: string, actor: Actor) =>
      inviteRespondents(assessmentDeps, view, partnershipName, groupId, emails, actor),
    shareLink: (view: RoundView, groupId: string, actor: Actor) =>
      createShareLink(assessmentDeps, view, groupId, actor),
    describeShareLink: (shareToken: string) => describeShareLink(store, describeForLink, shareToken),
    requestPersonalLink: (shareToken: string, email: string) =>
      requestPersonalLink(assessmentDeps, describeForLink, shareToken, email),
    openResponse: (token: string) => openResponse(assessmentDeps, token),
    saveAnswer: (token: string, indicatorCode: string, draft: AnswerDraft) =>
      saveAnswer(assessmentDeps, token, indicatorCode, draft),
    submit: (token: string) => submitResponse(assessmentDeps, token),
    personalLinkForMember: (roundId: string, email: string) =>
      personalLinkForMember(assessmentDeps, roundId, email),
    /** The open rounds a member can answer, invited or by their organisation's group. */
    answerableRounds: (member: AnsweringMember) => answerableRounds(assessmentDeps, member),
    memberAnswering: (view: RoundView, member: AnsweringMember) =>
      memberAnswering(assessmentDeps, view, member),
    startAnswering: (
      partnershipId: string,
      roundId: string,
      member: AnsweringMember,
      groupId: string | undefined,
    ) => startAnswering(assessmentDeps, partnershipId, roundId, member, groupId),
    results: (view: RoundView) => roundResults(assessmentDeps, view),
    saveWorkshop: (
      view: RoundView,
      input: { principleCode: string; agreedLevel: string; reasons: string; agreedActions: string },
      actor: Actor,
    ) => saveWorkshopRecord(assessmentDeps, view, input, actor),
  };
}
