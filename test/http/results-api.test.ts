import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import {
  answerAll,
  createThreeGroupRound,
  FAITH_SECRET,
  respondents,
  VCS_COMMENT,
} from '../support/assessment-scenario.js';
import { createTestApp, demoAccounts, FakeClock, type TestApp } from '../support/test-app.js';

/**
 * GET /api/v1/partnerships/{slug}/rounds/{roundId}/results, against the scenario: threshold 3;
 * 3 council, 5 VCS and 2 faith respondents. The faith group is below the threshold.
 */

const ROUND_NAME = 'Spring 2026 assessment';

let t: TestApp;
let clock: FakeClock;
let northmoor: PartnershipRecord;
let roundId: string;
let laterRoundId: string;
let indicatorCount: number;
const tokens: Record<string, string> = {};

const createRound = (name: string, kind: 'full' | 'quick') => createThreeGroupRound(t, northmoor, name, kind);

beforeAll(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
  northmoor = await t.partnership('northmoor');

  const view = await createRound(ROUND_NAME, 'full');
  roundId = view.round.id;
  indicatorCount = view.indicators.length;
  // Council 3, 3, 4 (median 3); VCS 1, 2, 2, 3, 4 (median 2); faith 4, 4 (would make the community 3).
  await answerAll(t, view, await respondents(t, clock, view, 'Council', 3, 'council'), (_code, who) => ({
    rating: ['3', '3', '4'][who] ?? '',
  }));
  await answerAll(t, view, await respondents(t, clock, view, 'VCS', 5, 'vcs'), (code, who) => ({
    rating: ['1', '2', '2', '3', '4'][who] ?? '',
    comment: code === 'SF1' && who === 0 ? VCS_COMMENT : '',
  }));
  await answerAll(t, view, await respondents(t, clock, view, 'Faith', 2, 'faith'), () => ({
    rating: '4',
    comment: FAITH_SECRET,
  }));

  // A later quick check on the same day: its previous round is the one above.
  clock.advanceMinutes(10);
  const later = await createRound('Summer pulse check', 'quick');
  laterRoundId = later.round.id;
  await answerAll(t, later, await respondents(t, clock, later, 'VCS', 3, 'later-vcs'), () => ({
    rating: '3',
  }));

  for (const [key, email] of Object.entries({
    admin: demoAccounts.northmoorAdmin,
    viewer: demoAccounts.northmoorViewer,
    eastbrook: demoAccounts.eastbrookAdmin,
  })) {
    const user = await t.runtime.services.users.findByEmail(email);
    if (!user) throw new Error(`No user ${email}`);
    tokens[key] = (await t.runtime.services.apiTokens.create(user, 'results test')).token;
  }
});

afterAll(async () => {
  await t.close();
});

const get = (url: string, token?: string) =>
  t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
const resultsUrl = (slug: string, id: string) => `/api/v1/partnerships/${slug}/rounds/${id}/results`;

describe('round results over the API', () => {
  it('gives the round and its aggregated results to a member', async () => {
    const response = await get(resultsUrl('northmoor', roundId), tokens.admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const body = response.json();
    expect(body.round).toEqual({
      id: roundId,
      name: ROUND_NAME,
      kind: 'full',
      status: 'open',
      threshold: 3,
      frameworkVersion: expect.any(String),
    });
    expect(body.results.indicators).toHaveLength(indicatorCount);
    expect(body.results.sides.council).toMatchObject({ status: 'has-data', respondents: 3 });
    // The community side is VCS alone: 1, 2, 2, 3, 4 has median 2 (with faith's 4, 4 it would be 3).
    expect(body.results.sides.community).toMatchObject({ status: 'has-data', respondents: 5 });
    for (const indicator of body.results.indicators) {
      expect(indicator).toMatchObject({
        councilMedian: 3,
        communityMedian: 2,
        difference: -1,
        perceptionGap: true,
      });
    }
    expect(body.results.gaps).toHaveLength(indicatorCount);
    expect(body.results.sides.community.indicators[0].comments).toEqual([VCS_COMMENT]);
  });

  it('shows the faith group only as below the threshold, with no figures or comments', async () => {
    const response = await get(resultsUrl('northmoor', roundId), tokens.admin);
    const body = response.json();
    const faith = body.results.groups.find((group: { groupName: string }) => group.groupName === 'Faith');
    expect(faith).toMatchObject({ status: 'below-threshold', needed: 1 });
    expect(faith).not.toHaveProperty('indicators');
    expect(faith).not.toHaveProperty('principles');
    expect(body.results.sides.community.groupIds).not.toContain(faith.groupId);
    expect(response.body).not.toContain(FAITH_SECRET);
    expect(response.body).toContain(VCS_COMMENT);
  });

  it('compares a round with the previous one', async () => {
    const body = (await get(resultsUrl('northmoor', laterRoundId), tokens.admin)).json();
    expect(body.trends.previousRound).toEqual({ id: roundId, name: ROUND_NAME });
    expect(body.trends.sharedIndicatorCodes).toHaveLength(8);
    // Only the community side has data in the later round: VCS 3, 3, 3 against 2 before.
    expect(body.trends.council).toEqual([]);
    expect(body.trends.community).toHaveLength(8);
    expect(body.trends.community[0]).toMatchObject({ previousMedian: 2, currentMedian: 3, change: 1 });
  });

  it('works for a viewer', async () => {
    const response = await get(resultsUrl('northmoor', roundId), tokens.viewer);
    expect(response.statusCode).toBe(200);
    expect(response.json().round.id).toBe(roundId);
  });

  it('is not found for a member of another partnership, an unknown partnership or an unknown round', async () => {
    const attempts = [
      [resultsUrl('northmoor', roundId), tokens.eastbrook],
      [resultsUrl('eastbrook', roundId), tokens.eastbrook],
      [resultsUrl('no-such-partnership', roundId), tokens.admin],
      [resultsUrl('northmoor', '7d0f3c0e-0000-4000-8000-000000000000'), tokens.admin],
    ] as const;
    for (const [url, token] of attempts) {
      const response = await get(url, token);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
      expect(response.json()).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: expect.any(String),
        error: 'Not found',
        message: expect.any(String),
      });
      expect(response.body).not.toContain(ROUND_NAME);
    }
  });

  it('needs a token', async () => {
    const response = await get(resultsUrl('northmoor', roundId));
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain(ROUND_NAME);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await get('/api/v1/openapi.json')).json();
    const operation = document.paths['/partnerships/{slug}/rounds/{roundId}/results']?.get;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
    const schema = operation.responses['200'].content['application/json'].schema.$ref.split('/').pop();
    expect(document.components.schemas[schema].required).toEqual(['round', 'results', 'trends']);
    // Every reference in the document resolves.
    const refs: string[] = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(document.components.schemas[ref.split('/').pop() ?? '']).toBeDefined();
  });
});
