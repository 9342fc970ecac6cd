import type { ImportProblem } from '../app/interchange.js';

/**
 * Characters that are never text: C0 controls other than tab, line feed and carriage return, DEL and the C1
 * controls. They arrive from damaged exports and cannot be seen; PostgreSQL refuses U+0000 outright.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** `text` without its control characters, and how many there were. */
export function withoutControlCharacters(text: string): { text: string; removed: number } {
  const removed = text.match(controlCharacters)?.length ?? 0;
  return removed === 0 ? { text, removed } : { text: text.replace(controlCharacters, ''), removed };
}

/** The kept problem for a value whose control characters were removed. */
export function controlCharactersProblem(row: number, field: string, removed: number): ImportProblem {
  return {
    row,
    field,
    reason: `held ${removed === 1 ? 'an invisible control character' : `${removed} invisible control characters`} (not letters, digits or spaces), removed from the value`,
    outcome: 'kept',
  };
}

/**
 * A JSON record with the control characters removed from every string in it, and the path of each string that
 * held some (such as `name` or `service_at_locations[0].location.name`) with how many.
 */
export function cleanJsonRecord(value: unknown): {
  value: unknown;
  cleaned: { field: string; removed: number }[];
} {
  const cleaned: { field: string; removed: number }[] = [];
  // Returns the item itself when nothing in it changed, so only records with control characters are copied.
  const walk = (item: unknown, path: string): unknown => {
    if (typeof item === 'string') {
      const result = withoutControlCharacters(item);
      if (result.removed > 0) cleaned.push({ field: path, removed: result.removed });
      return result.text;
    }
    if (item === null || typeof item !== 'object') return item;
    const entries = Array.isArray(item)
      ? item.map((entry: unknown, index) => [index, entry, walk(entry, `${path}[${index}]`)] as const)
      : Object.entries(item).map(
          ([key, entry]) => [key, entry, walk(entry, path ? `${path}.${key}` : key)] as const,
        );
    if (entries.every(([, before, after]) => before === after)) return item;
    if (Array.isArray(item)) return entries.map(([, , after]) => after);
    const copy: Record<string, unknown> = {};
    // defineProperty, so a "__proto__" key in the file stays a plain field
    for (const [key, , after] of entries)
      Object.defineProperty(copy, key, {
        value: after,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  };
  return { value: walk(value, ''), cleaned };
}
