import { PeriodicTask } from './periodic-task';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  it('runs again and again, reports a failing run and goes on', async () => {
    const errors: string[] = [];
    let runs = 0;
    const task = new PeriodicTask(
      () => (++runs === 2 ? Promise.reject(new Error('boom')) : Promise.resolve()),
      5,
      (e) => errors.push(e.message),
    );
    task.start({ immediately: true });
    while (runs < 4) await tick(5);
    await task.stop();
    expect(errors).toEqual(['boom']);
  });

  it('waits for a run in progress when stopped, and starts none after', async () => {
    let finished = 0;
    let started = 0;
    const task = new PeriodicTask(
      async () => {
        started += 1;
        await tick(30);
        finished += 1;
      },
      1,
      () => undefined,
    );
    task.start({ immediately: true });
    await tick(5);
    await task.stop();
    expect({ started, finished, stopped: task.isStopped }).toEqual({
      started: 1,
      finished: 1,
      stopped: true,
    });
    await tick(20);
    expect(started).toBe(1);
  });
});
