import { describe, expect, it } from 'vitest';
import { inProcessBackgroundTasks } from './background-tasks.js';

describe('inProcessBackgroundTasks', () => {
  it('runs a task after the caller carries on, and settles once it and the tasks it starts are done', async () => {
    const tasks = inProcessBackgroundTasks();
    const order: string[] = [];
    tasks.start(async () => {
      order.push('first');
      tasks.start(async () => {
        order.push('second');
      });
    });
    order.push('caller');
    await tasks.settled();
    expect(order).toEqual(['caller', 'first', 'second']);
  });

  it('keeps going when a task throws', async () => {
    const tasks = inProcessBackgroundTasks();
    let ran = false;
    tasks.start(() => Promise.reject(new Error('broken')));
    tasks.start(async () => {
      ran = true;
    });
    await tasks.settled();
    expect(ran).toBe(true);
  });
});
