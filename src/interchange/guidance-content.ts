import fs from 'node:fs/promises';
import path from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import matter from 'gray-matter';
import { Marked, type Tokens } from 'marked';
import {
  findIndicator,
  guidanceSlugs,
  isGuidanceSlug,
  type Framework,
} from '../domain/framework/framework.js';
import { indicatorsWithoutGuidance, type GuidanceArticle } from '../domain/guidance/guidance.js';
import { contentSchema } from './content-schema.js';
import { ContentError, type ContentProblem } from './framework-content.js';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const headingClasses: Record<number, string> = {
  1: 'govuk-heading-l',
  2: 'govuk-heading-m',
  3: 'govuk-heading-s',
};

/**
 * Markdown to HTML with GOV.UK Frontend classes. Raw HTML in the source is shown as text, never passed
 * through, and images are left out (an article has no images yet).
 */
const markdown = new Marked({ gfm: true, async: false }).use({
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(Math.max(depth, 2), 4);
      return `<h${level} class="${headingClasses[level] ?? 'govuk-heading-s'}">${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    paragraph({ tokens }: Tokens.Paragraph) {
      return `<p class="govuk-body">${this.parser.parseInline(tokens)}</p>\n`;
    },
    list(token: Tokens.List) {
      const tag = token.ordered ? 'ol' : 'ul';
      const kind = token.ordered ? 'govuk-list--number' : 'govuk-list--bullet';
      const items = token.items.map((item) => this.listitem(item)).join('');
      return `<${tag} class="govuk-list ${kind}">\n${items}</${tag}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const titled = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a class="govuk-link" href="${escapeHtml(href)}"${titled}>${this.parser.parseInline(tokens)}</a>`;
    },
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

/** Rendered HTML to plain text, for search. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An Ajv error as a place ("suggestedActions item 2 › title") and a sentence. */
function explain(error: ErrorObject): { where: string; message: string } {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
  const params = error.params as Record<string, unknown>;
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  const use = hint ? `: use ${hint}` : '';
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `the field "${String(params.missingProperty)}" is missing. Add it.`;
      break;
    case 'additionalProperties':
      segments.push(String(params.additionalProperty));
      message = 'is not a field that belongs here. Check the spelling, or remove it.';
      break;
    case 'enum':
      message = `${JSON.stringify(error.data)} is not allowed. Use one of: ${(params.allowedValues as unknown[]).join(', ')}.`;
      break;
    case 'type':
      message = `should be ${String(params.type) === 'array' ? 'a list' : String(params.type) === 'string' ? 'text' : String(params.type)}, not ${error.data instanceof Date ? error.data.toISOString().slice(0, 10) + ' without quotes' : JSON.stringify(error.data)}${use}.`;
      break;
    case 'pattern':
      message =
        String(params.pattern) === '\\S'
          ? 'is blank. Write some text.'
          : `${JSON.stringify(error.data)} is not valid${use}.`;
      break;
    case 'format':
      message = `${JSON.stringify(error.data)} is not a valid ${String(params.format)}${use}.`;
      break;
    case 'minItems':
    case 'maxItems':
      message = `needs ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} entries.`;
      break;
    case 'maxLength':
      message = `is too long: the most is ${String(params.limit)} characters. Make it shorter.`;
      break;
    default:
      message = `${error.message ?? 'is not valid'}.`;
  }
  const where = segments
    .map((segment, index) =>
      /^\d+$/.test(segment) ? `${segments[index - 1] ?? 'item'} item ${Number(segment) + 1}` : segment,
    )
    .filter((segment, index, all) => !(index + 1 < all.length && /^\d+$/.test(segments[index + 1] ?? '')))
    .join(' › ');
  return { where, message };
}

/** Reads and checks one article; returns it, or adds what is wrong to `problems`. */
async function loadArticle(
  file: string,
  framework: Framework,
  problems: ContentProblem[],
): Promise<GuidanceArticle | undefined> {
  const expectedSlug = path.basename(file, '.md');
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(await fs.readFile(file, 'utf8'));
  } catch (error) {
    problems.push({
      file,
      where: '',
      message: `cannot be read: ${(error as Error).message.split('\n')[0] ?? ''}`,
    });
    return undefined;
  }
  const data: unknown = parsed.data;
  const validate = await contentSchema('guidance.schema.json');
  const found: ContentProblem[] = [];
  if (!validate(data)) {
    for (const error of validate.errors ?? []) found.push({ file, ...explain(error) });
  }
  const front = data as Partial<Omit<GuidanceArticle, 'markdown' | 'html' | 'text'>>;
  if (typeof front.slug === 'string') {
    if (front.slug !== expectedSlug) {
      found.push({
        file,
        where: 'slug',
        message: `"${front.slug}" does not match the file name. Use "${expectedSlug}", or rename the file.`,
      });
    } else if (!isGuidanceSlug(front.slug)) {
      found.push({
        file,
        where: 'slug',
        message: `"${front.slug}" is not a guidance article the framework knows. Use one of: ${guidanceSlugs.join(', ')}.`,
      });
    }
  }
  if (Array.isArray(front.indicators)) {
    for (const code of front.indicators) {
      // Codes of the wrong shape are already reported by the schema.
      if (typeof code === 'string' && /^(SF|RC|ES|CR)\d+$/.test(code) && !findIndicator(framework, code)) {
        found.push({
          file,
          where: 'indicators',
          message: `${code} is not an indicator in framework ${framework.version}. Check the code.`,
        });
      }
    }
  }
  if (parsed.content.trim() === '') {
    found.push({ file, where: 'body', message: 'is empty. Write the article below the front matter.' });
  }
  if (found.length > 0) {
    problems.push(...found);
    return undefined;
  }
  const html = markdown.parse(parsed.content) as string;
  return {
    ...(front as Omit<GuidanceArticle, 'markdown' | 'html' | 'text'>),
    markdown: parsed.content,
    html,
    text: plainText(html),
  };
}

/**
 * Loads every guidance article (*.md) in a folder, in the order of `guidanceSlugs`. Problems in all the files
 * (including articles the framework links to but that are missing, and indicators no article lists) come
 * back as one ContentError.
 */
export async function loadGuidance(dir: string, framework: Framework): Promise<GuidanceArticle[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new ContentError([{ file: dir, where: '', message: `cannot be read: ${String(error)}.` }]);
  }
  const problems: ContentProblem[] = [];
  const articles: GuidanceArticle[] = [];
  for (const name of names) {
    const article = await loadArticle(path.join(dir, name), framework, problems);
    if (article) articles.push(article);
  }
  const present = new Set(names.map((name) => path.basename(name, '.md')));
  // Every indicator links to its guidance from results, the workshop and action suggestions.
  if (problems.length === 0) {
    const codes = framework.principles.flatMap((p) => p.indicators.map((i) => i.code));
    for (const code of indicatorsWithoutGuidance(articles, codes)) {
      problems.push({
        file: dir,
        where: 'indicators',
        message: `no article lists ${code}. Add it to the indicators of the guide that helps with it most.`,
      });
    }
  }
  for (const slug of guidanceSlugs) {
    if (!present.has(slug)) {
      problems.push({
        file: path.join(dir, `${slug}.md`),
        where: '',
        message: 'is missing. The framework links to this article, so write it.',
      });
    }
  }
  if (problems.length > 0) {
    const error = new ContentError(problems);
    error.message = error.message.replace('The framework content', 'The guidance content');
    throw error;
  }
  const order = (slug: string) => (guidanceSlugs as readonly string[]).indexOf(slug);
  return articles.sort((a, b) => order(a.slug) - order(b.slug));
}
