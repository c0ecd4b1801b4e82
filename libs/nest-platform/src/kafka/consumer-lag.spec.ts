import { partitionLags } from './consumer-lag.js';

describe('partitionLags', () => {
  const ends = [
    { partition: 0, low: '0', high: '120' },
    { partition: 1, low: '40', high: '90' },
    { partition: 2, low: '7', high: '7' },
  ];

  it('is the end offset minus the committed offset, per partition', () => {
    expect(
      partitionLags('screening', 'passenger.reported.v1', ends, [
        { partition: 0, offset: '100' },
        { partition: 1, offset: '90' },
        { partition: 2, offset: '7' },
      ]),
    ).toEqual([
      { group: 'screening', topic: 'passenger.reported.v1', partition: 0, lag: 20 },
      { group: 'screening', topic: 'passenger.reported.v1', partition: 1, lag: 0 },
      { group: 'screening', topic: 'passenger.reported.v1', partition: 2, lag: 0 },
    ]);
  });

  it('counts from the log start where the group has committed nothing (it reads from the beginning)', () => {
    const lags = partitionLags('g', 't', ends, [
      { partition: 0, offset: '-1' },
      { partition: 2, offset: '-1' },
    ]);
    expect(lags.map((l) => l.lag)).toEqual([120, 50, 0]);
  });

  it('is never negative, even for a committed offset past a partition that was truncated', () => {
    expect(partitionLags('g', 't', ends, [{ partition: 0, offset: '500' }])[0]?.lag).toBe(0);
  });
});
