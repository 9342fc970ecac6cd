import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  checkFrameworkRules,
  frameworkRules,
  guidanceSlugs,
  indicatorsFor,
  principleOf,
} from '../../src/domain/framework/framework.js';
import {
  ContentError,
  contentDir,
  loadFramework,
  loadFrameworks,
} from '../../src/interchange/framework-content.js';

const frameworkDir = path.join(contentDir, 'framework');
const v1File = path.join(frameworkDir, 'v1.yaml');
const v1Text = fs.readFileSync(v1File, 'utf8');

/** The error `promise` rejects with, which must be a ContentError. */
async function contentError(promise: Promise<unknown>): Promise<ContentError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('the published framework content', () => {
  it('loads v1.yaml with no problems: 24 indicators, 8 in the quick check, 2 per principle', async () => {
    const framework = await loadFramework(v1File);
    expect(framework.version).toBe('2026.1');
    expect(framework.published).toBe('2026-11-25');
    expect(checkFrameworkRules(framework)).toEqual([]);
    expect(indicatorsFor(framework, 'full')).toHaveLength(24);
    expect(indicatorsFor(framework, 'quick').map((i) => i.code)).toEqual([
      'SF1',
      'SF5',
      'RC1',
      'RC2',
      'ES1',
      'ES3',
      'CR2',
      'CR4',
    ]);
    expect(framework.principles.map((p) => p.code)).toEqual(['SF', 'RC', 'ES', 'CR']);
    expect(principleOf(framework, 'ES4')?.name).toBe('Effective structures');
    expect(framework.scale.levels.map((l) => l.name)).toEqual([
      'Ad hoc',
      'Developing',
      'Established',
      'Embedded',
    ]);
  });

  it('loads v2.yaml: a revision of 2026.1 with the same codes and quick check, and a change log', async () => {
    const [v1, v2] = await Promise.all([
      loadFramework(v1File),
      loadFramework(path.join(frameworkDir, 'v2.yaml')),
    ]);
    expect(v2.version).toBe('2026.2');
    expect(checkFrameworkRules(v2)).toEqual([]);
    const codes = (f: typeof v1, kind: 'full' | 'quick') => indicatorsFor(f, kind).map((i) => i.code);
    expect(codes(v2, 'full')).toEqual(codes(v1, 'full'));
    expect(codes(v2, 'quick')).toEqual(codes(v1, 'quick'));
    const changed = indicatorsFor(v2, 'full')
      .filter((i) => i.statement !== indicatorsFor(v1, 'full').find((j) => j.code === i.code)?.statement)
      .map((i) => i.code);
    expect(changed).toEqual(['RC6', 'ES5', 'ES6']);
    for (const code of changed) expect(v2.changelog).toContain(code);
  });

  it('keys the content folder by version', async () => {
    const frameworks = await loadFrameworks(frameworkDir);
    expect([...frameworks.keys()]).toContain('2026.1');
    expect([...frameworks.keys()]).toContain('2026.2');
    expect(frameworks.get('2026.1')?.principles).toHaveLength(4);
  });

  it('keeps the schema list of guidance articles in step with the domain', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(contentDir, 'schema', 'framework.schema.json'), 'utf8'),
    ) as { $defs: { guidanceSlug: { enum: string[] } } };
    expect(schema.$defs.guidanceSlug.enum).toEqual([...guidanceSlugs]);
  });
});

