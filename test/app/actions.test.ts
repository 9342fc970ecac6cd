import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../src/app/errors.js';
import type { MembershipRecord, PartnershipRecord } from '../../src/app/ports.js';
import type { Services } from '../../src/app/services.js';
import { createTestApp, demoAccounts, type TestApp } from '../support/test-app.js';

/** The action use-cases over the demo data: carry-over, counts by indicator and the permission rule. */
describe('action use-cases', () => {
  let test: TestApp;
  let services: Services;
  let northmoor: PartnershipRecord;

  beforeAll(async () => {
    test = await createTestApp();
    services = test.runtime.services;
    northmoor = await test.partnership('northmoor');
  }, 60_000);
  afterAll(() => test.close());

  const membershipOf = async (email: string): Promise<MembershipRecord> => {
    const user = await services.users.findByEmail(email);
    return (await services.store.memberships.find(northmoor.id, user?.id as string)) as MembershipRecord;
  };
  const roundNamed = async (name: string) =>
    (await services.assessments.list(northmoor.id)).find((r) => r.round.name === name)?.round;

  it('carries open actions from earlier rounds, and hand-made ones from before, into a later round', async () => {
    const latest = await roundNamed('Autumn 2026 quick check');
    const spring = await roundNamed('Spring 2026 full assessment');
    const carried = await services.actions.openActionsCarriedInto(latest as NonNullable<typeof latest>);
    expect(carried.map((a) => a.title).sort()).toEqual([
      'Agree a written promise that challenge will not affect funding',
      'Map every council payment to the VCS and how late it was',
      'Pay food bank grants in advance each quarter',
      'Pilot three-year grants for advice services',
      'Publish next year’s small grants calendar',
      'Run a joint bid for warm spaces funding',
      'Write a new partnership statement together',
    ]);
    expect(carried.every((a) => a.status !== 'done' && a.status !== 'dropped')).toBe(true);
    expect(await services.actions.openActionsCarriedInto(spring as NonNullable<typeof spring>)).toEqual([]);
  });

  it('counts open and done actions for each indicator', async () => {
    // The two workshop actions for ES and CR are linked to every indicator of their principle.
    expect(await services.actions.actionsByIndicator(northmoor.id)).toEqual({
      SF1: { open: 1, done: 0 },
      RC2: { open: 1, done: 0 },
      SF5: { open: 0, done: 1 },
      ES1: { open: 1, done: 0 },
      ES2: { open: 1, done: 0 },
      ES3: { open: 1, done: 1 },
      ES4: { open: 1, done: 1 },
      ES5: { open: 1, done: 0 },
      ES6: { open: 1, done: 0 },
      CR1: { open: 1, done: 0 },
      CR2: { open: 3, done: 0 },
      CR3: { open: 1, done: 0 },
      CR4: { open: 2, done: 0 },
      CR5: { open: 1, done: 0 },
      CR6: { open: 1, done: 0 },
    });
  });

  it('refuses changes by people outside the owning organisation, and checks what is typed', async () => {
    const actions = (await services.actions.list(northmoor.id)).map((e) => e.action);
    const foodBank = actions.find((a) => a.title.startsWith('Pay food bank'));
    const council = actions.find((a) => a.title.startsWith('Agree a written promise'));
    const vcs = await membershipOf(demoAccounts.northmoorVcs);
    const viewer = await membershipOf(demoAccounts.northmoorViewer);
    const actor = { userId: null, label: 'test' };
    const note = { note: 'Progress', status: '' };
    await expect(
      services.actions.addNote(northmoor.id, vcs, council?.id as string, note, actor),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      services.actions.addNote(northmoor.id, viewer, foodBank?.id as string, note, actor),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      services.actions.create(
        northmoor.id,
        viewer,
        {
          title: 'Viewer action',
          description: '',
          indicatorCodes: [],
          ownerOrganisationId: '',
          side: 'joint',
          leadName: '',
          dueOn: '',
          status: '',
        },
        { roundId: null, source: 'manual' },
        actor,
      ),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      services.actions.addNote(northmoor.id, vcs, foodBank?.id as string, { note: '', status: '' }, actor),
    ).rejects.toThrow(ValidationError);
    const added = await services.actions.addNote(northmoor.id, vcs, foodBank?.id as string, note, actor);
    expect(added.authorLabel).toBe('test');
  });

  it('offers suggestions from the linked guidance and from the framework', async () => {
    const spring = await roundNamed('Spring 2026 full assessment');
    const view = await services.assessments.find(northmoor.id, spring?.id as string);
    const results = view && (await services.assessments.results(view));
    const suggestions = services.actions.suggestionsFor(view as NonNullable<typeof view>, results, 'CR2');
    expect(suggestions.map((s) => s.key)).toEqual(suggestions.map((_s, index) => `s${index + 1}`));
    expect(suggestions.some((s) => s.from !== 'the framework')).toBe(true);
    expect(suggestions).toContainEqual(
      expect.objectContaining({ title: 'Improve: Fair and timely funding' }),
    );
    expect(services.actions.suggestionsFor(view as NonNullable<typeof view>, results, 'ZZ9')).toEqual([]);
  });
});
