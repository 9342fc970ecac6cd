/** A few named errors that the web and API layers map to status codes and plain-English pages. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Input that breaks a rule; `fields` maps a form field to what the person should do. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(Object.values(fields).join('; '));
  }
}
