import { AnalysedText } from './text-analyser';

/** What the matcher knows of one delegate: analysed offers and seeks, and the facts behind the supporting signals. */
export interface MatchProfile {
  registrationId: string;
  companyId: string | null;
  offers: AnalysedText;
  seeks: AnalysedText;
  sectors: string[];
  country: string | null;
  languages: string[];
  needsInterpreter: boolean;
  /** Indexes of the event's B2B slots the delegate can make; null means every slot. */
  freeSlots: number[] | null;
}

/** One offer meeting one seek: who offers, the concept or word, and the clauses it was found in. */
export interface MatchedTerm {
  /** `they`: the candidate offers what the viewer seeks; `you`: the other way round. */
  direction: 'they' | 'you';
  /** A concept id, or a stemmed word (`en:bearing`) when no concept covers it. */
  feature: string;
  offerClause: string;
  offerLanguage: string;
  seekClause: string;
  seekLanguage: string;
  weight: number;
}

export interface PairSignals {
  sectors: string[];
  /** The two countries when they differ (the forum's point is cross-border). */
  countries: [string, string] | null;
  sharedLanguages: string[];
  /** Nobody speaks a language of the other: the meeting needs an interpreter (or either side asked for one). */
  interpreter: boolean;
  /** B2B slots both have declared free; null when both can make every slot. */
  commonSlots: number | null;
}

export interface PairScore {
  /** Content match times the support of the signals; higher is better. */
  score: number;
  /** Best match per direction, strongest first. */
  terms: MatchedTerm[];
  signals: PairSignals;
}

/** Words weigh less than concepts: a concept is a product named on purpose, a word may be filler. */
const WORD_WEIGHT = 0.5;
/** Each shared word after the strongest one counts this much. */
const EXTRA_WORD_WEIGHT = 0.25;
const K1 = 1.2;
const B = 0.75;

/**
 * Document frequencies of the event's offer texts, for BM25's idf: a concept
 * that half the forum offers says little about who should meet whom.
 */
export class OfferStatistics {
  private readonly df = new Map<string, number>();
  private totalLength = 0;
  private count = 0;

  constructor(profiles: Iterable<MatchProfile>) {
    for (const p of profiles) this.add(p);
  }

  add(p: MatchProfile): void {
    for (const doc of [p.offers, p.seeks]) {
      for (const f of [...Object.keys(doc.concepts), ...Object.keys(doc.words)]) {
        this.df.set(f, (this.df.get(f) ?? 0) + 1);
      }
      this.totalLength += lengthOf(doc);
    }
    this.count += 1;
  }

  idf(feature: string): number {
    const n = this.count * 2;
    const df = this.df.get(feature) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  get averageLength(): number {
    return this.count === 0 ? 1 : Math.max(1, this.totalLength / (this.count * 2));
  }
}

const lengthOf = (doc: AnalysedText): number =>
  Object.values(doc.concepts).reduce((a, b) => a + b, 0) + Object.values(doc.words).reduce((a, b) => a + b, 0);

/** BM25 of one offer text against one seek text (the seek is the query); also the best-contributing feature. */
function offerMeetsSeek(
  offer: AnalysedText,
  seek: AnalysedText,
  stats: OfferStatistics,
): { score: number; best: string | null; bestWeight: number } {
  const norm = K1 * (1 - B + (B * lengthOf(offer)) / stats.averageLength);
  let score = 0;
  let best: string | null = null;
  let bestWeight = 0;
  const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + norm);
  const add = (feature: string, w: number) => {
    score += w;
    if (w > bestWeight) {
      best = feature;
      bestWeight = w;
    }
  };
  for (const concept of Object.keys(seek.concepts)) {
    const tf = offer.concepts[concept];
    if (tf) add(concept, stats.idf(concept) * saturate(tf));
  }
  // Shared words add up sub-linearly: one telling word ("валенки") should beat
  // several incidental ones ("по конкурентным ценам") that half the forum writes.
  const words = Object.keys(seek.words)
    .filter((word) => offer.words[word])
    .map((word) => ({ word, w: WORD_WEIGHT * stats.idf(word) * saturate(offer.words[word]) }))
    .sort((a, b) => b.w - a.w);
  words.forEach(({ word, w }, i) => add(word, i === 0 ? w : w * EXTRA_WORD_WEIGHT));
  return { score, best, bestWeight };
}

