import type { z } from 'zod';
import { ValidationError } from '../app/errors.js';

export interface FormErrors {
  readonly list: { text: string; href: string }[];
  readonly fields: Record<string, { text: string }>;
}

/** Shapes field problems for the GOV.UK error summary and each field's error message. */
export function formErrors(fields: Readonly<Record<string, string>>): FormErrors {
  return {
    list: Object.entries(fields).map(([field, text]) => ({ text, href: `#${field}` })),
    fields: Object.fromEntries(Object.entries(fields).map(([field, text]) => [field, { text }])),
  };
}

/** Parses a form body with a zod schema whose messages are written for people; throws ValidationError. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fields[field] ??= issue.message;
  }
  throw new ValidationError(fields);
}

/** A plain text field from a form body, trimmed; absent fields become empty strings. */
export function text(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.trim() : '';
}
