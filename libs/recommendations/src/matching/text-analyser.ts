import { newStemmer, Stemmer } from 'snowball-stemmers';
import { Concept, LexiconLanguage } from '../lexicon/lexicon';

/** One unit of analysed text: `en:truck`, `ru:холодов`, `zh:冷链物流`, with where it came from. */
interface Token {
  key: string;
  start: number;
  end: number;
}

/** What one text (a company's offers or seeks) is about. */
export interface AnalysedText {
  /** The script most of the text is written in. */
  language: LexiconLanguage;
  /** Concept id → times mentioned. */
  concepts: Record<string, number>;
  /** Stemmed word (not part of a concept) → times used. */
  words: Record<string, number>;
  /** Concept id or word → the clause of the text it was found in (for reasons). */
  clauses: Record<string, string>;
}

const stemmers: Record<'en' | 'ru', Stemmer> = { en: newStemmer('english'), ru: newStemmer('russian') };

function stem(language: 'en' | 'ru', word: string): string {
  return stemmers[language].stem(word);
}

const STOPWORDS: Record<LexiconLanguage, Set<string>> = {
  en: new Set(
    'a an and or of for to in on at by from with the we our us you your they their is are be as this that these those our also all any other more most new high quality looking seek seeking offer offering offers provide providing supply supplier suppliers partner partners buyers buyer company companies products product services service wide range full cooperation long term reliable interested want need find markets market china russia chinese russian region regions city cities'
      .split(' ')
      .map((w) => stem('en', w)),
  ),
  ru: new Set(
    'и или в во на с со к по для от до из за о об а но мы наш наша наши нам вы ваш они их это этот эти также все всех как что предлагаем предлагает ищем ищет ищут поиск нужны нужен нужна поставщики поставщиков поставщик партнеры партнеров партнёры партнёров покупатели покупателей компания компании продукция продукции услуги услуг высокое качество качества долгосрочное сотрудничество сотрудничества надежные надёжные рынок рынка китай китае китая россия россии регион регионе регионах городах широкий ассортимент'
      .split(' ')
      .map((w) => stem('ru', w)),
  ),
  zh: new Set(
    '的 和 与 及 或 在 为 对 向 从 我们 我 你们 他们 公司 企业 提供 寻找 寻求 需要 希望 合作 伙伴 合作伙伴 长期 优质 高品质 产品 服务 市场 中国 俄罗斯 地区 各类 以及 进行 专业 客户 供应商 采购商 买家 一 是 有 等 了 也 将'.split(
      ' ',
    ),
  ),
};

const normalise = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A run of Han characters, or a word of letters and digits in any other script. */
const RUNS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;
/** Clause boundaries for quoting the part of a text that matched. */
const CLAUSE_BREAK = /[\n;；,，、。.!?！？]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

interface TrieNode {
  next: Map<string, TrieNode>;
  concept?: string;
}

/**
 * Turns free text in Chinese, Russian or English into concepts of the lexicon
 * and stemmed words. Chinese has no spaces: each Han run is cut by longest
 * match against the lexicon's Chinese terms, and what is left by
 * Intl.Segmenter. Russian and English words are Snowball-stemmed. Concepts are
 * then found by longest match of term token sequences, so "холодовой
 * логистики" and "холодовая логистика" are the same concept; words that are
 * not part of a concept stay as words (they only match within one language).
 */
export class TextAnalyser {
  private readonly zhTerms: Set<string>;
  private readonly zhMaxLength: number;
  private readonly trie: TrieNode = { next: new Map() };

  constructor(concepts: readonly Concept[]) {
    this.zhTerms = new Set(concepts.flatMap((c) => c.terms.zh.map(normalise)));
    this.zhMaxLength = Math.max(1, ...[...this.zhTerms].map((t) => t.length));
    for (const concept of concepts) {
      for (const term of Object.values(concept.terms).flat()) {
        const keys = this.tokens(term).map((t) => t.key);
        if (keys.length === 0) continue;
        let node = this.trie;
        for (const key of keys) {
          let child = node.next.get(key);
          if (!child) node.next.set(key, (child = { next: new Map() }));
          node = child;
        }
        // the first concept to claim a term keeps it (built-ins before organisers' additions)
        node.concept ??= concept.id;
      }
    }
  }

