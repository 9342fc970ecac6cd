/**
 * What the pipeline offers when partners clash over a fund: an action on the action plan to start a
 * conversation or to plan a joint bid, owned by the council or a chosen organisation, on the joint side.
 */
import type { CoordinationKind } from '../../domain/funding/clashes.js';
import type { Framework } from '../../domain/framework/framework.js';

export const coordinationLabels: Record<CoordinationKind, string> = {
  conversation: 'Start a conversation',
  'joint-bid': 'Plan a joint bid',
};

/** "Plan a joint bid to Reaching Communities" or "Talk about bids to Reaching Communities". */
export function coordinationTitle(kind: CoordinationKind, fundName: string): string {
  const title = kind === 'joint-bid' ? `Plan a joint bid to ${fundName}` : `Talk about bids to ${fundName}`;
  return title.length <= 160 ? title : `${title.slice(0, 159)}…`;
}

export function coordinationDescription(
  kind: CoordinationKind,
  fundName: string,
  funder: string,
  leadNames: readonly string[],
): string {
  if (leadNames.length < 2) {
    return kind === 'joint-bid'
      ? `Partners are interested in ${fundName} (${funder}). Agree who leads, who partners and what each brings, so partners do not compete for the same money.`
      : `Partners are interested in ${fundName} (${funder}). Meet before anyone applies to agree whether to bid together.`;
  }
  const who = `${leadNames.slice(0, -1).join(', ')} and ${leadNames.at(-1) ?? ''}`;
  return kind === 'joint-bid'
    ? `${who} each planned to lead a bid to ${fundName} (${funder}). Agree who leads, who partners and what each brings, so partners do not compete for the same money.`
    : `${who} each plan to lead a bid to ${fundName} (${funder}). Meet before anyone applies to see whether one bid, a joint bid or separate bids for different needs is best.`;
}

/**
 * The framework's indicator about bidding for funding together, if the current framework has one: an
 * indicator whose title speaks of bidding, or of funding together. Content may change, so this looks rather
 * than assuming a code.
 */
export function fundingIndicatorCode(framework: Framework): string | undefined {
  const indicators = framework.principles.flatMap((p) => p.indicators);
  const found =
    indicators.find((i) => /\bbid/i.test(i.title)) ??
    indicators.find((i) => /fund/i.test(i.title) && /together|joint|collaborat/i.test(i.title));
  return found?.code;
}
