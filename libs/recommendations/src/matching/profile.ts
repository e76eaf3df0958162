import { MatchProfile } from './matcher';
import { TextAnalyser } from './text-analyser';

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
  return {
    registrationId: facts.registrationId,
    companyId: facts.companyId,
    offers: analyser.analyse(facts.offers ?? ''),
    seeks: analyser.analyse(facts.seeks ?? ''),
    sectors: facts.sectors,
    country: facts.country,
    languages: facts.languages,
    needsInterpreter: facts.needsInterpreter,
    freeSlots,
  };
}
