/**
 * Work a request starts and does not wait for: a feed refresh or health check asked for on a page. Each task
 * keeps its own state in the database (a lease, progress, result), so the page that asked reads it from there
 * on any instance, and the scheduled jobs finish a task whose instance stopped once its lease runs out.
 */
export interface BackgroundTasks {
  /** Runs `task` after the current request has been answered. A task records its own failures. */
  start(task: () => Promise<unknown>): void;
  /** Resolves when every task started so far has finished: for shutting down, and for tests. */
  settled(): Promise<void>;
}

/** Runs tasks on this process's event loop, as the in-process import runner does. */
export function inProcessBackgroundTasks(): BackgroundTasks {
  const running = new Set<Promise<unknown>>();
  return {
    start(task) {
      const run: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
        .then(task)
        .catch(() => undefined)
        .finally(() => running.delete(run));
      running.add(run);
    },
    async settled() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
