import { AckedPrefix } from './acked-prefix';

const at = (n: number) => ({ commit: BigInt(n), prepare: BigInt(n) });

describe('AckedPrefix', () => {
  it('advances only over events whose publishes, and all before them, were acked', () => {
    const prefix = new AckedPrefix(null);
    const first = prefix.add(at(1), 1);
    const second = prefix.add(at(2), 2);
    const third = prefix.add(at(3), 1);

    prefix.settle(third);
    prefix.settle(second);
    expect(prefix.position).toBeNull();

    prefix.settle(first);
    expect(prefix.position).toEqual(at(1));

    prefix.settle(second);
    expect(prefix.position).toEqual(at(3));
    expect(prefix.unsettled).toBe(0);
  });

  it('passes over private events at once when nothing waits before them', () => {
    const prefix = new AckedPrefix(at(7));
    prefix.add(at(8), 0);
    expect(prefix.position).toEqual(at(8));

    const published = prefix.add(at(9), 1);
    prefix.add(at(10), 0);
    expect(prefix.position).toEqual(at(8));

    prefix.settle(published);
    expect(prefix.position).toEqual(at(10));
  });

  it('never passes an event that is not acked, however many settle after it', () => {
    const prefix = new AckedPrefix(null);
    prefix.add(at(1), 1);
    for (let n = 2; n < 5000; n++) prefix.settle(prefix.add(at(n), 1));
    expect(prefix.position).toBeNull();
    expect(prefix.unsettled).toBe(4999);
  });
});
