import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repeatWithoutOverlap } from './repeat-without-overlap.js';

describe('repeatWithoutOverlap', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts no run while one is going, and the next one an interval after it ends', async () => {
    const finishers: (() => void)[] = [];
    let going = 0;
    let mostAtOnce = 0;
    const run = vi.fn(async () => {
      going += 1;
      mostAtOnce = Math.max(mostAtOnce, going);
      await new Promise<void>((resolve) => finishers.push(resolve));
      going -= 1;
    });
    const loop = repeatWithoutOverlap(run, 1_000, () => undefined);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(run).toHaveBeenCalledTimes(1);

    finishers.shift()?.();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    expect(mostAtOnce).toBe(1);

    const stopped = loop.stop();
    let stopDone = false;
    void stopped.then(() => (stopDone = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopDone).toBe(false);
    finishers.shift()?.();
    await stopped;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('reports a failed run and carries on', async () => {
    const run = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('database away'))
      .mockResolvedValue(undefined);
    const errors: unknown[] = [];
    const loop = repeatWithoutOverlap(run, 1_000, (error) => errors.push(error));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(String(errors[0])).toContain('database away');
    await loop.stop();
  });
});