  /** The concepts a single term stands for (each whole-term match); for checking the lexicon. */
  conceptsOf(term: string): string[] {
    return Object.keys(this.analyse(term).concepts);
  }

  analyse(text: string): AnalysedText {
    const normal = normalise(text);
    const tokens = this.tokens(normal);
    const result: AnalysedText = { language: dominantLanguage(normal), concepts: {}, words: {}, clauses: {} };
    for (let i = 0; i < tokens.length;) {
      const match = this.longestConcept(tokens, i);
      if (match) {
        result.concepts[match.concept] = (result.concepts[match.concept] ?? 0) + 1;
        result.clauses[match.concept] ??= clauseAt(text, tokens[i].start, tokens[match.end - 1].end);
        i = match.end;
        continue;
      }
      const token = tokens[i];
      if (isWord(token.key)) {
        result.words[token.key] = (result.words[token.key] ?? 0) + 1;
        result.clauses[token.key] ??= clauseAt(text, token.start, token.end);
      }
      i += 1;
    }
    return result;
  }

  private longestConcept(tokens: Token[], from: number): { concept: string; end: number } | null {
    let node: TrieNode | undefined = this.trie;
    let best: { concept: string; end: number } | null = null;
    for (let j = from; j < tokens.length; j++) {
      node = node.next.get(tokens[j].key);
      if (!node) break;
      if (node.concept) best = { concept: node.concept, end: j + 1 };
    }
    return best;
  }

  /** Normalised text → tokens (offsets are into the normalised text, which keeps the original's length for these scripts). */
  private tokens(text: string): Token[] {
    const normal = normalise(text);
    const out: Token[] = [];
    for (const run of normal.matchAll(RUNS)) {
      const word = run[0];
      const start = run.index;
      if (HAN.test(word)) out.push(...this.hanTokens(word, start));
      else {
        const language = CYRILLIC.test(word) ? 'ru' : 'en';
        out.push({ key: `${language}:${stem(language, word)}`, start, end: start + word.length });
      }
    }
    return out;
  }

  /** Longest match against the lexicon's Chinese terms; the rest cut into words by Intl.Segmenter. */
  private hanTokens(run: string, offset: number): Token[] {
    const out: Token[] = [];
    let rest = '';
    let restStart = 0;
    const flush = () => {
      for (const s of segmenter.segment(rest)) {
        out.push({
          key: `zh:${s.segment}`,
          start: offset + restStart + s.index,
          end: offset + restStart + s.index + s.segment.length,
        });
      }
      rest = '';
    };
    for (let i = 0; i < run.length;) {
      let length = Math.min(this.zhMaxLength, run.length - i);
      while (length > 0 && !this.zhTerms.has(run.slice(i, i + length))) length--;
      if (length > 0) {
        flush();
        out.push({ key: `zh:${run.slice(i, i + length)}`, start: offset + i, end: offset + i + length });
        i += length;
      } else {
        if (rest === '') restStart = i;
        rest += run[i];
        i++;
      }
    }
    flush();
    return out;
  }
}

/** A token worth keeping as a word: not a stopword, not a lone letter or Han character. */
function isWord(key: string): boolean {
  const language = key.slice(0, 2) as LexiconLanguage;
  const word = key.slice(3);
  if (STOPWORDS[language].has(word)) return false;
  if (language === 'zh') return word.length > 1;
  return word.length > 2 && !/^\d+$/.test(word);
}

function dominantLanguage(text: string): LexiconLanguage {
  let han = 0;
  let cyrillic = 0;
  let latin = 0;
  for (const ch of text) {
    if (HAN.test(ch))
      han += 2; // one Han character carries about as much as two letters
    else if (CYRILLIC.test(ch)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  if (han >= cyrillic && han >= latin && han > 0) return 'zh';
  return cyrillic > latin ? 'ru' : 'en';
}

/** The clause of the original text around [start, end), trimmed, at most 80 characters. */
function clauseAt(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to])) to++;
  const clause = text.slice(from, to).trim();
  return clause.length > 80 ? `${clause.slice(0, 79)}…` : clause;
}
