/** Failed sign-ins count against their email address and network address for this long. */
export const signInWindowMinutes = 15;

export interface SignInLimits {
  /** Failures allowed per email address (whether or not it has an account) in the window. */
  readonly failuresPerAccount: number;
  /** Failures allowed per network address in the window: higher, as many people may share one. */
  readonly failuresPerAddress: number;
}

export const defaultSignInLimits: SignInLimits = { failuresPerAccount: 10, failuresPerAddress: 100 };

/** The earliest time of a failure still counted at `now`. */
export function windowStart(now: Date, windowMinutes = signInWindowMinutes): Date {
  return new Date(now.getTime() - windowMinutes * 60_000);
}

/**
 * Whole minutes until one more attempt is allowed, or undefined when it is allowed now. `failures` are the
 * times of earlier failures; enough of them must leave the window to bring the count below `limit`.
 */
export function minutesUntilAllowed(
  failures: readonly Date[],
  limit: number,
  now: Date,
  windowMinutes = signInWindowMinutes,
): number | undefined {
  const start = windowStart(now, windowMinutes).getTime();
  const counted = failures
    .map((failure) => failure.getTime())
    .filter((time) => time > start)
    .sort((a, b) => a - b);
  if (counted.length < limit) return undefined;
  const mustLeave = counted[counted.length - limit] ?? start;
  const waitMs = mustLeave + windowMinutes * 60_000 - now.getTime();
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

function ipv6Groups(address: string): string[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  // An embedded IPv4 address (::ffff:192.0.2.1, 64:ff9b::192.0.2.1) fills the last two groups.
  const groupsOf = (part: string | undefined) =>
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups : undefined;
}

/**
 * What a network address is counted as: an IPv4 address itself (also when written as IPv4-mapped IPv6), and
 * an IPv6 address by its /64 network, since one home or phone is usually given a whole /64.
 */
export function networkAddressKey(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
