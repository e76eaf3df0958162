import { SchedulerBoard } from './scheduler-board';
import { PinnedMeeting, SchedulerInput, SchedulerRequest, UnplacedReason } from './types';

export type Insertion = { placed: PinnedMeeting; reason?: undefined } | { placed: null; reason: UnplacedReason };

/**
 * Day-to-day scheduling once the programme exists: existing meetings are
 * pinned and never move; a new request goes into the earliest slot that works;
 * a cancellation frees its slot and refills it from the waiting accepted
 * requests, oldest first.
 */
export class IncrementalSchedule {
  private readonly board: SchedulerBoard;
  /** Waiting (accepted, unplaced) requests in the order they were accepted. */
  private readonly waiting: number[] = [];

  /** `input.pinned` are the existing meetings, `input.requests` the accepted ones still waiting. */
  constructor(input: SchedulerInput) {
    this.board = new SchedulerBoard({ ...input, requests: [] });
    for (const r of input.requests) this.waiting.push(this.board.addRequest(r));
  }

  /** Place a newly accepted request in the earliest slot both can make; it waits with a reason if none. */
  insert(request: SchedulerRequest): Insertion {
    const r = this.board.addRequest(request);
    const placed = this.tryEarliest(r);
    if (placed) return { placed };
    this.waiting.push(r);
    return { placed: null, reason: this.board.reasonUnplaced(r) };
  }

  /** Place a request at a chosen slot if it fits there now (caps included); null otherwise. */
  placeAt(request: SchedulerRequest, slot: number): PinnedMeeting | null {
    const r = this.board.addRequest(request);
    if (
      this.board.staticReason[r] ||
      !this.board.underCaps(r) ||
      slot < 0 ||
      slot >= this.board.slots ||
      !this.board.fits(r, slot)
    )
      return null;
    this.board.place(r, slot);
    return this.board.pinPlaced(r);
  }

  /** Free a meeting so it can be placed again (a move); false when it is not known. */
  release(meetingId: string): boolean {
    return this.board.unpin(meetingId) !== null;
  }

  /**
   * Every slot where the two could meet now (free table and interpreter
   * included), without placing anything; empty when a cap is reached.
   */
  feasibleSlots(request: SchedulerRequest): number[] {
    const r = this.board.addRequest(request);
    if (this.board.staticReason[r] || !this.board.underCaps(r)) return [];
    const slots: number[] = [];
    for (let s = 0; s < this.board.slots; s++) if (this.board.fits(r, s)) slots.push(s);
    return slots;
  }

  /** The meetings as they stand: the existing ones and every one placed since. */
  meetings(): PinnedMeeting[] {
    return this.board.pinnedMeetings();
  }

  /** Cancel an existing meeting; returns the waiting requests that took its place. */
  cancel(meetingId: string): PinnedMeeting[] {
    const freed = this.board.unpin(meetingId);
    if (!freed) return [];
    const refilled: PinnedMeeting[] = [];
    for (let i = 0; i < this.waiting.length; i++) {
      const placed = this.tryEarliest(this.waiting[i]);
      if (placed) {
        refilled.push(placed);
        this.waiting.splice(i--, 1);
      }
    }
    return refilled;
  }

  private tryEarliest(r: number): PinnedMeeting | null {
    const s = this.board.earliestSlot(r);
    if (s < 0) return null;
    this.board.place(r, s);
    return this.board.pinPlaced(r);
  }
}
