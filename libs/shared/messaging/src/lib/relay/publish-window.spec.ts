import { PublishWindow } from './publish-window';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('PublishWindow', () => {
  it('lets no more than its size be in flight', async () => {
    const window = new PublishWindow(2);
    const a = deferred();
    window.track(a.promise);
    window.track(deferred().promise);

    let acquired = false;
    const waiting = window.acquire().then(() => (acquired = true));
    await Promise.resolve();
    expect(acquired).toBe(false);

    a.resolve();
    await waiting;
    expect(window.pending).toBe(1);
  });

  it('remembers the first failure, reports it once and stops making the reader wait', async () => {
    const reported: unknown[] = [];
    const window = new PublishWindow(1, (error) => reported.push(error));
    const a = deferred();
    window.track(a.promise);
    const waiting = window.acquire();

    a.reject(new Error('no ack'));
    await waiting;

    expect(window.error).toEqual({ error: new Error('no ack') });
    expect(reported).toEqual([new Error('no ack')]);
    await expect(window.drain()).resolves.toBeUndefined();
  });
});
