/**
 * Warnings for the people who run a round when a group has fewer invitees than the anonymity threshold: its
 * answers could never be shown, however many of those invited answer. Pure: no I/O.
 */

export interface GroupInvitations {
  readonly groupId: string;
  readonly groupName: string;
  readonly invited: number;
}

function peopleInvited(invited: number): string {
  if (invited === 0) return 'nobody invited yet';
  return `${invited} ${invited === 1 ? 'person' : 'people'} invited`;
}

/** The warning for one group, or undefined when it has at least as many invitees as the threshold. */
export function invitationWarning(groupName: string, invited: number, threshold: number): string | undefined {
  const short = threshold - invited;
  if (short <= 0) return undefined;
  return (
    `${groupName} has ${peopleInvited(invited)}. Answers from a group are only shown when at least ` +
    `${threshold} people answer, so invite at least ${short} more or the answers from ${groupName} ` +
    'will not be shown.'
  );
}

/** A warning for each group below the threshold, keyed by group id, in the order given. */
export function invitationWarnings(
  groups: readonly GroupInvitations[],
  threshold: number,
): { readonly groupId: string; readonly text: string }[] {
  return groups.flatMap((group) => {
    const text = invitationWarning(group.groupName, group.invited, threshold);
    return text === undefined ? [] : [{ groupId: group.groupId, text }];
  });
}
