import { TextAnalyser } from '../matching/text-analyser';
import { BUILT_IN_CONCEPTS, LEXICON_LANGUAGES, SECTORS } from './lexicon';

describe('the concept lexicon', () => {
  const analyser = new TextAnalyser(BUILT_IN_CONCEPTS);

  it('names every concept in Chinese, Russian and English, in a known sector, under a unique id', () => {
    expect(BUILT_IN_CONCEPTS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(BUILT_IN_CONCEPTS.map((c) => c.id)).size).toBe(BUILT_IN_CONCEPTS.length);
    for (const concept of BUILT_IN_CONCEPTS) {
      expect(Object.keys(SECTORS)).toContain(concept.sector);
      for (const language of LEXICON_LANGUAGES) {
        expect(concept.terms[language].length).toBeGreaterThan(0);
        for (const term of concept.terms[language]) expect(term.trim()).toBe(term);
      }
    }
  });

  it('reads every term of every concept back as that concept and nothing else', () => {
    const wrong: string[] = [];
    for (const concept of BUILT_IN_CONCEPTS) {
      for (const language of LEXICON_LANGUAGES) {
        for (const term of concept.terms[language]) {
          const found = analyser.conceptsOf(term);
          if (found.length !== 1 || found[0] !== concept.id)
            wrong.push(`${concept.id} ${language} "${term}" → ${found.join(',')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has every sector in use and named in the three languages', () => {
    const used = new Set(BUILT_IN_CONCEPTS.map((c) => c.sector));
    for (const [sector, names] of Object.entries(SECTORS)) {
      expect(used.has(sector)).toBe(true);
      for (const language of LEXICON_LANGUAGES) expect(names[language].length).toBeGreaterThan(0);
    }
  });
});
