import ipaddr from 'ipaddr.js';

/**
 * Which network addresses a feed may be fetched from. Only public unicast addresses: a feed address that leads
 * to the service's own machine, the private network it runs in, or a cloud's metadata address (link-local
 * 169.254.169.254) would let anyone who can subscribe a feed read what only the service can reach.
 */

/** Why each kind of address is refused, in words for the admin who typed the feed address. */
const refusedRanges: Readonly<Record<string, string>> = {
  loopback: 'is this computer (a loopback address)',
  private: 'is on a private network',
  uniqueLocal: 'is on a private network',
  linkLocal: 'is a link-local address',
  carrierGradeNat: 'is on a private network',
  unspecified: 'is not a real address',
  broadcast: 'is a broadcast address',
  multicast: 'is a multicast address',
  reserved: 'is a reserved address',
};

export interface AddressRules {
  /** Loopback addresses (127.0.0.0/8, ::1) are allowed: only in tests, which serve feeds from this machine. */
  readonly allowLoopback: boolean;
}

/**
 * Null when a feed may be fetched from `address` (an IPv4 or IPv6 address, as DNS gives it), or what is wrong
 * with it. IPv4 addresses written as IPv6 (::ffff:10.0.0.1) are judged as the IPv4 address they carry; other
 * IPv6 forms that lead to IPv4 addresses (6to4, Teredo, NAT64) are refused, since where they lead is not checked.
 */
export function refusedAddress(address: string, rules: AddressRules): string | null {
  if (!ipaddr.isValid(address)) return 'is not a network address';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && rules.allowLoopback) return null;
  return refusedRanges[range] ?? 'does not lead to a public address';
}
