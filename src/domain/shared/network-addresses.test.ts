import { describe, expect, it } from 'vitest';
import { refusedAddress } from './network-addresses.js';

const strict = { allowLoopback: false };
const tests = { allowLoopback: true };

describe('refusedAddress', () => {
  it.each([
    ['IPv4 loopback', '127.0.0.1', 'is this computer (a loopback address)'],
    ['IPv4 loopback, elsewhere in 127/8', '127.8.9.10', 'is this computer (a loopback address)'],
    ['IPv6 loopback', '::1', 'is this computer (a loopback address)'],
    ['IPv4 loopback written as IPv6', '::ffff:127.0.0.1', 'is this computer (a loopback address)'],
    ['private 10/8', '10.1.2.3', 'is on a private network'],
    ['private 172.16/12', '172.31.255.1', 'is on a private network'],
    ['private 192.168/16', '192.168.0.10', 'is on a private network'],
    ['private written as IPv6', '::ffff:192.168.1.1', 'is on a private network'],
    ['private written as IPv6 in hex', '::ffff:a00:1', 'is on a private network'],
    ['shared address space (carrier-grade NAT)', '100.64.0.1', 'is on a private network'],
    ['IPv6 unique local', 'fd12:3456::1', 'is on a private network'],
    ['IPv4 link-local (cloud metadata)', '169.254.169.254', 'is a link-local address'],
    ['IPv6 link-local', 'fe80::1', 'is a link-local address'],
    ['IPv4 unspecified', '0.0.0.0', 'is not a real address'],
    ['IPv6 unspecified', '::', 'is not a real address'],
    ['IPv4 broadcast', '255.255.255.255', 'is a broadcast address'],
    ['IPv4 multicast', '224.0.0.1', 'is a multicast address'],
    ['IPv6 multicast', 'ff02::1', 'is a multicast address'],
    ['IPv4 documentation range', '192.0.2.1', 'is a reserved address'],
    ['NAT64 to a private address', '64:ff9b::a00:1', 'does not lead to a public address'],
    ['6to4 from a private address', '2002:a00:1::', 'does not lead to a public address'],
    ['Teredo', '2001::1', 'does not lead to a public address'],
    ['not an address', 'feed.example', 'is not a network address'],
  ])('refuses %s (%s)', (_label, address, reason) => {
    expect(refusedAddress(address, strict)).toBe(reason);
  });

  it.each([
    ['public IPv4', '8.8.8.8'],
    ['public IPv4 beside a private range', '172.32.0.1'],
    ['public IPv6', '2a00:1450:4009:81f::200e'],
    ['public IPv4 written as IPv6', '::ffff:8.8.4.4'],
  ])('allows %s (%s)', (_label, address) => {
    expect(refusedAddress(address, strict)).toBeNull();
  });

  it.each([
    ['IPv4 loopback', '127.0.0.1', null],
    ['IPv6 loopback', '::1', null],
    ['private 10/8, still refused', '10.0.0.1', 'is on a private network'],
    ['link-local, still refused', '169.254.169.254', 'is a link-local address'],
  ])('in tests allows loopback only: %s', (_label, address, reason) => {
    expect(refusedAddress(address, tests)).toBe(reason);
  });
});
