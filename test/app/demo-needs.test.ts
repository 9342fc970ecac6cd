import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNeedInput } from '../../src/app/needs/need-input.js';
import { needInputFor } from '../../src/app/needs/needs.js';
import { parseConfig } from '../../src/config.js';
import { northmoorDemoNeeds } from '../../src/domain/demo/demo-needs.js';
import { openRuntime, type Runtime } from '../../src/main.js';

describe('the demo needs register, as seeded', () => {
  let dir: string;
  let runtime: Runtime;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-demo-needs-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    await runtime.services.demo.seed({ password: () => 'test-password-1234' });
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds every demo need for Northmoor, each passing the rules a form or import applies', async () => {
    const northmoor = await runtime.services.partnerships.findBySlug('northmoor');
    if (!northmoor) throw new Error('no demo partnership');
    const context = await runtime.services.needs.context(northmoor);
    const needs = await runtime.services.store.needs.listForPartnership(northmoor.id);
    expect(needs).toHaveLength(northmoorDemoNeeds.length);
    for (const need of needs) {
      const checked = checkNeedInput(needInputFor(need), context.rules);
      expect(checked.ok ? 'ok' : checked.problems).toBe('ok');
    }
    expect(needs.filter((n) => n.reportingOrganisationId !== null)).toHaveLength(
      northmoorDemoNeeds.filter((n) => n.reporter !== null).length,
    );
    const levels = new Set(needs.map((n) => context.areas.byCode.get(n.areaCode)?.level));
    expect([...levels].sort()).toEqual(['authority', 'lsoa', 'ward']);

    const eastbrook = await runtime.services.partnerships.findBySlug('eastbrook');
    expect(await runtime.services.store.needs.listForPartnership(eastbrook?.id ?? '')).toEqual([]);
  });
});
