import { Board } from './board';
import { result } from './schedule';
import { SchedulerInput, SchedulerResult } from './types';

/** The baseline: requests in the order given, each into its earliest feasible slot. */
export function firstFit(input: SchedulerInput): SchedulerResult {
  const board = new Board(input);
  for (let r = 0; r < board.requestCount; r++) {
    if (board.staticReason[r] || !board.underCaps(r)) continue;
    for (let s = 0; s < board.slots; s++) {
      if (board.fits(r, s)) {
        board.place(r, s);
        break;
      }
    }
  }
  return result(board, 0);
}
