import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { checkLexiconRules, type ThemeLexicon } from '../domain/directory/theme-classifier.js';
import type { ThemeVocabulary } from '../domain/directory/themes.js';
import { contentSchema } from './content-schema.js';
import { ContentError } from './framework-content.js';

/**
 * Reads, validates and checks the theme lexicon (content/themes/lexicon.yaml) against the themes vocabulary;
 * throws a ContentError listing every problem.
 */
export async function loadThemeLexicon(file: string, themes: ThemeVocabulary): Promise<ThemeLexicon> {
  let data: unknown;
  try {
    data = parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : (error as Error).message.split('\n')[0];
    throw new ContentError([{ file, where: '', message: `cannot be read: ${reason}.` }]);
  }
  const validate = await contentSchema('theme-lexicon.schema.json');
  if (!validate(data)) {
    throw new ContentError(
      (validate.errors ?? []).map((error) => ({
        file,
        where: error.instancePath.slice(1).replace(/\//g, ' › '),
        message: `${error.message ?? 'is not valid'}.`,
      })),
    );
  }
  const lexicon = data as ThemeLexicon;
  const problems = checkLexiconRules(lexicon, themes);
  if (problems.length > 0) throw new ContentError(problems.map((message) => ({ file, where: '', message })));
  return lexicon;
}
