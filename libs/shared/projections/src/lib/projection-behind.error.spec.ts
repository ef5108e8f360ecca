import { ProjectionBehindError } from './projection-behind.error';

describe('ProjectionBehindError', () => {
  it('says where the projection is, what was asked for, and to retry', () => {
    const error = new ProjectionBehindError(
      'order-summary',
      { commit: 12n, prepare: 40n },
      { commit: 11n, prepare: 37n },
      2000,
    );
    expect(error.message).toBe('projection order-summary is at 11.37, behind requested 12.40; retry');
  });

  it('says when nothing is projected yet', () => {
    const error = new ProjectionBehindError('order-summary', { commit: 12n, prepare: 40n }, null, 2000);
    expect(error.message).toBe(
      'projection order-summary is at the start (nothing projected yet), behind requested 12.40; retry',
    );
  });
});
