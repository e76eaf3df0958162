/**
 * The B2B scheduling problem as the scheduler sees it: everything is plain
 * data with string ids, slots are indices into the event's slot grid in time
 * order, tables are numbered from 1.
 */
export interface SchedulerInput {
  /** Number of slots in the grid; slot `i` starts before slot `i + 1`. */
  slotCount: number;
  /** Tables are numbered 1..tableCount. */
  tableCount: number;
  delegates: SchedulerDelegate[];
  interpreters: SchedulerInterpreter[];
  /** Accepted requests waiting for a slot. */
  requests: SchedulerRequest[];
  /** Meetings already placed that must not move (locked, or existing when scheduling incrementally). */
  pinned: PinnedMeeting[];
}

export interface SchedulerDelegate {
  id: string;
  /** Slots the delegate can make; null means every slot. */
  available: number[] | null;
  /** Most meetings this delegate takes (pinned ones count). */
  maxMeetings: number;
  /** A table reserved for this delegate's company: their meetings happen there. */
  fixedTable?: number | null;
}

export interface SchedulerInterpreter {
  id: string;
  /** Language pairs interpreted, written with the codes sorted: "ru-zh", "en-zh". */
  pairs: string[];
  available: number[] | null;
}

export interface SchedulerRequest {
  id: string;
  a: string;
  b: string;
  /** Higher goes first among equally constrained requests; default 0. */
  priority?: number;
  /** The language pair to interpret when the two share no language; null when they do. */
  interpreterPair?: string | null;
}

export interface PinnedMeeting {
  id: string;
  a: string;
  b: string;
  slot: number;
  table: number;
  interpreter?: string | null;
}

export interface Placement {
  requestId: string;
  slot: number;
  table: number;
  interpreter: string | null;
}

export type UnplacedReason =
  'NO_COMMON_AVAILABILITY' | 'MEETING_CAP_REACHED' | 'NO_INTERPRETER' | 'NO_FREE_TABLE' | 'NO_COMMON_FREE_SLOT';

export interface Unplaced {
  requestId: string;
  reason: UnplacedReason;
}

export interface ScheduleStats {
  placed: number;
  unplaced: number;
  /** Fewest meetings (pinned included) of any delegate who asked for or was asked for one. */
  fewestMeetingsPerDelegate: number;
  /**
   * Delegates left with no meeting although one was possible: one of their
   * requests fits on its own (a common slot, an interpreter when needed, room
   * under both caps). Kept low at a cost of at most 0.5% of the meetings.
   */
  unservedDelegates: number;
  iterations: number;
}

export interface SchedulerResult {
  placements: Placement[];
  unplaced: Unplaced[];
  stats: ScheduleStats;
}

export interface SchedulerOptions {
  /** Seed of the search's own random generator: the same seed gives the same schedule. */
  seed?: number;
  /** Search iterations after the greedy pass (default 8000; it also stops after 1600 without a gain); 0 for greedy only. */
  iterations?: number;
  /**
   * Share of the meetings that may be given up to leave fewer delegates with
   * no meeting although one was possible (default 0.005); at 0 only exchanges
   * that keep the count are made.
   */
  fairnessCost?: number;
}
