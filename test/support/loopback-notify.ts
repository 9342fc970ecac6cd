import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the Notify client made, as the loopback server received it. */
export interface NotifyRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface NotifyAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A stand-in for GOV.UK Notify's API on 127.0.0.1: it records each request and answers as `answer` says. */
export interface LoopbackNotify {
  readonly url: string;
  readonly requests: NotifyRequest[];
  /** How to answer a request (by default 201 with a notification, as Notify does), or not at all. */
  answer: (request: NotifyRequest) => NotifyAnswer | 'no answer';
  close(): Promise<void>;
}

export const acceptedByNotify = (request: NotifyRequest): NotifyAnswer => ({
  status: 201,
  body: {
    id: randomUUID(),
    reference: request.body.reference ?? null,
    content: { subject: 'subject', body: 'body', from_email: 'common.ground@notifications.service.gov.uk' },
    uri: `https://api.notifications.service.gov.uk/v2/notifications/${randomUUID()}`,
    template: { id: request.body.template_id, version: 1, uri: 'https://api.notifications.service.gov.uk' },
  },
});

/** Notify's error answer, such as 400 BadRequestError. */
export const notifyError = (status: number, error: string, message: string): NotifyAnswer => ({
  status,
  body: { status_code: status, errors: [{ error, message }] },
});

export async function startLoopbackNotify(): Promise<LoopbackNotify> {
  const requests: NotifyRequest[] = [];
  const loopback: { -readonly [K in keyof LoopbackNotify]: LoopbackNotify[K] } = {
    url: '',
    requests,
    answer: acceptedByNotify,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: NotifyRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        authorization: incoming.headers.authorization,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
      requests.push(request);
      const answer = loopback.answer(request);
      if (answer === 'no answer') return;
      outgoing.writeHead(answer.status, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  loopback.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return loopback;
}

/** A Notify API key: its name, then the service ID and the secret key, as Notify shows it once. */
export function notifyApiKey(): {
  readonly apiKey: string;
  readonly serviceId: string;
  readonly secret: string;
} {
  const serviceId = randomUUID();
  const secret = randomUUID();
  return { apiKey: `common_ground_test-${serviceId}-${secret}`, serviceId, secret };
}

export interface CheckedToken {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signedWithSecret: boolean;
}

/** Reads a `Bearer` JSON Web Token and checks its HS256 signature against `secret`. */
export function checkBearerToken(authorization: string | undefined, secret: string): CheckedToken {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error('The request has no Bearer token');
  const [, header = '', claims = '', signature = ''] = match;
  const decode = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest();
  const given = Buffer.from(signature, 'base64url');
  return {
    header: decode(header),
    claims: decode(claims),
    signedWithSecret: given.length === expected.length && timingSafeEqual(given, expected),
  };
}
