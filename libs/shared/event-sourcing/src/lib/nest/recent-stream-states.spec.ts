import { RecentStreamStates } from './recent-stream-states';

describe('RecentStreamStates', () => {
  const decider = {};
  const known = (revision: bigint) => ({ state: { revision }, revision });

  it('drops the least recently used stream beyond its capacity', () => {
    const recent = new RecentStreamStates(2);
    recent.set('a', decider, known(1n));
    recent.set('b', decider, known(1n));
    recent.get('a', decider);
    recent.set('c', decider, known(1n));

    expect([recent.get('a', decider), recent.get('b', decider), recent.get('c', decider)].map((k) => k?.revision)).toEqual([1n, undefined, 1n]);
    expect(recent.size).toBe(2);
  });

  it('answers only the decider that folded the state, and nothing once forgotten', () => {
    const recent = new RecentStreamStates(10);
    recent.set('a', decider, known(3n));

    expect(recent.get('a', {})).toBeUndefined();
    recent.forget('a');
    expect(recent.get('a', decider)).toBeUndefined();
  });
});
