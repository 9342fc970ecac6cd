import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config.js';
import { buildApp, openRuntime } from '../src/main.js';
import { measure, type Benchmark } from './measure.js';

/**
 * Server-rendered pages through the real app and an SQLite file: the partnership dashboard (the home page and
 * its print view), the members list and the audit log.
 */
export const pagesBenchmark: Benchmark = {
  name: 'pages',
  async run(print) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    const runtime = await openRuntime(parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'true' }));
    try {
      await runtime.services.demo.seed({ password: () => 'bench-password-1234' });
      const app = await buildApp(runtime);
      const csrfPage = await app.inject({ method: 'GET', url: '/sign-in' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(csrfPage.body)?.[1] ?? '';
      const csrfCookie = csrfPage.cookies.find((c) => c.name === 'cg_csrf');
      const signIn = await app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: `cg_csrf=${csrfCookie?.value ?? ''}` },
        payload: { email: 'admin@northmoor.example', password: 'bench-password-1234', _csrf: csrf },
      });
      const session = signIn.cookies.find((c) => c.name === 'cg_session');
      if (!session) throw new Error(`Sign-in failed with status ${signIn.statusCode}`);
      const cookie = `cg_session=${session.value}; cg_csrf=${csrfCookie?.value ?? ''}`;
      for (const url of [
        '/p/northmoor/',
        '/p/northmoor/dashboard/print',
        '/p/northmoor/members',
        '/p/northmoor/audit',
      ]) {
        const result = await measure(200, async () => {
          const response = await app.inject({ method: 'GET', url, headers: { cookie } });
          if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
        });
        print({ page: url, ...result });
      }
      await app.close();
    } finally {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
