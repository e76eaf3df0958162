import { BUILT_IN_CONCEPTS } from '../lexicon/lexicon';
import { TextAnalyser } from './text-analyser';

describe('TextAnalyser', () => {
  const analyser = new TextAnalyser(BUILT_IN_CONCEPTS);

  it('finds one concept in Chinese written without spaces, in inflected Russian and in English', () => {
    const zh = analyser.analyse('我们提供南昌到莫斯科的冷链物流服务');
    const ru = analyser.analyse('Ищем партнёров по холодовой логистике в Москву');
    const en = analyser.analyse('Cold-chain logistics to Moscow');
    for (const text of [zh, ru, en]) expect(Object.keys(text.concepts)).toEqual(['logistics.cold-chain']);
    expect([zh.language, ru.language, en.language]).toEqual(['zh', 'ru', 'en']);
  });

  it('prefers the longest term: 冷链物流 is one concept, not 冷链 plus a word', () => {
    const text = analyser.analyse('冷链物流');
    expect(text.concepts).toEqual({ 'logistics.cold-chain': 1 });
    expect(text.words).toEqual({});
  });

  it('keeps words outside concepts as stems, dropping stopwords, and quotes the clause they came from', () => {
    const text = analyser.analyse('Graphite electrodes; we also offer rail freight');
    expect(Object.keys(text.words).sort()).toEqual(['en:electrod', 'en:graphit']);
    expect(text.concepts).toEqual({ 'logistics.rail-freight': 1 });
    expect(text.clauses['logistics.rail-freight']).toBe('we also offer rail freight');
    expect(text.clauses['en:graphit']).toBe('Graphite electrodes');
  });

  it('learns organisers’ concepts: a term unknown to the built-in lexicon becomes a concept', () => {
    const extended = new TextAnalyser([
      ...BUILT_IN_CONCEPTS,
      {
        id: 'event.x',
        sector: 'machinery',
        terms: { en: ['graphite electrodes'], zh: ['石墨电极'], ru: ['графитовые электроды'] },
      },
    ]);
    expect(Object.keys(extended.analyse('Поставляем графитовых электродов').concepts)).toEqual(['event.x']);
    expect(Object.keys(extended.analyse('出口石墨电极').concepts)).toEqual(['event.x']);
  });

  it('takes empty or symbol-only text as nothing', () => {
    expect(analyser.analyse('')).toMatchObject({ concepts: {}, words: {} });
    expect(analyser.analyse('—; ,. !!')).toMatchObject({ concepts: {}, words: {} });
  });
});
