import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guidanceSlugs, indicatorsFor, type Framework } from '../../src/domain/framework/framework.js';
import { guidanceForIndicator, type GuidanceArticle } from '../../src/domain/guidance/guidance.js';
import { ContentError, contentDir, loadFramework } from '../../src/interchange/framework-content.js';
import { loadGuidance } from '../../src/interchange/guidance-content.js';

const guidanceDir = path.join(contentDir, 'guidance');

let framework: Framework;
let articles: GuidanceArticle[];

beforeAll(async () => {
  framework = await loadFramework(path.join(contentDir, 'framework', 'v1.yaml'));
  articles = await loadGuidance(guidanceDir, framework);
});

const wordCount = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

describe('the published guidance', () => {
  it('loads all 7 articles with no problems, in the order of guidanceSlugs', () => {
    expect(articles.map((a) => a.slug)).toEqual([...guidanceSlugs]);
    expect(articles[0]?.title).toBe('Supporting the VCS through the cost-of-living crisis: top tips');
  });

  it('links every article from at least one framework indicator, and each article back to one of them', () => {
    const indicators = indicatorsFor(framework, 'full');
    for (const article of articles) {
      const linking = indicators.filter((i) => i.guidance.includes(article.slug)).map((i) => i.code);
      expect(linking.length, article.slug).toBeGreaterThan(0);
      expect(
        article.indicators.some((code) => linking.includes(code)),
        article.slug,
      ).toBe(true);
    }
  });

  it.each(['v1.yaml', 'v2.yaml'])(
    'gives every indicator of framework %s at least one guide, the first being one it links to if any',
    async (file) => {
      const version = await loadFramework(path.join(contentDir, 'framework', file));
      for (const indicator of indicatorsFor(version, 'full')) {
        const guides = guidanceForIndicator(articles, indicator.code, indicator.guidance);
        expect(guides.length, indicator.code).toBeGreaterThan(0);
        if (indicator.guidance.length > 0)
          expect(indicator.guidance, indicator.code).toContain(guides[0]?.slug);
      }
    },
  );

  it.each([...guidanceSlugs])(
    '%s is 500 to 900 words, with a one-sentence summary and 2 to 5 actions',
    (slug) => {
      const article = articles.find((a) => a.slug === slug) as GuidanceArticle;
      const words = wordCount(article.text);
      expect(words).toBeGreaterThanOrEqual(500);
      expect(words).toBeLessThanOrEqual(900);
      expect(article.summary.trim()).toMatch(/^[^.!?]+[.!?]$/);
      expect(article.suggestedActions.length).toBeGreaterThanOrEqual(2);
      expect(article.suggestedActions.length).toBeLessThanOrEqual(5);
      expect(article.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it('renders the body with GOV.UK classes and no raw HTML', () => {
    for (const article of articles) {
      expect(article.html).toContain('<h2 class="govuk-heading-m">');
      expect(article.html).toContain('<p class="govuk-body">');
      expect(article.html).not.toMatch(/<(p|h[1-6]|ul|ol|a)(?![^>]*class="govuk-)[\s>]/);
      expect(article.html).not.toMatch(/<script|<style/i);
      expect(article.text).not.toMatch(/[<>]/);
    }
  });
});

describe('broken guidance', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'common-ground-guidance-'));
    for (const name of fs.readdirSync(guidanceDir))
      fs.copyFileSync(path.join(guidanceDir, name), path.join(dir, name));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const edit = (slug: string, change: (text: string) => string) => {
    const file = path.join(dir, `${slug}.md`);
    fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
    return file;
  };

  async function problemsOf(): Promise<ContentError> {
    const error: unknown = await loadGuidance(dir, framework).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }

  it('names every problem with its file', async () => {
    const funding = edit('funding-together', (t) =>
      t
        .replace('slug: funding-together', 'slug: funding-together-again')
        .replace('indicators: [CR4,', 'indicators: [CR9, XX1,')
        .replace("lastReviewed: '2026-11-25'", 'lastReviewed: 25/11/2026\nauthor: someone'),
    );
    const faith = edit('working-with-faith-groups', (t) =>
      t
        .replace('audience: [faith-leaders,', 'audience: [everyone,')
        .replace(/^summary: .*$/m, 'summary: " "'),
    );
    fs.rmSync(path.join(dir, 'strategic-commissioning.md'));

    const error = await problemsOf();
    const seen = error.problems.map((p) => `${path.basename(p.file)} | ${p.where} | ${p.message}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^funding-together\.md \| slug \| .*does not match the file name/),
        expect.stringMatching(/^funding-together\.md \| indicators item 2 \| "XX1" is not valid/),
        expect.stringMatching(/^funding-together\.md \| lastReviewed \| "25\/11\/2026" is not a valid date/),
        expect.stringMatching(/^funding-together\.md \| author \| is not a field that belongs here/),
        expect.stringMatching(/^funding-together\.md \| indicators \| CR9 is not an indicator/),
        expect.stringMatching(
          /^working-with-faith-groups\.md \| audience item 1 \| "everyone" is not allowed/,
        ),
        expect.stringMatching(/^working-with-faith-groups\.md \| summary \| is blank/),
        expect.stringMatching(/^strategic-commissioning\.md \| {2}\| is missing/),
      ]),
    );
    expect(seen).toHaveLength(8);
    expect(error.message).toContain(funding);
    expect(error.message).toContain(faith);
    expect(error.message).toMatch(/^The guidance content has 8 problems/);
  });

  it('reports a slug the framework does not know, a missing field and an empty body', async () => {
    const extra = path.join(dir, 'a-new-guide.md');
    fs.writeFileSync(
      extra,
      fs
        .readFileSync(path.join(dir, 'funding-together.md'), 'utf8')
        .replace('slug: funding-together', 'slug: a-new-guide')
        .replace(/^themes: .*\n/m, '')
        .replace(/\n---\n[\s\S]*$/, '\n---\n'),
    );
    const error = await problemsOf();
    const seen = error.problems.map((p) => `${path.basename(p.file)} | ${p.where} | ${p.message}`);
    expect(seen).toEqual([
      expect.stringMatching(/^a-new-guide\.md \| {2}\| the field "themes" is missing/),
      expect.stringMatching(
        /^a-new-guide\.md \| slug \| "a-new-guide" is not a guidance article the framework knows/,
      ),
      expect.stringMatching(/^a-new-guide\.md \| body \| is empty/),
    ]);
  });

  it('names every indicator that no article lists', async () => {
    edit('relationships-that-outlast-staff-changes', (t) => t.replace(', ES1, CR6]', ', ES1]'));
    edit('strategic-commissioning', (t) => t.replace('SF2, SF3, RC1', 'SF2, RC1'));
    const error = await problemsOf();
    expect(error.problems.map((p) => `${p.where} | ${p.message}`)).toEqual([
      expect.stringMatching(/^indicators \| no article lists SF3\. Add it/),
      expect.stringMatching(/^indicators \| no article lists CR6\. Add it/),
    ]);
  });

  it('shows raw HTML in an article as text instead of passing it through', async () => {
    edit('funding-together', (t) => `${t}\n<script>alert(1)</script>\n\nA <b>bold</b> claim.\n`);
    const loaded = await loadGuidance(dir, framework);
    const html = loaded.find((a) => a.slug === 'funding-together')?.html ?? '';
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;');
  });
});
