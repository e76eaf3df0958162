import { Injectable } from '@nestjs/common';
import { chunks } from '@roundtable/common';
import { DataSource, EntityManager } from 'typeorm';
import { Concept, LexiconLanguage } from './lexicon/lexicon';
import { MatchProfile } from './matching/matcher';

export interface PairRow {
  candidateId: string;
  score: number;
  details: string;
}

export interface NewPair {
  registrationId: string;
  candidateId: string;
  score: number;
  details: string;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The SQL over the recommendation tables (this lib owns them; nobody else queries them). */
@Injectable()
export class RecommendationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a delegate's suggestions, best first, without the excluded candidates. */
  async page(
    registrationId: string,
    after: { score: number; candidateId: string } | null,
    exclude: string[],
    limit: number,
  ): Promise<PairRow[]> {
    const params: unknown[] = [registrationId];
    let sql = 'SELECT candidate_id AS candidateId, score, details FROM recommendation_pairs WHERE registration_id = ?';
    if (after) {
      sql += ' AND (score < ? OR (score = ? AND candidate_id > ?))';
      params.push(after.score, after.score, after.candidateId);
    }
    if (exclude.length > 0) {
      sql += ` AND candidate_id NOT IN (${marks(exclude.length)})`;
      params.push(...exclude);
    }
    sql += ` ORDER BY score DESC, candidate_id ASC LIMIT ${Number(limit)}`;
    return this.dataSource.query<PairRow[]>(sql, params);
  }

