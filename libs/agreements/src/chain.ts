import { canonicalJson, entryHash, GENESIS_HASH } from './canonical-json';

/** What verification reads of each stored entry. */
export interface StoredEntry {
  seq: number;
  eventId: string;
  agreementId: string;
  payload: string;
  prevHash: string;
  hash: string;
}

export type BreakReason =
  | 'ENTRY_MISSING'
  | 'PAYLOAD_NOT_CANONICAL'
  | 'PAYLOAD_DOES_NOT_MATCH_ROW'
  | 'PREVIOUS_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'ENTRY_NOT_IN_HEAD';

export interface ChainBreak {
  seq: number;
  reason: BreakReason;
  message: string;
}

export interface ChainReport {
  valid: boolean;
  entriesChecked: number;
  /** The hash of the last entry, for anyone who wants to notarise the ledger's state. */
  headHash: string;
  firstBroken: ChainBreak | null;
}

function payloadProblem(entry: StoredEntry): ChainBreak | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.payload);
  } catch {
    return { seq: entry.seq, reason: 'PAYLOAD_NOT_CANONICAL', message: `entry ${entry.seq} is not JSON` };
  }
  if (canonicalJson(parsed) !== entry.payload)
    return { seq: entry.seq, reason: 'PAYLOAD_NOT_CANONICAL', message: `entry ${entry.seq} is not canonical JSON` };
  const p = parsed as { seq?: unknown; eventId?: unknown; agreementId?: unknown };
  if (p.seq !== entry.seq || p.eventId !== entry.eventId || p.agreementId !== entry.agreementId)
    return {
      seq: entry.seq,
      reason: 'PAYLOAD_DOES_NOT_MATCH_ROW',
      message: `entry ${entry.seq} records a different sequence, event or agreement than its row`,
    };
  return null;
}

/**
 * Recomputes an event's chain entry by entry (fed in sequence order, in
 * batches if the ledger is long) and remembers the first entry that does not
 * match. The ledger head (last sequence and hash, kept in its own table)
 * catches a deleted or rewritten tail that the links alone cannot see.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;

  push(entry: StoredEntry): void {
    this.checked++;
    if (this.broken) return;
    if (entry.seq !== this.expectedSeq) {
      this.broken = {
        seq: this.expectedSeq,
        reason: 'ENTRY_MISSING',
        message: `entry ${this.expectedSeq} is missing (the next stored entry is ${entry.seq})`,
      };
      return;
    }
    this.broken =
      payloadProblem(entry) ??
      (entry.prevHash !== this.prevHash
        ? {
            seq: entry.seq,
            reason: 'PREVIOUS_HASH_MISMATCH',
            message: `entry ${entry.seq} does not link to the hash of entry ${entry.seq - 1}`,
          }
        : entryHash(entry.prevHash, entry.payload) !== entry.hash
          ? {
              seq: entry.seq,
              reason: 'HASH_MISMATCH',
              message: `entry ${entry.seq}'s hash does not match its contents`,
            }
          : null);
    this.expectedSeq++;
    this.prevHash = entry.hash;
  }

  finish(head: { lastSeq: number; lastHash: string }): ChainReport {
    if (!this.broken && head.lastSeq >= this.expectedSeq) {
      this.broken = {
        seq: this.expectedSeq,
        reason: 'ENTRY_MISSING',
        message: `entries ${this.expectedSeq}–${head.lastSeq} are missing`,
      };
    } else if (!this.broken && this.expectedSeq - 1 > head.lastSeq) {
      this.broken = {
        seq: head.lastSeq + 1,
        reason: 'ENTRY_NOT_IN_HEAD',
        message: `entry ${head.lastSeq + 1} was written outside the ledger (the head ends at ${head.lastSeq})`,
      };
    } else if (!this.broken && head.lastSeq > 0 && head.lastHash !== this.prevHash) {
      this.broken = {
        seq: head.lastSeq,
        reason: 'HASH_MISMATCH',
        message: `entry ${head.lastSeq}'s hash differs from the one the ledger head recorded`,
      };
    }
    return {
      valid: this.broken === null,
      entriesChecked: this.checked,
      headHash: this.prevHash,
      firstBroken: this.broken,
    };
  }
}
