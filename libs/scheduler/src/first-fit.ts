import { SchedulerBoard } from './scheduler-board';
import { result } from './schedule';
import { SchedulerInput, SchedulerResult } from './types';

/** The baseline: requests in the order given, each into its earliest feasible slot. */
export function firstFit(input: SchedulerInput): SchedulerResult {
  const board = new SchedulerBoard(input);
  for (let r = 0; r < board.requestCount; r++) {
    const s = board.earliestSlot(r);
    if (s >= 0) board.place(r, s);
  }
  return result(board, 0);
}
