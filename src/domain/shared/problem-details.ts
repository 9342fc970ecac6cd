/** The media type of RFC 9457 problem details. */
export const problemJsonType = 'application/problem+json; charset=utf-8';

const statusPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * An error answer of the JSON APIs (RFC 9457). `type` is about:blank, so `title` is the status's standard
 * phrase and `detail` says in plain English what went wrong and how to fix it. `error` and `message` repeat a
 * short label and the detail, as the API answered before problem details, so older clients keep working.
 */
export interface ProblemDetails {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly error: string;
  readonly message: string;
  readonly [extension: string]: unknown;
}

export function problemDetails(
  status: number,
  detail: string,
  options: { readonly label?: string; readonly extensions?: Readonly<Record<string, unknown>> } = {},
): ProblemDetails {
  const title = statusPhrases[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
  return {
    ...options.extensions,
    type: 'about:blank',
    title,
    status,
    detail,
    error: options.label ?? title,
    message: detail,
  };
}

/** The JSON Schema of a problem, for the OpenAPI documents. */
export const problemDetailsSchema = {
  type: 'object',
  description: 'Problem details (RFC 9457); error and message repeat a short label and the detail.',
  required: ['type', 'title', 'status', 'detail', 'error', 'message'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
} as const;
