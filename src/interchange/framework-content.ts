import fs from 'node:fs/promises';
import path from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument } from 'yaml';
import { contentDir, contentSchema } from './content-schema.js';
import { checkFrameworkRules, type Framework } from '../domain/framework/framework.js';

export { contentDir };

/** One thing a content editor must fix: where it is and what to do. */
export interface ContentProblem {
  readonly file: string;
  /** 1-based line in the file, when the problem can be pinned to one. */
  readonly line?: number;
  /** Where in the content, like "indicator SF1 › levels"; empty for the whole file. */
  readonly where: string;
  readonly message: string;
}

/** Content that cannot be used. The message lists every problem, one a line, with file, line and place. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: readonly ContentProblem[]) {
    super(describeProblems(problems));
  }
}

function describeProblems(problems: readonly ContentProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => {
    const at = p.line === undefined ? p.file : `${p.file}:${p.line}`;
    return `- ${at} ${p.where ? `${p.where}: ` : ''}${p.message}`;
  });
  return [`The framework content has ${count}. Fix each one and try again:`, ...lines].join('\n');
}

type Segment = string | number;

/** "/principles/0/indicators" -> ['principles', 0, 'indicators'] */
function segmentsOf(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A place a person can find: list entries with a code are named by it ("indicator SF1"), others counted. */
function describePlace(data: unknown, segments: readonly Segment[]): string {
  const parts: string[] = [];
  let node: unknown = data;
  segments.forEach((segment, index) => {
    const child: unknown =
      node !== null && typeof node === 'object' ? (node as Record<Segment, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const listName = String(segments[index - 1] ?? 'item');
      const code = (child as { code?: unknown } | undefined)?.code;
      parts.pop();
      // Codes are unique, so a coded entry names the place on its own: "indicator SF1", not "principle SF › …".
      if (typeof code === 'string' && code !== '')
        parts.splice(0, parts.length, `${listName.replace(/s$/, '')} ${code}`);
      else parts.push(`${listName} item ${segment + 1}`);
    } else {
      parts.push(segment);
    }
    node = child;
  });
  return parts.join(' › ');
}

const typeNames: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named fields',
};

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** An Ajv error as a sentence, and the path it belongs to. */
function explain(error: ErrorObject): { segments: Segment[]; message: string } {
  const segments = segmentsOf(error.instancePath);
  const schema = (error.parentSchema ?? {}) as { description?: string; minItems?: number; maxItems?: number };
  const params = error.params as Record<string, unknown>;
  const hint = schema.description ? `: use ${schema.description}` : '';
  switch (error.keyword) {
    case 'required':
      return { segments, message: `the field "${String(params.missingProperty)}" is missing. Add it.` };
    case 'additionalProperties':
      return {
        segments: [...segments, String(params.additionalProperty)],
        message: 'is not a field that belongs here. Check the spelling, or remove it.',
      };
    case 'minItems':
    case 'maxItems': {
      const count = Array.isArray(error.data) ? error.data.length : 0;
      const wanted =
        schema.minItems !== undefined && schema.minItems === schema.maxItems
          ? `exactly ${schema.minItems}`
          : error.keyword === 'minItems'
            ? `at least ${String(params.limit)}`
            : `at most ${String(params.limit)}`;
      return { segments, message: `needs ${wanted} entries, but it has ${count}.` };
    }
    case 'uniqueItems':
      return { segments, message: `lists ${show((error.data as unknown[])[Number(params.j)])} twice.` };
    case 'pattern':
      return String(params.pattern) === '\\S'
        ? { segments, message: 'is blank. Write some text.' }
        : { segments, message: `${show(error.data)} is not valid${hint}.` };
    case 'format':
      return { segments, message: `${show(error.data)} is not a valid ${String(params.format)}${hint}.` };
    case 'maxLength':
      return {
        segments,
        message: `is too long: ${String(error.data).length} characters, and the most is ${String(params.limit)}. Make it shorter.`,
      };
    case 'type':
      return {
        segments,
        message: `should be ${typeNames[String(params.type)] ?? String(params.type)}, not ${show(error.data)}${hint}.`,
      };
    case 'minimum':
    case 'maximum':
      return {
        segments,
        message: `${show(error.data)} is out of range${hint || `: ${error.message ?? ''}`}.`,
      };
    case 'enum':
      return {
        segments,
        message: `${show(error.data)} is not allowed. Use one of: ${(params.allowedValues as unknown[]).join(', ')}.`,
      };
    default:
      return { segments, message: `${error.message ?? 'is not valid'}.` };
  }
}

/** Reads, validates and checks one framework file; throws a ContentError listing every problem. */
export async function loadFramework(file: string): Promise<Framework> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(error);
    throw new ContentError([{ file, where: '', message: `cannot be read: ${reason}.` }]);
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ContentError(
      document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        where: '',
        message: `is not valid YAML: ${error.message.split('\n')[0] ?? error.code}`,
      })),
    );
  }
  const data: unknown = document.toJS();

  /** The line of the deepest part of `segments` that exists in the file. */
  const lineOf = (segments: readonly Segment[]): number | undefined => {
    for (let length = segments.length; length >= 0; length -= 1) {
      const node = length === 0 ? document.contents : document.getIn(segments.slice(0, length), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };

  const validate = await contentSchema('framework.schema.json');
  if (!validate(data)) {
    throw new ContentError(
      (validate.errors ?? []).map((error) => {
        const { segments, message } = explain(error);
        return { file, line: lineOf(segments), where: describePlace(data, segments), message };
      }),
    );
  }

  const framework = data as Framework;
  const problems = checkFrameworkRules(framework);
  if (problems.length > 0) {
    throw new ContentError(problems.map((message) => ({ file, where: '', message })));
  }
  return framework;
}

/**
 * Loads every framework file (*.yaml, *.yml) in a folder, keyed by version. Problems in all the files are
 * collected into one ContentError, so an editor sees everything to fix at once.
 */
export async function loadFrameworks(dir: string): Promise<Map<string, Framework>> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (error) {
    throw new ContentError([{ file: dir, where: '', message: `cannot be read: ${String(error)}.` }]);
  }
  if (names.length === 0) {
    throw new ContentError([{ file: dir, where: '', message: 'has no framework files (*.yaml).' }]);
  }

  const frameworks = new Map<string, Framework>();
  const fileOf = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const framework = await loadFramework(file);
      const earlier = fileOf.get(framework.version);
      if (earlier !== undefined) {
        problems.push({
          file,
          where: 'version',
          message: `${framework.version} is also the version in ${earlier}. Each file needs its own version.`,
        });
        continue;
      }
      frameworks.set(framework.version, framework);
      fileOf.set(framework.version, file);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return frameworks;
}
