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

  it('runs soon when woken, gathers wake-ups into one run, and runs once more after a run that one interrupted', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = new PeriodicTask(
      () => {
        runs += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      60_000,
      () => undefined,
      10,
    );
    task.start();
    task.wake();
    task.wake();
    expect(runs).toBe(0);
    await tick(30);
    expect(runs).toBe(1);
    task.wake();
    task.wake();
    release();
    await tick(30);
    expect(runs).toBe(2);
    release();
    await tick(30);
    expect(runs).toBe(2);
    const stopping = task.stop();
    release();
    await stopping;
    task.wake();
    await tick(30);
    expect(runs).toBe(2);
  });
});
