import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export type Response = LightMyRequestResponse;

/**
 * One person's browser over `app.inject`: keeps cookies as the server set them (signed values, raw) and the
 * `_csrf` token of the last HTML page, which `post` sends unless told otherwise.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', url, undefined, headers);
  }

  /** Posts a form; adds the last page's `_csrf` unless the form has one or `csrf` is false. */
  post(url: string, form: Record<string, string> = {}, options: { csrf?: boolean } = {}): Promise<Response> {
    return this.send('POST', url, form, options);
  }

  /** Any method: GET without a body, anything else as a form like `post`. */
  send(
    method: string,
    url: string,
    form: Record<string, string> = {},
    options: { csrf?: boolean } = {},
  ): Promise<Response> {
    if (method === 'GET') return this.get(url);
    const body = { ...form };
    if (options.csrf !== false && body._csrf === undefined && this.csrfToken) body._csrf = this.csrfToken;
    return this.request(method, url, body);
  }

  /** Opens the sign-in page (for its CSRF token) and signs in; answers the POST's response. */
  async signIn(email: string, password: string): Promise<Response> {
    await this.get('/sign-in');
    return this.post('/sign-in', { email, password });
  }

  /** Any request with this browser's cookies, such as a multipart upload (see multipart.ts). */
  async raw(options: { method: 'POST'; url: string; headers: Record<string, string>; payload: Buffer }) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { ...(cookie ? { cookie } : {}), ...options.headers },
    });
    this.keepCookies(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get('cg_session');
  }

  private async request(
    method: string,
    url: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    this.keepCookies(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  private keepCookies(response: Response): void {
    const header = response.headers['set-cookie'];
    for (const line of Array.isArray(header) ? header : header ? [header] : []) {
      const [pair = '', ...attributes] = line.split(';');
      const split = pair.indexOf('=');
      const name = pair.slice(0, split).trim();
      const value = pair.slice(split + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