/**
 * How well `candidate` fits `viewer`: what the candidate offers against what
 * the viewer seeks, plus the other way round, then lifted by the supporting
 * signals (shared sector, different countries, a common language, common
 * free slots). Zero when no offer meets a seek: signals alone recommend nobody.
 */
export function scorePair(viewer: MatchProfile, candidate: MatchProfile, stats: OfferStatistics): PairScore | null {
  if (viewer.companyId !== null && viewer.companyId === candidate.companyId) return null; // colleagues
  const they = offerMeetsSeek(candidate.offers, viewer.seeks, stats);
  const you = offerMeetsSeek(viewer.offers, candidate.seeks, stats);
  const content = they.score + you.score;
  if (content <= 0) return null;
  const terms: MatchedTerm[] = [];
  if (they.best)
    terms.push({
      direction: 'they',
      feature: they.best,
      offerClause: candidate.offers.clauses[they.best] ?? '',
      offerLanguage: candidate.offers.language,
      seekClause: viewer.seeks.clauses[they.best] ?? '',
      seekLanguage: viewer.seeks.language,
      weight: round(they.bestWeight),
    });
  if (you.best)
    terms.push({
      direction: 'you',
      feature: you.best,
      offerClause: viewer.offers.clauses[you.best] ?? '',
      offerLanguage: viewer.offers.language,
      seekClause: candidate.seeks.clauses[you.best] ?? '',
      seekLanguage: candidate.seeks.language,
      weight: round(you.bestWeight),
    });
  terms.sort((a, b) => b.weight - a.weight);
  const signals = signalsOf(viewer, candidate);
  const lift =
    1 +
    (signals.sectors.length > 0 ? 0.1 : 0) +
    (signals.countries ? 0.15 : 0) +
    (signals.sharedLanguages.length > 0 ? 0.05 : 0) +
    (signals.commonSlots === null || signals.commonSlots > 0 ? 0.05 : -0.3);
  return { score: round(content * lift), terms, signals };
}

export function signalsOf(a: MatchProfile, b: MatchProfile): PairSignals {
  const sharedLanguages = a.languages.filter((l) => b.languages.includes(l));
  let commonSlots: number | null = null;
  if (a.freeSlots !== null || b.freeSlots !== null) {
    if (a.freeSlots === null) commonSlots = b.freeSlots!.length;
    else if (b.freeSlots === null) commonSlots = a.freeSlots.length;
    else {
      const other = new Set(b.freeSlots);
      commonSlots = a.freeSlots.filter((s) => other.has(s)).length;
    }
  }
  return {
    sectors: a.sectors.filter((s) => b.sectors.includes(s)),
    countries: a.country && b.country && a.country !== b.country ? [a.country, b.country] : null,
    sharedLanguages,
    interpreter: sharedLanguages.length === 0 || a.needsInterpreter || b.needsInterpreter,
    commonSlots,
  };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Every candidate that fits the viewer, best first (ties by registration id, as the endpoint pages them). */
export function rankCandidates(
  viewer: MatchProfile,
  profiles: Iterable<MatchProfile>,
  stats: OfferStatistics,
): Array<{ candidate: MatchProfile; pair: PairScore }> {
  const out: Array<{ candidate: MatchProfile; pair: PairScore }> = [];
  for (const candidate of profiles) {
    if (candidate.registrationId === viewer.registrationId) continue;
    const pair = scorePair(viewer, candidate, stats);
    if (pair) out.push({ candidate, pair });
  }
  return out.sort(
    (a, b) => b.pair.score - a.pair.score || a.candidate.registrationId.localeCompare(b.candidate.registrationId),
  );
}
