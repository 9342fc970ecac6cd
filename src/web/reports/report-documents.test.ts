import { describe, expect, it } from 'vitest';
import { fullReportDocument } from './full-report-document.js';
import { readPdf } from './read-pdf.testing.js';
import { notEnoughResponses, reportFileName, seenPhrase } from './report-document.js';
import { context, roundResults, SECRET, textOf } from './report-fixture.testing.js';
import { summaryDocument } from './summary-document.js';
import { renderReportPdf } from './tagged-pdf.js';

/** What the lead-member summary and the full report share, on the round of report-fixture.testing.ts. */

describe('both documents', () => {
  it('name a group below the threshold only as not having enough responses, and use nothing it said', () => {
    for (const document of [
      summaryDocument(roundResults(), context),
      fullReportDocument(roundResults(), context),
    ]) {
      const text = textOf(document);
      expect(text).not.toContain(SECRET);
      expect(text.split('Faith').length - 1).toBe(1);
      expect(text).toContain(notEnoughResponses('Faith'));
      expect(JSON.stringify(document)).not.toContain(SECRET);
      // The community side is the VCS group alone: 4 people, median 2.
      expect(text).toContain('4 people (VCS)');
      expect(text).not.toContain('6 people');
    }
  });

  it('record when they were made and for which partnership', () => {
    const document = summaryDocument(roundResults(), context);
    expect(document.generatedAt).toBe('2026-04-01T08:00:00.000Z');
    expect(document.generatedOn).toBe('1 April 2026');
    expect(document.partnershipName).toBe('Testshire Partnership');
  });
});

describe('a round with no responses yet', () => {
  it('still makes both documents and both PDFs, saying there are no results yet', async () => {
    const empty = roundResults([], []);
    for (const document of [summaryDocument(empty, context), fullReportDocument(empty, context)]) {
      const text = textOf(document);
      expect(text).toContain('There are no results yet: no group has enough responses.');
      expect(text).not.toMatch(/no perception gaps|no statement is seen differently/i);
      expect(text).toContain('not enough answers');
      expect(text).toContain('Council side\nno results yet');
      for (const name of ['Council', 'VCS', 'Faith']) expect(text).toContain(notEnoughResponses(name));
      const pdf = await readPdf(await renderReportPdf(document));
      expect(pdf.text).toContain('There are no results yet');
    }
  });
});

describe('wording', () => {
  it('says how the two sides see a principle', () => {
    expect(seenPhrase(3, 2)).toBe('Council side 3, community side 2: seen differently.');
    expect(seenPhrase(3, 2.25)).toBe('Council side 3, community side 2.25: some difference.');
    expect(seenPhrase(3, 2.75)).toBe('Council side 3, community side 2.75: seen much the same way.');
    expect(seenPhrase(2, 2)).toBe('Council side 2, community side 2: seen much the same way.');
    expect(seenPhrase(null, 2)).toBe(
      'Community side 2; no council-side results yet: not enough answers to compare.',
    );
    expect(seenPhrase(null, null)).toBe('Neither side has results yet: not enough answers to compare.');
  });

  it('makes file names that are safe in a header', () => {
    expect(reportFileName('summary', 'northmoor', 'Spring "2026" / Łódź; rm -rf')).toBe(
      'summary-northmoor-spring-2026-odz-rm-rf.pdf',
    );
    expect(reportFileName('report', 'northmoor', '')).toBe('report-northmoor.pdf');
  });
});
