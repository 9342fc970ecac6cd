export interface RepeatingRun {
  /** Stops the loop and waits for a run that is going to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `run` again `intervalMilliseconds` after each run ends (not after it starts), so two runs never overlap
 * however long one takes. A failed run is reported to `onError` and the loop carries on. The timer is unref'd
 * so it never keeps the process alive on its own.
 */
export function repeatWithoutOverlap(
  run: () => Promise<unknown>,
  intervalMilliseconds: number,
  onError: (error: unknown) => void,
): RepeatingRun {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let going: Promise<void> | undefined;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMilliseconds);
    timer.unref();
  };
  const tick = () => {
    going = run()
      .then(() => undefined, onError)
      .finally(() => {
        going = undefined;
        schedule();
      });
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await going;
    },
  };
}
