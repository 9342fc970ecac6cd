import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { respondentKey } from '../src/app/assessments/respondent-links.js';
import type { GroupRecord, RoundRecord } from '../src/app/ports.js';
import { hashSecret, newId, newSecretToken } from '../src/app/shared/secrets.js';
import { parseConfig } from '../src/config.js';
import { ukDate, type GroupKind } from '../src/domain/assessment/round-rules.js';
import { demoAnswers } from '../src/domain/demo/demo-responses.js';
import { indicatorsFor } from '../src/domain/framework/framework.js';
import type { Side } from '../src/domain/results/rating.js';
import { buildApp, openRuntime, type Runtime } from '../src/main.js';
import { measure, type Benchmark } from './measure.js';
import { withPostgresDatabase } from './postgres-database.js';

const RESPONDENTS = 1000;
const RUNS = 50;
const PASSWORD = 'bench-password-1234';

const benchGroups: readonly { kind: GroupKind; name: string; side: Side }[] = [
  { kind: 'council', name: 'Council', side: 'council' },
  { kind: 'vcs', name: 'Voluntary and community sector', side: 'community' },
  { kind: 'faith', name: 'Faith groups', side: 'community' },
  { kind: 'health', name: 'Health partners', side: 'council' },
];

const daysFrom = (today: string, days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Adds an open full round (every indicator) to Northmoor with `RESPONDENTS` submitted responses spread evenly
 * over four groups. Goes through the Store in one transaction rather than the answering journey, for speed.
 */
async function seedLargeRound(runtime: Runtime): Promise<{ roundId: string; indicators: number }> {
  const { services } = runtime;
  const { store } = services;
  const partnership = await services.partnerships.findBySlug('northmoor');
  if (!partnership) throw new Error('The demo partnership was not seeded');
  const framework = services.assessments.frameworks.current;
  const codes = indicatorsFor(framework, 'full').map((indicator) => indicator.code);
  const today = ukDate(services.clock.now());
  const round: RoundRecord = {
    id: newId(),
    partnershipId: partnership.id,
    name: 'Benchmark full assessment',
    kind: 'full',
    frameworkVersion: framework.version,
    threshold: 5,
    opensOn: daysFrom(today, -5),
    closesOn: daysFrom(today, 25),
    closedAt: null,
    thresholdLockedAt: `${daysFrom(today, -4)}T10:00:00.000Z`,
    createdAt: services.clock.now().toISOString(),
    answersVersion: 0,
  };
  const groups: GroupRecord[] = benchGroups.map((group, position) => ({
    id: newId(),
    roundId: round.id,
    ...group,
    position,
    hasShareLink: false,
  }));
  await store.transaction(async (trx) => {
    await trx.rounds.insert(round, groups);
    const perGroup = Math.ceil(RESPONDENTS / groups.length);
    let remaining = RESPONDENTS;
    for (const [index, group] of groups.entries()) {
      const people = Math.min(perGroup, remaining);
      remaining -= people;
      // Ratings around each side's view, with about 7% "don't know", 2% "not applicable" and 12% comments.
      const answers = demoAnswers(5000 + index, group.side, codes, people, 0.2);
      for (const [person, answer] of answers.entries()) {
        const invitation = {
          id: newId(),
          roundId: round.id,
          groupId: group.id,
          email: `bench-${person + 1}@${group.kind}.northmoor.example`,
          tokenHash: hashSecret(newSecretToken()),
          createdAt: round.createdAt,
        };
        await trx.roundInvitations.insert(invitation);
        const responseId = newId();
        await trx.responses.insert({
          id: responseId,
          roundId: round.id,
          groupId: group.id,
          respondentKey: await respondentKey(trx, invitation.id),
          status: 'in-progress',
        });
        for (const code of codes) {
          await trx.responses.saveRating(responseId, {
            indicatorCode: code,
            rating: answer.ratings[code] ?? 'dont-know',
            comment: answer.comments[code] ?? null,
            evidenceUrl: null,
          });
        }
        await trx.responses.markSubmitted(responseId);
      }
    }
  });
  return { roundId: round.id, indicators: codes.length };
}

/** Signs in as the demo admin through the app and returns the cookie header for later requests. */
async function signIn(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const csrfPage = await app.inject({ method: 'GET', url: '/sign-in' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(csrfPage.body)?.[1] ?? '';
  const csrfCookie = csrfPage.cookies.find((c) => c.name === 'cg_csrf');
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: `cg_csrf=${csrfCookie?.value ?? ''}` },
    payload: { email: 'admin@northmoor.example', password: PASSWORD, _csrf: csrf },
  });
  const session = response.cookies.find((c) => c.name === 'cg_session');
  if (!session) throw new Error(`Sign-in failed with status ${response.statusCode}`);
  return `cg_session=${session.value}; cg_csrf=${csrfCookie?.value ?? ''}`;
}

