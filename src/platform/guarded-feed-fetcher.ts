import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import {
  FeedFetchError,
  type FeedFetcher,
  type FeedPageAnswer,
  type FeedPageRequest,
} from '../app/feeds/feed-fetcher.js';
import { refusedAddress } from '../domain/shared/network-addresses.js';

export interface FeedFetchLimits {
  /** Plain http and loopback addresses are allowed: only in tests, which serve feeds from this machine. */
  readonly allowLoopbackAndHttp: boolean;
  /** The largest page, in bytes, before and after it is decompressed. */
  readonly maxBytes: number;
  /** How long one page may take, redirects included. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
}

export const defaultFeedFetchLimits: FeedFetchLimits = {
  allowLoopbackAndHttp: false,
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
};

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves a host name the way the connection will, and refuses it unless every address it has is allowed, so
 * a name with one public and one private address cannot be used to reach the private one. The connection is
 * made to the addresses checked here, never to a second answer from DNS.
 */
function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refused = refusedAddress(address, { allowLoopback });
        if (refused) return callback(new FeedFetchError(`The feed’s address ${refused}`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new FeedFetchError('The feed’s address has no network address'), []);
      callback(null, first.address, first.family);
    });
  };
}

function checkAddress(address: URL, limits: FeedFetchLimits): void {
  const schemes = limits.allowLoopbackAndHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(address.protocol)) {
    throw new FeedFetchError('The feed’s address must start with https://');
  }
  if (address.username || address.password) {
    throw new FeedFetchError('The feed’s address must not hold a user name or password');
  }
  const host = address.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    const refused = refusedAddress(host, { allowLoopback: limits.allowLoopbackAndHttp });
    if (refused) throw new FeedFetchError(`The feed’s address ${refused}`);
  }
}

function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const options = { maxOutputLength: maxBytes };
  try {
    if (!encoding || encoding === 'identity') return body;
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, options);
    if (encoding === 'deflate') return inflateSync(body, options);
    if (encoding === 'br') return brotliDecompressSync(body, options);
  } catch {
    throw new FeedFetchError(`A page of the feed is larger than ${maxBytes / 1024 / 1024} MB or damaged`);
  }
  throw new FeedFetchError(`A page of the feed came compressed in a way we cannot read (${encoding})`);
}

interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

function requestOnce(
  address: URL,
  headers: Record<string, string>,
  limits: FeedFetchLimits,
  signal: AbortSignal,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const transport = address.protocol === 'https:' ? https : http;
    const request = transport.request(
      address,
      { method: 'GET', headers, signal, lookup: guardedLookup(limits.allowLoopbackAndHttp) },
      (response) => {
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > limits.maxBytes) {
          response.destroy();
          reject(tooLarge(limits));
          return;
        }
        const pieces: Buffer[] = [];
        let size = 0;
        response.on('data', (piece: Buffer) => {
          size += piece.length;
          if (size > limits.maxBytes) {
            response.destroy();
            reject(tooLarge(limits));
            return;
          }
          pieces.push(piece);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(pieces),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const tooLarge = (limits: FeedFetchLimits) =>
  new FeedFetchError(`A page of the feed is larger than ${limits.maxBytes / 1024 / 1024} MB`);

function failure(error: unknown, address: URL, limits: FeedFetchLimits): FeedFetchError {
  if (error instanceof FeedFetchError) return error;
  const name = (error as Error).name;
  if (name === 'AbortError' || name === 'TimeoutError') {
    return new FeedFetchError(
      `A page of the feed did not arrive within ${limits.timeoutMs / 1000} seconds (${address.host})`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new FeedFetchError(`There is no website at ${address.host}: check the feed’s address`);
  }
  return new FeedFetchError(`Could not reach ${address.host} (${code ?? (error as Error).message})`);
}

/**
 * Fetches one feed page: https only (plain http and loopback only under the test setting), never from a
 * private, link-local or loopback address, each redirect checked again by the same rules, the page no larger
 * than the limit (compressed or not) and within the time limit. The validators sent (ETag, Last-Modified) make
 * an unchanged page answer 304, which is "unchanged".
 */
export function guardedFeedFetcher(limits: FeedFetchLimits = defaultFeedFetchLimits): FeedFetcher {
  return {
    async fetch(request: FeedPageRequest): Promise<FeedPageAnswer> {
      const signal = AbortSignal.timeout(limits.timeoutMs);
      let address: URL;
      try {
        address = new URL(request.address);
      } catch {
        throw new FeedFetchError('The feed’s address is not a web address');
      }
      const headers: Record<string, string> = {
        accept: 'application/json',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': 'Common Ground feed subscription',
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      for (let redirects = 0; ; redirects += 1) {
        checkAddress(address, limits);
        let answer: RawAnswer;
        try {
          answer = await requestOnce(address, headers, limits, signal);
        } catch (error) {
          throw failure(error, address, limits);
        }
        if (answer.status === 304) return { kind: 'unchanged' };
        const location = answer.headers.location;
        if (answer.status >= 300 && answer.status < 400 && location) {
          if (redirects >= limits.maxRedirects) {
            throw new FeedFetchError(`The feed redirected more than ${limits.maxRedirects} times`);
          }
          address = new URL(location, address);
          continue;
        }
        if (answer.status !== 200) {
          throw new FeedFetchError(
            `The feed answered with an error (HTTP ${answer.status}) at ${address.host}`,
          );
        }
        const contentEncoding = answer.headers['content-encoding']?.toLowerCase();
        const body = decompress(answer.body, contentEncoding, limits.maxBytes)
          .toString('utf8')
          .replace(/^\uFEFF/, '');
        const etag = answer.headers.etag ?? null;
        const lastModified = answer.headers['last-modified'] ?? null;
        return { kind: 'fetched', body, etag, lastModified };
      }
    },
  };
}
