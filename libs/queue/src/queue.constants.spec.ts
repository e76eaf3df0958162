import { mailBatching } from './queue.constants';

describe('mailBatching', () => {
  it('never lets more mails start per second than the configured rate', () => {
    for (const rate of [1, 5, 10, 19, 20, 21, 30, 99, 1000, 100_000]) {
      const { batchSize, jobsPerSecond } = mailBatching(rate);
      expect(batchSize * jobsPerSecond).toBeLessThanOrEqual(rate);
      expect(batchSize).toBeGreaterThanOrEqual(1);
      expect(batchSize).toBeLessThanOrEqual(20);
    }
    expect(mailBatching(1000)).toEqual({ batchSize: 20, jobsPerSecond: 50 });
    expect(mailBatching(5)).toEqual({ batchSize: 5, jobsPerSecond: 1 });
  });
});
