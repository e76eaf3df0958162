import { Injectable, Logger } from '@nestjs/common';
import { Locale } from '@roundtable/common';
import { inTransaction } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import { slotGrid } from '@roundtable/meetings';
import { DelegateProfileRow, DelegateProfilesService } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { BUILT_IN_CONCEPTS, Concept } from './lexicon/lexicon';
import { MatchProfile, OfferStatistics, PairScore, rankCandidates, scorePair } from './matching/matcher';
import { buildProfile } from './matching/profile';
import { TextAnalyser } from './matching/text-analyser';
import { PairDetails } from './reasons';
import { NewPair, RecommendationsRepository } from './recommendations.repository';

/** Suggestions kept per delegate: more than anyone pages through, few enough to stay cheap at 2,000 delegates. */
export const KEPT_PER_DELEGATE = 100;

/**
 * Recomputes the recommendations of some delegates of one event (the worker's
 * `refresh-recommendations` job). Incremental: only the changed delegates'
 * profiles are re-analysed, and only pairs naming them are rewritten, both
 * their own list and their place in everyone else's. The event's document
 * frequencies are recomputed from the stored profiles each time; scores of
 * untouched pairs keep the frequencies of their last computation.
 */
@Injectable()
export class RecommendationRefreshService {
  private readonly logger = new Logger('Recommendations');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecommendationsRepository,
    private readonly events: EventAccessService,
    private readonly delegates: DelegateProfilesService,
  ) {}

  async refresh(eventId: string, registrationIds: string[]): Promise<{ updated: number; removed: number }> {
    const started = Date.now();
    const result = await inTransaction(this.dataSource, async (em) => {
      await this.repository.lockEvent(em, eventId);
      const seen = await this.repository.dirtyMarks(em, registrationIds);
      const event = await this.events.getEvent(eventId, em).catch(() => null);
      const approved = event ? await this.delegates.approvedProfiles(eventId, registrationIds) : [];
      const current = new Map(approved.map((f) => [f.registrationId, f]));
      const removed = registrationIds.filter((id) => !current.has(id));
      // Only a profile older than its source, or than its mark, is rebuilt. A
      // delegate handed over twice for one change is skipped the second time:
      // by a scan that read before the last refresh committed (the mark is
      // older than the profile), or by a claim whose lease ran out while its
      // first job waited in the queue (the first job cleared the mark). An
      // organiser's new concept marks the whole event later than any profile.
      const state = await this.repository.profileState(
        em,
        approved.map((f) => f.registrationId),
      );
      const facts = approved.filter((f) => {
        const built = state.get(f.registrationId);
        const mark = seen.get(f.registrationId);
        return !built || built.source < f.changedAt || (mark !== undefined && built.computed < mark);
      });
      for (const id of removed) await this.repository.removeDelegate(em, id);
      if (event && facts.length > 0) {
        const concepts = [...BUILT_IN_CONCEPTS, ...(await this.repository.eventConcepts(eventId, em))];
        const analyser = new TextAnalyser(concepts);
        const slots = slotGrid(event.meetingSettings, event.timeZone);
        const profiles = await this.repository.profiles(em, eventId);
        for (const f of facts) {
          const profile = buildProfile(analyser, toFacts(f), slots);
          profiles.set(f.registrationId, profile);
          await this.repository.saveProfile(em, eventId, profile, f.changedAt);
        }
        await this.rewritePairs(em, eventId, facts, profiles, names(concepts));
      }
      await this.repository.touchEvent(em, eventId, new Date());
      await this.repository.clearDirty(em, seen);
      return { updated: facts.length, removed: removed.length };
    });
    this.logger.log(
      `Event ${eventId}: ${result.updated} profile(s) recomputed, ${result.removed} removed in ${Date.now() - started} ms`,
    );
    return result;
  }

  private async rewritePairs(
    em: Parameters<RecommendationsRepository['insertPairs']>[0],
    eventId: string,
    changed: DelegateProfileRow[],
    profiles: Map<string, MatchProfile>,
    conceptNames: Map<string, Record<Locale, string>>,
  ): Promise<void> {
    const stats = new OfferStatistics(profiles.values());
    for (const f of changed) await this.repository.deletePairsOf(em, f.registrationId);
    const sizes = await this.repository.listSizes(em, eventId);
    const changedIds = new Set(changed.map((f) => f.registrationId));
    const pairs: NewPair[] = [];
    const toRow = (viewer: string, candidate: string, pair: PairScore): NewPair => ({
      registrationId: viewer,
      candidateId: candidate,
      score: Math.round(pair.score * 1000),
      details: JSON.stringify({
        terms: pair.terms.map((t) => ({ ...t, names: conceptNames.get(t.feature) ?? null })),
        signals: pair.signals,
      } satisfies PairDetails),
    });
    for (const f of changed) {
      const viewer = profiles.get(f.registrationId)!;
      const ranked = rankCandidates(viewer, profiles.values(), stats);
      for (const r of ranked.slice(0, KEPT_PER_DELEGATE))
        pairs.push(toRow(viewer.registrationId, r.candidate.registrationId, r.pair));
      // the changed delegate's place in the others' lists (changed others build their own list above)
      for (const r of ranked) {
        const other = r.candidate.registrationId;
        if (changedIds.has(other)) continue;
        const reverse = scorePair(r.candidate, viewer, stats);
        if (!reverse) continue;
        const size = sizes.get(other);
        const score = Math.round(reverse.score * 1000);
        if (size && size.count >= KEPT_PER_DELEGATE && score <= size.min) continue;
        pairs.push(toRow(other, viewer.registrationId, reverse));
      }
    }
    await this.repository.insertPairs(em, eventId, pairs);
  }
}

function toFacts(f: DelegateProfileRow) {
  return {
    registrationId: f.registrationId,
    companyId: f.companyId,
    offers: f.offers,
    seeks: f.seeks,
    sectors: f.sectors,
    country: f.country,
    languages: f.languages,
    needsInterpreter: f.needsInterpreter,
    availability: f.availability,
  };
}

const names = (concepts: Concept[]): Map<string, Record<Locale, string>> =>
  new Map(concepts.map((c) => [c.id, { en: c.terms.en[0], zh: c.terms.zh[0], ru: c.terms.ru[0] }]));
