import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How the service is started: `npm start` as the README says, or the entry it runs, without npm. */
const entries = {
  'npm start': ['npm', ['start']],
  'node bin/common-ground.js serve': [process.execPath, ['bin/common-ground.js', 'serve']],
} as const satisfies Record<string, readonly [string, readonly string[]]>;
type Entry = keyof typeof entries;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

/** A process and its descendants (npm start runs node under npm and a shell). */
function processTree(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!fs.existsSync(file)) return [pid];
  const children = fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const id of processTree(pid)) {
    kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

/**
 * CPU time the process tree has used, finished children included: unlike the wall-clock time it hardly changes
 * when other work shares the machine. Clock ticks are 10 ms on Linux.
 */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const id of processTree(pid)) {
    const fields = fs.readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks += [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
  }
  return ticks * 10;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

interface Started {
  readonly child: ChildProcess;
  readonly ms: number;
  readonly cpuMs: number;
}

/** Spawns the service over `dataDir` and waits for `/healthz` to answer 200. */
async function startService(entry: Entry, dataDir: string): Promise<Started> {
  const port = await freePort();
  const [command, args] = entries[entry];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  while (!(await healthy(port))) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}:\n${stderr}`);
    if (performance.now() - started > 120_000) {
      await stop(child);
      throw new Error(`${entry} was not healthy within 2 minutes:\n${stderr}`);
    }
    await sleep(10);
  }
  const ms = Math.round(performance.now() - started);
  return { child, ms, cpuMs: child.pid === undefined ? Number.NaN : cpuMs(child.pid) };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function startToHealthy(entry: Entry, dataFolder: 'existing' | 'fresh', runs: number) {
  const existingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-start-'));
  try {
    if (dataFolder === 'existing') await stop((await startService(entry, existingDir)).child);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let idleRss = Number.NaN;
    for (let run = 0; run < runs; run += 1) {
      const dataDir =
        dataFolder === 'existing' ? existingDir : fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-start-'));
      const started = await startService(entry, dataDir);
      times.push(started.ms);
      cpuTimes.push(started.cpuMs);
      if (run === 0 && started.child.pid !== undefined) {
        await sleep(10_000);
        idleRss = rssMb(started.child.pid);
      }
      await stop(started.child);
      if (dataDir !== existingDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return {
      step: `${entry}, ${dataFolder} data folder, spawn to /healthz 200`,
      runs,
      ms: median(times),
      min_ms: Math.min(...times),
      max_ms: Math.max(...times),
      cpu_ms: median(cpuTimes),
      idle_rss_mb_process_tree: idleRss,
      load_average: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
    };
  } finally {
    fs.rmSync(existingDir, { recursive: true, force: true });
  }
}

/**
 * Start to healthy: from spawning the service to `/healthz` answering 200, on an existing data folder and on a
 * fresh one (migrations and the demo first), then the resident memory after 10 s idle. Issue 16: under 1.5 s.
 */
export const startBenchmark: Benchmark = {
  name: 'start',
  async run(print) {
    for (const entry of Object.keys(entries) as Entry[]) {
      print(await startToHealthy(entry, 'existing', 5));
      print(await startToHealthy(entry, 'fresh', 3));
    }
  },
};
