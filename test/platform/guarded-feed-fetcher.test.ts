import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedFetchError } from '../../src/app/feeds/feed-fetcher.js';
import { defaultFeedFetchLimits, guardedFeedFetcher } from '../../src/platform/guarded-feed-fetcher.js';

/** A loopback server answering the paths the tests ask for. */
let server: http.Server;
let base: string;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    const path = request.url ?? '/';
    if (path === '/page') {
      if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
      return response
        .writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 07 Dec 2026 10:00:00 GMT' })
        .end('{"a":1}');
    }
    if (path === '/gzip') {
      return response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":true}'));
    }
    if (path === '/big') return response.writeHead(200).end('x'.repeat(2048));
    if (path === '/bomb') {
      return response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('y'.repeat(1_000_000)));
    }
    if (path === '/to-page') return response.writeHead(302, { location: '/page' }).end();
    if (path === '/to-metadata') {
      return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    }
    if (path === '/loop') return response.writeHead(302, { location: '/loop' }).end();
    if (path === '/slow') return; // never answers
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const testing = guardedFeedFetcher({
  ...defaultFeedFetchLimits,
  allowLoopbackAndHttp: true,
  maxBytes: 1024,
  timeoutMs: 1_000,
});
const fetchPage = (address: string, etag: string | null = null) =>
  testing.fetch({ address, etag, lastModified: null });

describe('guarded feed fetcher', () => {
  it('returns the page with its validators, and "unchanged" when the ETag still matches', async () => {
    expect(await fetchPage(`${base}/page`)).toEqual({
      kind: 'fetched',
      body: '{"a":1}',
      etag: '"v1"',
      lastModified: 'Mon, 07 Dec 2026 10:00:00 GMT',
    });
    expect(await fetchPage(`${base}/page`, '"v1"')).toEqual({ kind: 'unchanged' });
    expect(seen.at(-1)?.['if-none-match']).toBe('"v1"');
  });

  it('follows a redirect to an allowed address and reads compressed pages', async () => {
    expect(await fetchPage(`${base}/to-page`)).toMatchObject({ kind: 'fetched', body: '{"a":1}' });
    expect(await fetchPage(`${base}/gzip`)).toMatchObject({ body: '{"zipped":true}' });
  });

  it.each([
    ['a redirect to a link-local address', '/to-metadata', 'The feed’s address is a link-local address'],
    ['too many redirects', '/loop', 'The feed redirected more than 5 times'],
    ['a page over the size limit', '/big', 'A page of the feed is larger than'],
    ['a compressed page over the size limit', '/bomb', 'A page of the feed is larger than'],
    ['a page that takes too long', '/slow', 'did not arrive within 1 seconds'],
    ['an error answer', '/missing', 'The feed answered with an error (HTTP 404)'],
  ])('refuses %s', async (_label, path, message) => {
    const error = await fetchPage(`${base}${path}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedFetchError);
    expect((error as Error).message).toContain(message);
  });

  it.each([
    ['plain http', 'http://feed.example/services', 'must start with https://'],
    ['a loopback address', 'https://127.0.0.1/services', 'is this computer (a loopback address)'],
    ['a loopback name', 'https://localhost/services', 'is this computer (a loopback address)'],
    ['an IPv6 loopback', 'https://[::1]/services', 'is this computer (a loopback address)'],
    ['a private address', 'https://10.0.0.8/services', 'is on a private network'],
    ['an IPv4-mapped private address', 'https://[::ffff:192.168.0.1]/services', 'is on a private network'],
    ['a link-local IPv6 address', 'https://[fe80::1]/services', 'is a link-local address'],
    ['credentials in the address', 'https://user:secret@feed.example/', 'must not hold a user name'],
  ])('outside tests refuses %s before connecting', async (_label, address, message) => {
    const error = await guardedFeedFetcher()
      .fetch({ address, etag: null, lastModified: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedFetchError);
    expect((error as Error).message).toContain(message);
  });

  it('in tests still refuses private addresses', async () => {
    await expect(fetchPage('http://192.168.1.1/services')).rejects.toThrow('is on a private network');
  });
});
