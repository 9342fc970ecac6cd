import type { Rating } from '../results/rating.js';

export const maximumCommentLength = 2000;

export interface AnswerDraft {
  readonly rating: string;
  readonly comment: string;
  readonly evidenceUrl: string;
}

export interface CheckedAnswer {
  readonly rating: Rating;
  readonly comment: string | null;
  readonly evidenceUrl: string | null;
}

/** Reads one answer from a question page: a level 1–4, "dont-know" or "not-applicable", with optional notes. */
export function checkAnswer(
  draft: AnswerDraft,
): { ok: true; value: CheckedAnswer } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  let rating: Rating | undefined;
  if (['1', '2', '3', '4'].includes(draft.rating)) {
    rating = { kind: 'level', level: Number(draft.rating) as 1 | 2 | 3 | 4 };
  } else if (draft.rating === 'dont-know') rating = { kind: 'dont-know' };
  else if (draft.rating === 'not-applicable') rating = { kind: 'not-applicable' };
  else problems.rating = 'Select the level that best describes things now, or “I don’t know”';

  const comment = draft.comment.trim();
  if (comment.length > maximumCommentLength) {
    problems.comment = `Comments must be ${maximumCommentLength} characters or fewer`;
  }
  const evidenceUrl = draft.evidenceUrl.trim();
  if (evidenceUrl && !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(evidenceUrl)) {
    problems.evidenceUrl = 'Enter a full web address starting with https://, or leave it blank';
  }
  if (!rating || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { rating, comment: comment || null, evidenceUrl: evidenceUrl || null } };
}

/** The stored form of a rating, the same text the question page sends. */
export function ratingCode(rating: Rating): string {
  return rating.kind === 'level' ? String(rating.level) : rating.kind;
}

export function ratingFromCode(code: string): Rating | undefined {
  const checked = checkAnswer({ rating: code, comment: '', evidenceUrl: '' });
  return checked.ok ? checked.value.rating : undefined;
}
