import { toPlainText } from './plain-text.js';
import { cleanText } from './values.js';

/** Reading loosely typed feed JSON: objects, lists and text, with empty values as null. */

export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
export const asList = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map(asObject).filter((item): item is Json => item !== null) : [];
export const text = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? cleanText(value) : null;
export const plain = (value: unknown): string | null =>
  typeof value === 'string' ? toPlainText(value) || null : null;
export const joined = (parts: readonly (string | null | undefined)[], separator = ', '): string | null =>
  parts.filter((part): part is string => !!part).join(separator) || null;
