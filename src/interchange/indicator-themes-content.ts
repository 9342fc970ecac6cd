import fs from 'node:fs/promises';
import { parse } from 'yaml';
import type { ThemeVocabulary } from '../domain/directory/themes.js';
import { checkIndicatorThemeRules, type IndicatorThemes } from '../domain/needs/indicator-themes.js';
import { contentSchema } from './content-schema.js';
import { ContentError } from './framework-content.js';

/**
 * Reads, validates and checks the statistics-to-themes mapping (content/needs/indicator-themes.yaml) against the
 * themes vocabulary; throws a ContentError listing every problem.
 */
export async function loadIndicatorThemes(file: string, themes: ThemeVocabulary): Promise<IndicatorThemes> {
  let data: unknown;
  try {
    data = parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : (error as Error).message.split('\n')[0];
    throw new ContentError([{ file, where: '', message: `cannot be read: ${reason}.` }]);
  }
  const validate = await contentSchema('indicator-themes.schema.json');
  if (!validate(data)) {
    throw new ContentError(
      (validate.errors ?? []).map((error) => ({
        file,
        where: error.instancePath.slice(1).replace(/\//g, ' › '),
        message: `${error.message ?? 'is not valid'}.`,
      })),
    );
  }
  const mapping = data as IndicatorThemes;
  const problems = checkIndicatorThemeRules(mapping, new Set(themes.themes.map((t) => t.id)));
  if (problems.length > 0) throw new ContentError(problems.map((message) => ({ file, where: '', message })));
  return mapping;
}