  /** The slots each of these delegates declared they can make (null: every slot), from their stored profiles. */
  async freeSlotsOf(ids: string[]): Promise<Map<string, number[] | null>> {
    if (ids.length === 0) return new Map();
    // only the slots leave the database (a profile carries its analysed texts too); MariaDB answers
    // JSON_EXTRACT as text, MySQL as JSON that the driver has parsed already
    const rows = await this.dataSource.query<Array<{ registration_id: string; slots: string | number[] | null }>>(
      `SELECT registration_id, JSON_EXTRACT(profile, '$.freeSlots') AS slots FROM recommendation_profiles
        WHERE registration_id IN (${marks(ids.length)})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.registration_id,
        typeof r.slots === 'string' ? (JSON.parse(r.slots) as number[] | null) : r.slots,
      ]),
    );
  }

  // ---- organisers' concepts ----------------------------------------------

  async eventConcepts(eventId: string, em: EntityManager = this.dataSource.manager): Promise<Concept[]> {
    const rows = await em.query<Array<{ id: string; sector: string; terms: string }>>(
      'SELECT id, sector, terms FROM recommendation_concepts WHERE event_id = ? ORDER BY created_at, id',
      [eventId],
    );
    return rows.map((r) => ({
      id: `event.${r.id}`,
      sector: r.sector,
      terms: JSON.parse(r.terms) as Record<LexiconLanguage, string[]>,
    }));
  }

  async insertConcept(
    em: EntityManager,
    c: { id: string; eventId: string; sector: string; terms: Record<LexiconLanguage, string[]>; createdBy: string },
  ): Promise<void> {
    await em.query(
      'INSERT INTO recommendation_concepts (id, event_id, sector, terms, created_by) VALUES (?, ?, ?, ?, ?)',
      [c.id, c.eventId, c.sector, JSON.stringify(c.terms), c.createdBy],
    );
  }

  /** Every delegate of the event with a profile is recomputed (new concepts change what their texts mean). */
  async markEventDirty(em: EntityManager, eventId: string, at: Date): Promise<void> {
    await em.query(
      `INSERT INTO recommendation_dirty (registration_id, event_id, marked_at, leased_until)
       SELECT registration_id, event_id, ?, NULL FROM recommendation_profiles WHERE event_id = ?
       ON DUPLICATE KEY UPDATE marked_at = GREATEST(marked_at, VALUES(marked_at)), leased_until = NULL`,
      [at, eventId],
    );
  }

  // ---- change scan and dirty flags (worker) -------------------------------

  /** The newest change scanned, locked; and the database's time when the statement began (`now`). */
  async watermark(em: EntityManager): Promise<{ at: Date; id: string; now: Date }> {
    const [row] = await em.query<Array<{ changed_at: Date; registration_id: string; now: Date }>>(
      'SELECT changed_at, registration_id, NOW(3) AS now FROM recommendation_watermark WHERE id = 1 FOR UPDATE',
    );
    return { at: new Date(row.changed_at), id: row.registration_id, now: new Date(row.now) };
  }

  async setWatermark(em: EntityManager, at: Date, id: string): Promise<void> {
    await em.query('UPDATE recommendation_watermark SET changed_at = ?, registration_id = ? WHERE id = 1', [at, id]);
  }

  /** Each of these profiles: the change it was built from, and when it was built. */
  async profileState(em: EntityManager, ids: string[]): Promise<Map<string, { source: Date; computed: Date }>> {
    if (ids.length === 0) return new Map();
    const rows = await em.query<Array<{ registration_id: string; source_changed_at: Date; computed_at: Date }>>(
      `SELECT registration_id, source_changed_at, computed_at FROM recommendation_profiles
        WHERE registration_id IN (${marks(ids.length)})`,
      ids,
    );
    return new Map(
      rows.map((r) => [
        r.registration_id,
        { source: new Date(r.source_changed_at), computed: new Date(r.computed_at) },
      ]),
    );
  }

  /** When each of these registrations' profiles was last built from (absent: never). */
  async profileStamps(em: EntityManager, ids: string[]): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    for (const part of chunks(ids, 500)) {
      const rows = await em.query<Array<{ registration_id: string; source_changed_at: Date }>>(
        `SELECT registration_id, source_changed_at FROM recommendation_profiles WHERE registration_id IN (${marks(part.length)})`,
        part,
      );
      for (const r of rows) out.set(r.registration_id, new Date(r.source_changed_at));
    }
    return out;
  }

  async markDirty(
    em: EntityManager,
    rows: Array<{ registrationId: string; eventId: string; at: Date }>,
  ): Promise<void> {
    for (const part of chunks(rows, 500)) {
      await em.query(
        `INSERT INTO recommendation_dirty (registration_id, event_id, marked_at, leased_until) VALUES ${part
          .map(() => '(?, ?, ?, NULL)')
          .join(', ')}
         ON DUPLICATE KEY UPDATE marked_at = GREATEST(marked_at, VALUES(marked_at)), leased_until = NULL`,
        part.flatMap((r) => [r.registrationId, r.eventId, r.at]),
      );
    }
  }

  /** Claims dirty rows nobody holds (or whose lease ran out) until `leasedUntil`. */
  async claimDirty(leasedUntil: Date, limit: number): Promise<Array<{ registrationId: string; eventId: string }>> {
    return this.dataSource.transaction(async (em) => {
      const rows = await em.query<Array<{ registration_id: string; event_id: string }>>(
        `SELECT registration_id, event_id FROM recommendation_dirty
          WHERE leased_until IS NULL OR leased_until < ?
          ORDER BY marked_at LIMIT ${Number(limit)} FOR UPDATE SKIP LOCKED`,
        [new Date()],
      );
      if (rows.length > 0)
        await em.query(
          `UPDATE recommendation_dirty SET leased_until = ? WHERE registration_id IN (${marks(rows.length)})`,
          [leasedUntil, ...rows.map((r) => r.registration_id)],
        );
      return rows.map((r) => ({ registrationId: r.registration_id, eventId: r.event_id }));
    });
  }

  async releaseDirty(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE recommendation_dirty SET leased_until = NULL WHERE registration_id IN (${marks(ids.length)})`,
      ids,
    );
  }

  /** The dirty marks of these registrations as they are now (the refresh clears only marks it has seen). */
  async dirtyMarks(em: EntityManager, ids: string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const rows = await em.query<Array<{ registration_id: string; marked_at: Date }>>(
      `SELECT registration_id, marked_at FROM recommendation_dirty WHERE registration_id IN (${marks(ids.length)})`,
      ids,
    );
    return new Map(rows.map((r) => [r.registration_id, new Date(r.marked_at)]));
  }

