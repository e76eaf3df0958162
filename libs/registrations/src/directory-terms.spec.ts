import { indexTerms, MAX_TERM_LENGTH, searchTerms } from './directory-terms';

describe('directory terms', () => {
  const holds = (texts: string[], q: string) => {
    const index = indexTerms(texts);
    const wanted = searchTerms(q);
    return wanted.length > 0 && wanted.every((t) => index.has(t));
  };

  it('finds words by their beginnings, in any case and with ё written as е', () => {
    expect(holds(['Volga Logistics LLC'], 'logist')).toBe(true);
    expect(holds(['Volga Logistics LLC'], 'LOGISTICS volga')).toBe(true);
    expect(holds(['Volga Logistics LLC'], 'gistics')).toBe(false);
    expect(holds(['Холодовая логистика, Алтайский мёд'], 'мед')).toBe(true);
    expect(holds(['Холодовая логистика'], 'холод логист')).toBe(true);
    expect(holds(['Холодовая логистика'], 'холод мёд')).toBe(false);
  });

  it('finds Chinese by characters and neighbouring pairs, inside longer runs', () => {
    expect(holds(['冷链物流，南昌至莫斯科'], '物流')).toBe(true);
    expect(holds(['冷链物流，南昌至莫斯科'], '链物')).toBe(true);
    expect(holds(['冷链物流，南昌至莫斯科'], '茶')).toBe(false);
    expect(holds(['江西大米'], '米')).toBe(true);
    expect(holds(['江西大米'], '江米')).toBe(false);
  });

  it('has nothing to search by in punctuation alone, and cuts very long words to one term', () => {
    expect(searchTerms('% _ --')).toEqual([]);
    const long = 'x'.repeat(MAX_TERM_LENGTH + 10);
    expect(searchTerms(long)).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
    expect(holds([long], long)).toBe(true);
  });
});
