const nameKeys = ['name', 'title', 'fundName', 'displayName'] as const;
const idKeys = ['id', 'code'] as const;
/** Deep enough for `view.round.name`, shallow enough to stay cheap on pages with long lists. */
const searchDepth = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nameOf(value: Record<string, unknown>): string | undefined {
  for (const key of nameKeys) {
    const name = value[key];
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return undefined;
}

function findName(value: unknown, id: string, depth: number): string | undefined {
  if (!isRecord(value)) return undefined;
  if (idKeys.some((key) => value[key] === id)) {
    const name = nameOf(value);
    if (name) return name;
  }
  if (depth === 0) return undefined;
  for (const child of Object.values(value)) {
    const found = findName(child, id, depth - 1);
    if (found) return found;
  }
  return undefined;
}

function safelyDecoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Names the records a page's address is about from what the page already shows: for `rounds/1234` it finds the
 * object with id `1234` (such as `view.round`) in the page's context and gives its name or title.
 */
export function recordNamesFrom(
  context: Record<string, unknown>,
): (recordPath: string) => string | undefined {
  return (recordPath) => {
    const id = safelyDecoded(recordPath.split('/').at(-1) ?? '');
    return id ? findName(context, id, searchDepth) : undefined;
  };
}