  /** Clears marks not renewed since they were read: a change that arrived meanwhile keeps its row. */
  async clearDirty(em: EntityManager, seen: Map<string, Date>): Promise<void> {
    for (const [id, at] of seen) {
      await em.query('DELETE FROM recommendation_dirty WHERE registration_id = ? AND marked_at <= ?', [id, at]);
    }
  }

  // ---- profiles and pairs (worker) ----------------------------------------

  /** Serialises refreshes of one event across workers for the rest of the transaction. */
  async lockEvent(em: EntityManager, eventId: string): Promise<void> {
    await em.query('INSERT IGNORE INTO recommendation_events (event_id, refreshed_at) VALUES (?, NULL)', [eventId]);
    await em.query('SELECT event_id FROM recommendation_events WHERE event_id = ? FOR UPDATE', [eventId]);
  }

  async touchEvent(em: EntityManager, eventId: string, at: Date): Promise<void> {
    await em.query('UPDATE recommendation_events SET refreshed_at = ? WHERE event_id = ?', [at, eventId]);
  }

  async profiles(em: EntityManager, eventId: string): Promise<Map<string, MatchProfile>> {
    const rows = await em.query<Array<{ registration_id: string; profile: string }>>(
      'SELECT registration_id, profile FROM recommendation_profiles WHERE event_id = ?',
      [eventId],
    );
    return new Map(rows.map((r) => [r.registration_id, JSON.parse(r.profile) as MatchProfile]));
  }

  async saveProfile(em: EntityManager, eventId: string, profile: MatchProfile, sourceChangedAt: Date): Promise<void> {
    await em.query(
      `INSERT INTO recommendation_profiles (registration_id, event_id, profile, source_changed_at, computed_at)
       VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE profile = VALUES(profile), source_changed_at = VALUES(source_changed_at),
         computed_at = VALUES(computed_at)`,
      [profile.registrationId, eventId, JSON.stringify(profile), sourceChangedAt, new Date()],
    );
  }

  /** Forgets a delegate who is no longer an approved delegate: their profile and every pair naming them. */
  async removeDelegate(em: EntityManager, registrationId: string): Promise<void> {
    await em.query('DELETE FROM recommendation_profiles WHERE registration_id = ?', [registrationId]);
    await em.query('DELETE FROM recommendation_pairs WHERE registration_id = ?', [registrationId]);
    await em.query('DELETE FROM recommendation_pairs WHERE candidate_id = ?', [registrationId]);
  }

  async deletePairsOf(em: EntityManager, registrationId: string): Promise<void> {
    await em.query('DELETE FROM recommendation_pairs WHERE registration_id = ?', [registrationId]);
    await em.query('DELETE FROM recommendation_pairs WHERE candidate_id = ?', [registrationId]);
  }

  /** Per viewer of the event: how many suggestions they hold and the weakest one's score. */
  async listSizes(em: EntityManager, eventId: string): Promise<Map<string, { count: number; min: number }>> {
    const rows = await em.query<Array<{ registration_id: string; n: string | number; lowest: number }>>(
      `SELECT registration_id, COUNT(*) AS n, MIN(score) AS lowest FROM recommendation_pairs
        WHERE event_id = ? GROUP BY registration_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.registration_id, { count: Number(r.n), min: Number(r.lowest) }]));
  }

  async insertPairs(em: EntityManager, eventId: string, pairs: NewPair[]): Promise<void> {
    for (const part of chunks(pairs, 500)) {
      await em.query(
        `INSERT INTO recommendation_pairs (registration_id, candidate_id, event_id, score, details) VALUES ${part
          .map(() => '(?, ?, ?, ?, ?)')
          .join(', ')}
         ON DUPLICATE KEY UPDATE score = VALUES(score), details = VALUES(details)`,
        part.flatMap((p) => [p.registrationId, p.candidateId, eventId, p.score, p.details]),
      );
    }
  }
}
