import { positionLag } from './position-lag';

const at = (commit: number, prepare: number) => ({ commit: BigInt(commit), prepare: BigInt(prepare) });

describe('positionLag', () => {
  it('is 0 for an empty store', () => {
    expect(positionLag(null, null)).toBe(0);
  });

  it('counts every event up to the head when nothing is projected yet', () => {
    expect(positionLag(at(900, 42), null)).toBe(42);
  });

  it('is the prepare difference while behind', () => {
    expect(positionLag(at(905, 50), at(901, 42))).toBe(8);
  });

  it('is 0 once the checkpoint reached the head', () => {
    expect(positionLag(at(905, 50), at(905, 50))).toBe(0);
  });

  it('is at least 1 while behind, even when a later commit carries a lower sequence number', () => {
    // PostgreSQL orders by (transaction id, sequence): a transaction that began later can take a lower sequence.
    expect(positionLag(at(906, 41), at(905, 50))).toBe(1);
  });
});
