import { describe, expect, it } from 'vitest';
import {
  matchRecipient,
  nameSimilarity,
  needsReview,
  normaliseOrganisationName,
  organisationIndex,
  type GrantRecipient,
} from './recipient-matching.js';

const organisations = [
  { id: 'choir', name: "Altrincham Children's Choir", identifier: null },
  { id: 'age-uk', name: 'Age UK Trafford', identifier: 'GB-CHC-1084436' },
  { id: 'company', name: 'Stretford Public Hall CIO', identifier: 'GB-COH-07654321' },
  { id: 'local', name: 'Sale Food Bank', identifier: '360G-trafford-sale_food_bank' },
  { id: 'kitchen', name: 'The Partington Community Kitchen Ltd', identifier: null },
];
const index = organisationIndex(organisations);

const recipient = (overrides: Partial<GrantRecipient>): GrantRecipient => ({
  recipientOrgId: null,
  recipientOrgName: null,
  recipientCharityNumber: null,
  recipientCompanyNumber: null,
  ...overrides,
});

describe('recipient matching', () => {
  it.each([
    ['The Partington Community Kitchen Ltd.', 'partington community kitchen'],
    ['Age UK (Trafford) Limited', 'age uk trafford'],
    ['Bean & Brush Café CIO', 'bean and brush cafe'],
    ['Altrincham Children’s Choir', 'altrincham childrens choir'],
  ])('normalises %s to %s', (name, expected) => {
    expect(normaliseOrganisationName(name)).toBe(expected);
  });

  it.each([
    [recipient({ recipientOrgId: 'GB-CHC-1084436', recipientOrgName: 'Something else' }), 'age-uk'],
    [recipient({ recipientOrgId: 'gb-chc-1084436' }), 'age-uk'],
    [recipient({ recipientCharityNumber: '1084436' }), 'age-uk'],
    [recipient({ recipientCompanyNumber: '7654321' }), 'company'],
    [recipient({ recipientOrgId: 'GB-COH-7654321' }), 'company'],
    [recipient({ recipientOrgId: '360G-trafford-sale_food_bank' }), 'local'],
  ])('matches by identifier: %j → %s', (who, id) => {
    expect(matchRecipient(who, index)).toEqual({ organisationId: id, method: 'identifier', confidence: 1 });
  });

  it('matches a name that differs only in legal form and punctuation with full confidence', () => {
    const match = matchRecipient(
      recipient({ recipientOrgName: 'Partington Community Kitchen Limited' }),
      index,
    );
    expect(match).toEqual({ organisationId: 'kitchen', method: 'name', confidence: 1 });
    expect(needsReview(match)).toBe(false);
  });

  it('sends a close but uncertain name to review', () => {
    const match = matchRecipient(recipient({ recipientOrgName: 'Altrincham Childrens Choirs Group' }), index);
    expect(match.organisationId).toBe('choir');
    expect(match.method).toBe('name');
    expect(match.confidence).toBeGreaterThanOrEqual(0.6);
    expect(match.confidence).toBeLessThan(0.9);
    expect(needsReview(match)).toBe(true);
  });

  it('finds no match for an unrelated name or no name', () => {
    expect(matchRecipient(recipient({ recipientOrgName: 'Manchester Rugby Club' }), index)).toEqual({
      organisationId: null,
      method: 'none',
      confidence: null,
    });
    expect(matchRecipient(recipient({}), index).method).toBe('none');
  });

  it('scores similarity symmetrically from 0 to 1', () => {
    expect(nameSimilarity('Sale Food Bank', 'Sale Foodbank')).toBe(1);
    expect(nameSimilarity('abc', 'xyz')).toBe(0);
    expect(nameSimilarity('Age UK Trafford', 'Age UK Salford')).toBeCloseTo(
      nameSimilarity('Age UK Salford', 'Age UK Trafford'),
    );
  });
});