async function runAgainst(
  database: 'sqlite' | 'postgres',
  environment: Record<string, string>,
  print: (line: Record<string, unknown>) => void,
): Promise<void> {
  const runtime = await openRuntime(parseConfig({ LOG_LEVEL: 'silent', DEMO: 'true', ...environment }));
  try {
    await runtime.services.demo.seed({ password: () => PASSWORD });
    const seedStart = process.hrtime.bigint();
    const { roundId, indicators } = await seedLargeRound(runtime);
    const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;
    const admin = await runtime.services.users.findByEmail('admin@northmoor.example');
    if (!admin) throw new Error('The demo admin was not seeded');
    const { token } = await runtime.services.apiTokens.create(admin, 'bench');
    const app = await buildApp(runtime);
    try {
      const cookie = await signIn(app);
      const sizes = { database, respondents: RESPONDENTS, indicators };
      process.stderr.write(
        `results bench (${database}): seeded ${RESPONDENTS} responses in ${Math.round(seedMs)} ms\n`,
      );
      const api = {
        url: `/api/v1/partnerships/northmoor/rounds/${roundId}/results`,
        headers: { authorization: `Bearer ${token}` },
      };
      const targets = [
        { url: `/p/northmoor/rounds/${roundId}/results`, headers: { cookie } },
        { url: `/p/northmoor/rounds/${roundId}/results.csv`, headers: { cookie } },
        api,
      ];
      // Make sure every seeded response counts before timing anything.
      const check = await app.inject({ method: 'GET', ...api });
      const { sides } = check.json<{ results: { sides: Record<string, { respondents?: number }> } }>()
        .results;
      const counted = (sides.council?.respondents ?? 0) + (sides.community?.respondents ?? 0);
      if (counted !== RESPONDENTS)
        throw new Error(`The results count ${counted} respondents, not ${RESPONDENTS}`);
      for (const { url, headers } of targets) {
        const result = await measure(
          RUNS,
          async () => {
            const response = await app.inject({ method: 'GET', url, headers });
            if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
          },
          5,
        );
        print({ ...sizes, page: url.replace(roundId, '{id}'), cache: 'warm', ...result });
      }
      // Cold: an answer changed just before each request (the version bump is inside the timing, about 1 ms),
      // so the results are worked out again from every response.
      for (const { url, headers } of targets) {
        const result = await measure(
          RUNS,
          async () => {
            await runtime.services.store.rounds.bumpAnswersVersion(roundId);
            const response = await app.inject({ method: 'GET', url, headers });
            if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
          },
          5,
        );
        print({ ...sizes, page: url.replace(roundId, '{id}'), cache: 'cold', ...result });
      }
    } finally {
      await app.close();
    }
  } finally {
    await runtime.close();
  }
}

/**
 * The results page, its CSV and the results API through the real app for a full round with 1,000 submitted
 * respondents: on an SQLite file, and on PostgreSQL too when BENCH_DATABASE_URL names a server.
 */
export const resultsBenchmark: Benchmark = {
  name: 'results',
  async run(print) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
    try {
      await runAgainst('sqlite', { DATA_DIR: dataDir }, print);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
    if (serverUrl) {
      const postgresDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
      try {
        await withPostgresDatabase(serverUrl, (url) =>
          runAgainst('postgres', { DATA_DIR: postgresDir, DATABASE_URL: url }, print),
        );
      } finally {
        fs.rmSync(postgresDir, { recursive: true, force: true });
      }
    }
  },
};
