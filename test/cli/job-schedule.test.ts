import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobSchedule } from '../../src/cli/job-commands.js';

/** The in-process schedule `serve` starts: off at 0, first run after a minute, then every interval, never overlapping. */
describe('startJobSchedule', () => {
  const output = { out: vi.fn(), err: vi.fn() };
  beforeEach(() => {
    vi.useFakeTimers();
    output.err.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never runs when the interval is 0', async () => {
    const run = vi.fn(async () => undefined);
    const stop = startJobSchedule(run, 0, output);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(run).not.toHaveBeenCalled();
    stop();
  });

  it('runs a minute after start and then every interval, until stopped', async () => {
    const run = vi.fn(async () => undefined);
    const stop = startJobSchedule(run, 60, output);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(5 * 60 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('skips a tick while the last run is still going, and reports a failure without stopping', async () => {
    let finish: () => void = () => undefined;
    const run = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
      .mockRejectedValueOnce(new Error('database away'))
      .mockResolvedValue(undefined);
    const stop = startJobSchedule(run, 1, output);
    await vi.advanceTimersByTimeAsync(60_000); // first run starts and hangs; the interval tick at the same time is skipped
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(output.err).toHaveBeenCalledWith(expect.stringContaining('database away'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    stop();
  });
});
