import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { checkThemeRules, type ThemeVocabulary } from '../domain/directory/themes.js';
import { contentSchema } from './content-schema.js';
import { ContentError } from './framework-content.js';

/** Reads, validates and checks the themes vocabulary (content/themes/themes.yaml); throws a ContentError. */
export async function loadThemes(file: string): Promise<ThemeVocabulary> {
  let data: unknown;
  try {
    data = parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : (error as Error).message.split('\n')[0];
    throw new ContentError([{ file, where: '', message: `cannot be read: ${reason}.` }]);
  }
  const validate = await contentSchema('themes.schema.json');
  if (!validate(data)) {
    throw new ContentError(
      (validate.errors ?? []).map((error) => ({
        file,
        where: error.instancePath.slice(1).replace(/\//g, ' › '),
        message: `${error.message ?? 'is not valid'}${
          error.keyword === 'additionalProperties'
            ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
            : ''
        }.`,
      })),
    );
  }
  const vocabulary = data as ThemeVocabulary;
  const problems = checkThemeRules(vocabulary);
  if (problems.length > 0) throw new ContentError(problems.map((message) => ({ file, where: '', message })));
  return vocabulary;
}
