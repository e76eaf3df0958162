import { BUILT_IN_CONCEPTS } from '../lexicon/lexicon';
import { OfferStatistics, rankCandidates, scorePair } from './matcher';
import { buildProfile, DelegateFacts } from './profile';
import { TextAnalyser } from './text-analyser';

const analyser = new TextAnalyser(BUILT_IN_CONCEPTS);
const slots = [0, 1, 2, 3].map((i) => ({
  index: i,
  start: new Date(Date.UTC(2027, 5, 10, 1 + i)),
  end: new Date(Date.UTC(2027, 5, 10, 2 + i)),
}));
const profile = (id: string, facts: Partial<DelegateFacts>) =>
  buildProfile(
    analyser,
    {
      registrationId: id,
      companyId: `company-${id}`,
      offers: null,
      seeks: null,
      sectors: [],
      country: null,
      languages: [],
      needsInterpreter: false,
      availability: null,
      ...facts,
    },
    slots,
  );

describe('scorePair', () => {
  const chinese = profile('zh', {
    offers: '冷链物流，南昌至莫斯科铁路货运',
    seeks: '俄罗斯蜂蜜进口',
    sectors: ['logistics'],
    country: 'CN',
    languages: ['zh'],
  });
  const russian = profile('ru', {
    offers: 'Алтайский мёд и кедровые орехи',
    seeks: 'Холодовая логистика в Москву',
    sectors: ['logistics', 'food-retail'],
    country: 'RU',
    languages: ['ru', 'en'],
    availability: [{ start: '2027-06-10T01:00:00Z', end: '2027-06-10T03:00:00Z' }],
  });
  const unrelated = profile('en', { offers: 'Ceramic tiles', seeks: 'Solar panels', country: 'CN', languages: ['en'] });
  const stats = new OfferStatistics([chinese, russian, unrelated]);

  it('matches a Chinese offer with a Russian seek both ways and says which offer met which seek', () => {
    const pair = scorePair(russian, chinese, stats)!;
    expect(pair.score).toBeGreaterThan(0);
    expect(pair.terms.map((t) => [t.direction, t.feature]).sort()).toEqual([
      ['they', 'logistics.cold-chain'],
      ['you', 'food-retail.honey'],
    ]);
    const they = pair.terms.find((t) => t.direction === 'they')!;
    expect(they.offerClause).toBe('冷链物流');
    expect(they.seekClause).toBe('Холодовая логистика в Москву');
  });

  it('reports the supporting signals: sector, two countries, no shared language, common slots', () => {
    expect(scorePair(chinese, russian, stats)!.signals).toEqual({
      sectors: ['logistics'],
      countries: ['CN', 'RU'],
      sharedLanguages: [],
      interpreter: true,
      commonSlots: 2,
    });
  });

  it('recommends nobody on signals alone, and never a colleague', () => {
    expect(scorePair(chinese, unrelated, stats)).toBeNull();
    const colleague = profile('ru2', { companyId: 'company-ru', offers: 'Холодовая логистика' });
    const self = profile('ru1', { companyId: 'company-ru', seeks: 'холодовая логистика' });
    expect(scorePair(self, colleague, stats)).toBeNull();
  });

  it('never pairs two sellers of the same thing because one of them seeks buyers for it', () => {
    const grower = profile('g1', {
      offers: 'Green and black tea',
      seeks: 'Buyers of tea in Russia',
      languages: ['en'],
    });
    const rival = profile('g2', { offers: 'Jiangxi green tea', seeks: 'Buyers of fruit and tea', languages: ['en'] });
    const buyer = profile('b', { offers: 'Tea retail chain', seeks: 'Green tea', languages: ['en'] });
    const all = [grower, rival, buyer];
    const local = new OfferStatistics(all);
    expect(scorePair(grower, rival, local)).toBeNull();
    expect(scorePair(buyer, grower, local)!.terms.map((t) => [t.direction, t.feature])).toContainEqual([
      'they',
      expect.stringMatching(/tea/),
    ]);
  });

  it('ranks a partner above one who only shares filler words', () => {
    const seeker = profile('s', { seeks: 'We seek graphite electrodes at competitive prices', languages: ['en'] });
    const partner = profile('p', { offers: 'Graphite electrodes', languages: ['en'] });
    const filler = profile('f', { offers: 'Tiles at very competitive prices', languages: ['en'] });
    const all = [seeker, partner, filler];
    const ranked = rankCandidates(seeker, all, new OfferStatistics(all));
    expect(ranked.map((r) => r.candidate.registrationId)).toEqual(['p', 'f']);
  });
});
