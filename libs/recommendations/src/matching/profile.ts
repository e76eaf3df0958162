import { MatchProfile } from './matcher';
import { AnalysedText, TextAnalyser } from './text-analyser';

/** The facts about one delegate that recommendations are computed from (read through the registrations lib). */
export interface DelegateFacts {
  registrationId: string;
  companyId: string | null;
  offers: string | null;
  seeks: string | null;
  sectors: string[];
  country: string | null;
  languages: string[];
  needsInterpreter: boolean;
  /** UTC windows the delegate can meet in; null means whenever meetings run. */
  availability: Array<{ start: string; end: string }> | null;
}

export interface SlotTime {
  index: number;
  start: Date;
  end: Date;
}

/** Analyses a delegate's offers and seeks and works out which of the event's slots they can make. */
export function buildProfile(analyser: TextAnalyser, facts: DelegateFacts, slots: readonly SlotTime[]): MatchProfile {
  let freeSlots: number[] | null = null;
  if (facts.availability !== null) {
    const ranges = facts.availability.map((w) => [Date.parse(w.start), Date.parse(w.end)] as const);
    freeSlots = slots
      .filter((s) => ranges.some(([a, b]) => s.start.getTime() >= a && s.end.getTime() <= b))
      .map((s) => s.index);
  }
  const offers = analyser.analyse(facts.offers ?? '');
  return {
    registrationId: facts.registrationId,
    companyId: facts.companyId,
    offers,
    seeks: withoutOwnGoods(analyser.analyse(facts.seeks ?? ''), offers),
    sectors: facts.sectors,
    country: facts.country,
    languages: facts.languages,
    needsInterpreter: facts.needsInterpreter,
    freeSlots,
  };
}

/** A clause asking for someone to sell to: buyers, importers, distributors, dealers. */
const BUYERS =
  /\b(buyers?|customers?|clients?|importers?|distributors?|wholesalers?|dealers?|retailers?|resellers?)\b|покупател|клиент|импорт[её]р|дистриб[ь]?ютор|оптовик|дилер|сбыт|买家|买方|采购商|经销商|进口商|分销商|代理商|客户|销路|销售渠道/iu;

/**
 * What a delegate seeks, less the goods they ask buyers for: "buyers of
 * fruit and tea" written by a tea grower seeks customers for their own tea,
 * not another tea grower. A feature is dropped only when its clause asks for
 * buyers and the delegate offers it too ("green tea" sought by a tea
 * retailer stays).
 */
function withoutOwnGoods(seeks: AnalysedText, offers: AnalysedText): AnalysedText {
  const own = (feature: string) => offers.concepts[feature] !== undefined || offers.words[feature] !== undefined;
  const dropped = (feature: string) => own(feature) && BUYERS.test(seeks.clauses[feature] ?? '');
  const keep = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).filter(([feature]) => !dropped(feature)));
  return { ...seeks, concepts: keep(seeks.concepts), words: keep(seeks.words) };
}
