import {
  BUILT_IN_CONCEPTS,
  buildProfile,
  MatchProfile,
  OfferStatistics,
  rankCandidates,
  TextAnalyser,
} from '@roundtable/recommendations';
import { generateLabelledSet, LabelledCompany } from './match-labelled-set';

/** precision@5 and recall@10 of one ranking method, overall and counting only cross-language partners. */
export interface QualityFigures {
  precisionAt5: number;
  recallAt10: number;
  crossPrecisionAt5: number;
  crossRecallAt10: number;
  viewers: number;
  crossViewers: number;
}

/**
 * precision@5 is hits in the top 5 over min(5, true partners), so a company
 * with three partners can still score 1; recall@10 is hits in the top 10
 * over all true partners. The cross-language figures judge the same ranking
 * with only the candidates writing in another language than the viewer.
 */
export function evaluate(
  companies: LabelledCompany[],
  partners: Map<string, Set<string>>,
  rank: (viewer: LabelledCompany) => string[],
): QualityFigures {
  const byId = new Map(companies.map((c) => [c.id, c]));
  let p5 = 0;
  let r10 = 0;
  let viewers = 0;
  let cp5 = 0;
  let cr10 = 0;
  let crossViewers = 0;
  for (const viewer of companies) {
    const truth = partners.get(viewer.id)!;
    if (truth.size === 0) continue;
    const ranked = rank(viewer);
    viewers++;
    p5 += hits(ranked.slice(0, 5), truth) / Math.min(5, truth.size);
    r10 += hits(ranked.slice(0, 10), truth) / truth.size;
    const crossTruth = new Set([...truth].filter((id) => byId.get(id)!.language !== viewer.language));
    if (crossTruth.size === 0) continue;
    const crossRanked = ranked.filter((id) => byId.get(id)!.language !== viewer.language);
    crossViewers++;
    cp5 += hits(crossRanked.slice(0, 5), crossTruth) / Math.min(5, crossTruth.size);
    cr10 += hits(crossRanked.slice(0, 10), crossTruth) / crossTruth.size;
  }
  return {
    precisionAt5: p5 / viewers,
    recallAt10: r10 / viewers,
    crossPrecisionAt5: cp5 / crossViewers,
    crossRecallAt10: cr10 / crossViewers,
    viewers,
    crossViewers,
  };
}

const hits = (ids: string[], truth: Set<string>): number => ids.filter((id) => truth.has(id)).length;

/** The recommender as the worker runs it: profiles from the lexicon analyser, BM25 with signals. */
export function recommenderRanking(companies: LabelledCompany[]): (viewer: LabelledCompany) => string[] {
  const analyser = new TextAnalyser(BUILT_IN_CONCEPTS);
  const profiles = new Map<string, MatchProfile>(
    companies.map((c) => [
      c.id,
      buildProfile(
        analyser,
        {
          registrationId: c.id,
          companyId: c.id,
          offers: c.offers,
          seeks: c.seeks,
          sectors: [c.sector],
          country: c.country,
          languages: c.languages,
          needsInterpreter: false,
          availability: null,
        },
        [],
      ),
    ]),
  );
  const stats = new OfferStatistics(profiles.values());
  return (viewer) =>
    rankCandidates(profiles.get(viewer.id)!, profiles.values(), stats).map((r) => r.candidate.registrationId);
}

/**
 * The directory's text search (`GET /delegates?q=`: a case-insensitive
 * substring of name, offers or seeks), used the most favourable way: the
 * viewer searches for the exact product phrase they seek and the one they
 * offer; candidates found by both come first, then in directory order.
 */
export function directorySearchRanking(companies: LabelledCompany[]): (viewer: LabelledCompany) => string[] {
  return (viewer) => {
    const queries = [productPhrase(viewer.seeks), productPhrase(viewer.offers)].map((q) => q.toLowerCase());
    return companies
      .filter((c) => c.id !== viewer.id)
      .map((c) => {
        const haystack = `${c.name}\n${c.offers}\n${c.seeks}`.toLowerCase();
        return { id: c.id, found: queries.filter((q) => q.length > 0 && haystack.includes(q)).length };
      })
      .filter((r) => r.found > 0)
      .sort((a, b) => b.found - a.found || a.id.localeCompare(b.id))
      .map((r) => r.id);
  };
}

/** What a person would type: the text without the template's framing words and filler. */
function productPhrase(text: string): string {
  return text
    .split(/[,.;:，。；]/u)[0]
    .replace(
      /^(we offer|producer and exporter of|looking for|we seek suppliers of|buyers of|предлагаем|производим и поставляем|ищем поставщиков|ищем партнёров в сфере|закупаем|我公司提供|专业生产|寻找|采购|需要)\s*/iu,
      '',
    )
    .replace(/\s*(partners.*|合作伙伴|供应商|出口)$/u, '')
    .trim();
}

export function runLabelledSet(seed: number): {
  companies: number;
  recommender: QualityFigures;
  baseline: QualityFigures;
} {
  const { companies, partners } = generateLabelledSet(seed);
  return {
    companies: companies.length,
    recommender: evaluate(companies, partners, recommenderRanking(companies)),
    baseline: evaluate(companies, partners, directorySearchRanking(companies)),
  };
}
