import { nextPollDelayMs } from './task-runner';

describe('nextPollDelayMs', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 10, 60].map((polls) => nextPollDelayMs(polls, 100, 1000))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