describe('broken framework content', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-framework-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a changed copy of v1.yaml into the temp folder and returns its path and text. */
  function brokenCopy(name: string, change: (doc: ReturnType<typeof parseDocument>) => void) {
    const doc = parseDocument(v1Text);
    change(doc);
    const file = path.join(dir, name);
    const text = String(doc);
    fs.writeFileSync(file, text);
    return { file, text };
  }

  const lineOf = (text: string, needle: string): number =>
    text.split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('names every schema problem with its place and line, in one error', async () => {
    const { file, text } = brokenCopy('broken.yaml', (doc) => {
      doc.deleteIn(['principles', 0, 'indicators', 0, 'levels', 3]); // SF1 loses level 4
      doc.setIn(['principles', 1, 'indicators', 1, 'code'], 'RC-2'); // bad code
      doc.setIn(['principles', 2, 'indicators', 2, 'guidance', 1], 'how-to-win-friends'); // ES3
      doc.setIn(['principles', 3, 'indicators', 0, 'colour'], 'green'); // CR1: not a field
    });

    const error = await contentError(loadFramework(file));
    expect(error.problems).toHaveLength(4);
    expect(error.message).toContain('The framework content has 4 problems.');
    expect(error.message).toContain('indicator SF1 › levels: needs exactly 4 entries, but it has 3.');
    expect(error.message).toContain('indicator RC-2 › code: "RC-2" is not valid: use its principle');
    expect(error.message).toContain(
      'indicator ES3 › guidance item 2: "how-to-win-friends" is not allowed. Use one of: cost-of-living-top-tips',
    );
    expect(error.message).toContain(
      'indicator CR1 › colour: is not a field that belongs here. Check the spelling, or remove it.',
    );
    const colour = error.problems.find((p) => p.where.endsWith('colour'));
    expect(colour?.line).toBe(lineOf(text, 'colour: green'));
    expect(error.message).toContain(`${file}:${lineOf(text, 'code: RC-2')} indicator RC-2 › code`);
    expect(error.problems.every((p) => p.file === file && p.line !== undefined)).toBe(true);
  });

  it('reports a missing field, a blank statement, a bad date and a wrong type', async () => {
    const { file } = brokenCopy('missing.yaml', (doc) => {
      doc.deleteIn(['principles', 0, 'indicators', 1, 'statement']);
      doc.setIn(['principles', 0, 'indicators', 2, 'statement'], '   ');
      doc.setIn(['published'], '25/11/2026');
      doc.setIn(['principles', 0, 'indicators', 3, 'quickCheck'], 'yes');
    });
    const error = await contentError(loadFramework(file));
    expect(error.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'published: "25/11/2026" is not a valid date: use a date written as YYYY-MM-DD, like 2026-11-25.',
      'indicator SF2: the field "statement" is missing. Add it.',
      'indicator SF3 › statement: is blank. Write some text.',
      'indicator SF4 › quickCheck: should be true or false, not "yes".',
    ]);
  });

  it('reports the framework rules once the shape is right', async () => {
    const { file } = brokenCopy('rules.yaml', (doc) => {
      doc.setIn(['principles', 0, 'indicators', 2, 'quickCheck'], true); // SF3 joins the quick check
      doc.setIn(['principles', 1, 'indicators', 5, 'code'], 'SF7'); // RC6 under the wrong code
    });
    const error = await contentError(loadFramework(file));
    expect(error.problems.map((p) => p.message)).toEqual([
      expect.stringContaining(`The quick check has 9 indicators`),
      expect.stringContaining('Principle SF has 3 quick-check indicators (SF1, SF3, SF5).'),
      expect.stringContaining('Indicator SF7 is listed under principle RC.'),
    ]);
    expect(frameworkRules.quickCheckCount).toBe(8);
  });

  it('reports YAML that cannot be parsed, with its line', async () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'id: x\nversion: "2026.1\ntitle: oops\n');
    const error = await contentError(loadFramework(file));
    expect(error.problems[0]?.message).toMatch(/^is not valid YAML/);
    expect(error.problems[0]?.line).toBeGreaterThan(0);
  });

  it('collects problems from every file in a folder and refuses two files with one version', async () => {
    fs.copyFileSync(v1File, path.join(dir, 'a.yaml'));
    fs.copyFileSync(v1File, path.join(dir, 'b.yaml'));
    brokenCopy('c.yaml', (doc) => {
      doc.setIn(['version'], '2027.1');
      doc.deleteIn(['about']);
    });
    const error = await contentError(loadFrameworks(dir));
    expect(error.problems.map((p) => [path.basename(p.file), p.message])).toEqual([
      [
        'b.yaml',
        `2026.1 is also the version in ${path.join(dir, 'a.yaml')}. Each file needs its own version.`,
      ],
      ['c.yaml', 'the field "about" is missing. Add it.'],
    ]);
  });

  it('refuses a folder with no framework files', async () => {
    const error = await contentError(loadFrameworks(dir));
    expect(error.message).toContain('has no framework files');
  });
});
