import { describe, expect, it } from 'vitest';
import { clashSentence, findClash, type CoordinationKind, type InterestFacts } from './clashes.js';

const lead = (organisationId: string): InterestFacts => ({ organisationId, role: 'lead' });
const partner = (organisationId: string): InterestFacts => ({ organisationId, role: 'partner' });

describe('findClash', () => {
  const cases: {
    name: string;
    interests: InterestFacts[];
    coordination: CoordinationKind | null;
    kind: string;
    leads: string[];
  }[] = [
    { name: 'nobody interested', interests: [], coordination: null, kind: 'none', leads: [] },
    { name: 'one lead bidder', interests: [lead('a')], coordination: null, kind: 'none', leads: ['a'] },
    {
      name: 'one lead and its partners',
      interests: [lead('a'), partner('b'), partner('c')],
      coordination: null,
      kind: 'none',
      leads: ['a'],
    },
    {
      name: 'only partners',
      interests: [partner('a'), partner('b')],
      coordination: null,
      kind: 'none',
      leads: [],
    },
    {
      name: 'two lead bidders',
      interests: [lead('a'), lead('b')],
      coordination: null,
      kind: 'clash',
      leads: ['a', 'b'],
    },
    {
      name: 'three lead bidders, in the order given',
      interests: [lead('c'), partner('x'), lead('a'), lead('b')],
      coordination: null,
      kind: 'clash',
      leads: ['c', 'a', 'b'],
    },
    {
      name: 'the same organisation twice is one bidder',
      interests: [lead('a'), lead('a')],
      coordination: null,
      kind: 'none',
      leads: ['a'],
    },
    {
      name: 'a lead role wins over a partner role for the same organisation',
      interests: [partner('a'), lead('a'), lead('b')],
      coordination: null,
      kind: 'clash',
      leads: ['a', 'b'],
    },
    {
      name: 'a clash with a joint bid planned',
      interests: [lead('a'), lead('b')],
      coordination: 'joint-bid',
      kind: 'coordinating',
      leads: ['a', 'b'],
    },
    {
      name: 'a clash with a conversation planned',
      interests: [lead('a'), lead('b')],
      coordination: 'conversation',
      kind: 'coordinating',
      leads: ['a', 'b'],
    },
    {
      name: 'coordination without a clash is no clash',
      interests: [lead('a')],
      coordination: 'joint-bid',
      kind: 'none',
      leads: ['a'],
    },
  ];
  it.each(cases)('$name', ({ interests, coordination, kind, leads }) => {
    const finding = findClash(interests, coordination);
    expect(finding.kind).toBe(kind);
    expect(finding.leadOrganisationIds).toEqual(leads);
  });
});

describe('clashSentence', () => {
  const names: Record<string, string> = { a: 'Food Bank', b: 'Advice Centre', c: 'Council' };
  const nameOf = (id: string) => names[id] ?? id;
  it.each([
    { interests: [lead('a')], coordination: null, expected: undefined },
    {
      interests: [lead('a'), lead('b')],
      coordination: null,
      expected:
        '2 partners plan to bid for this fund as lead bidders: Food Bank and Advice Centre. Talk before you bid, or plan a joint bid.',
    },
    {
      interests: [lead('a'), lead('b'), lead('c')],
      coordination: null,
      expected:
        '3 partners plan to bid for this fund as lead bidders: Food Bank, Advice Centre and Council. Talk before you bid, or plan a joint bid.',
    },
    {
      interests: [lead('a'), lead('b')],
      coordination: 'joint-bid' as const,
      expected: 'A joint bid is planned: Food Bank and Advice Centre had each planned to lead a bid.',
    },
    {
      interests: [lead('a'), lead('b')],
      coordination: 'conversation' as const,
      expected: 'A conversation is planned: Food Bank and Advice Centre each plan to lead a bid.',
    },
  ])('says $expected', ({ interests, coordination, expected }) => {
    expect(clashSentence(findClash(interests, coordination), nameOf)).toBe(expected);
  });
});
