import { Injectable } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { CommonError, decodeCursor, encodeCursor, Locale, LOCALES, newId } from '@roundtable/common';
import { inTransaction } from '@roundtable/database';
import { Event, EventAccessService } from '@roundtable/events';
import { MeetingProposalsService, slotGrid } from '@roundtable/meetings';
import { DelegateProfilesService, RegistrationAccessService, Registration } from '@roundtable/registrations';
import { CommonErrorCode } from '@roundtable/common';
import { DataSource } from 'typeorm';
import {
  ConceptDto,
  CreateConceptDto,
  ProposalDto,
  ProposeMeetingDto,
  RecommendationDto,
  RecommendationPageDto,
  RecommendationQueryDto,
} from './dto/recommendation.dto';
import { BUILT_IN_CONCEPTS, Concept, LEXICON_LANGUAGES } from './lexicon/lexicon';
import { TextAnalyser } from './matching/text-analyser';
import { PairDetails, reasonLine, supportingLines } from './reasons';
import { RecommendationError, RecommendationErrorCode } from './recommendation-error';
import { RecommendationsRepository } from './recommendations.repository';

const asLocale = (value: string | undefined): Locale =>
  (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'en';

/**
 * Reading recommendations (precomputed by the worker: a page is one indexed
 * query plus the exclusions and the cards), organisers' lexicon concepts, and
 * organisers proposing a meeting from a suggestion.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecommendationsRepository,
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationAccessService,
    private readonly delegates: DelegateProfilesService,
    private readonly meetings: MeetingProposalsService,
  ) {}

  async list(eventId: string, query: RecommendationQueryDto, user: AuthUser): Promise<RecommendationPageDto> {
    const [event, organiser] = await Promise.all([
      this.events.getVisibleEvent(eventId, user),
      this.events.isOrganiser(eventId, user),
    ]);
    const subject = await this.subjectFor(event.id, query.for, user, organiser);
    const cursor = decodeCursor(query.cursor, ['seq', 'id']);
    const after = cursor ? { score: cursor[0] as number, candidateId: cursor[1] as string } : null;
    const exclude = await this.meetings.contactedBy(event.id, subject.id);
    const rows = await this.repository.page(subject.id, after, exclude, query.limit + 1);
    const kept = rows.slice(0, query.limit);
    const candidates = kept.map((r) => r.candidateId);
    const [cards, commonSlots] = await Promise.all([
      this.delegates.cards(event.id, candidates),
      this.commonFreeSlots(event, subject.id, candidates),
    ]);
    const locale = query.lang ?? asLocale(user.locale);
    const items: RecommendationDto[] = [];
    for (const row of kept) {
      const delegate = cards.get(row.candidateId);
      if (!delegate) continue; // no longer an approved delegate; the worker drops the pair shortly
      const details = JSON.parse(row.details) as PairDetails;
      details.signals.commonSlots = commonSlots.get(row.candidateId) ?? details.signals.commonSlots;
      items.push(
        Object.assign(new RecommendationDto(), {
          registrationId: row.candidateId,
          delegate,
          score: row.score / 1000,
          reason: reasonLine(details.terms, locale),
          supporting: supportingLines(details.signals, locale),
          matches: details.terms.map((t) => ({
            direction: t.direction,
            conceptId: t.names ? t.feature : null,
            concept: t.names ? t.names[locale] : null,
            offer: t.offerClause,
            seek: t.seekClause,
          })),
          signals: {
            sectors: details.signals.sectors,
            countries: details.signals.countries ?? [],
            sharedLanguages: details.signals.sharedLanguages,
            interpreterNeeded: details.signals.interpreter,
            commonFreeSlots: details.signals.commonSlots,
          },
        }),
      );
    }
    const last = kept[kept.length - 1];
    return Object.assign(new RecommendationPageDto(), {
      items,
      nextCursor: rows.length > query.limit ? encodeCursor([Number(last.score), last.candidateId]) : null,
      limit: query.limit,
      locale,
      registrationId: subject.id,
    });
  }

  /**
   * Per candidate: the slots both the subject and they can make (their
   * declared availability) in which neither has a meeting yet. Counted on
   * every read, since meetings come and go faster than profiles change.
   */
  private async commonFreeSlots(event: Event, subjectId: string, candidateIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (candidateIds.length === 0) return out;
    const everyone = [subjectId, ...candidateIds];
    const [free, busy] = await Promise.all([
      this.repository.freeSlotsOf(everyone),
      this.meetings.busySlots(event.id, everyone),
    ]);
    const all = this.slotIndexes(event);
    const usable = (id: string): number[] => {
      const taken = busy.get(id);
      const declared = free.get(id) ?? all;
      return taken ? declared.filter((slot) => !taken.has(slot)) : declared;
    };
    const mine = new Set(usable(subjectId));
    for (const id of candidateIds) out.set(id, usable(id).filter((slot) => mine.has(slot)).length);
    return out;
  }

  /** The indexes of the event's B2B slots, remembered per meeting settings (working them out is date arithmetic). */
  private slotIndexes(event: Event): number[] {
    const key = `${event.timeZone}|${JSON.stringify(event.meetingSettings)}`;
    let indexes = this.grids.get(key);
    if (!indexes) {
      indexes = slotGrid(event.meetingSettings, event.timeZone).map((s) => s.index);
      if (this.grids.size >= 100) this.grids.clear();
      this.grids.set(key, indexes);
    }
    return indexes;
  }

  private readonly grids = new Map<string, number[]>();

  /**
   * Whose suggestions: a delegate sees their own (and may name only
   * themselves in `for`); an organiser names any approved delegate.
   */
  private async subjectFor(
    eventId: string,
    forId: string | undefined,
    user: AuthUser,
    organiser: boolean,
  ): Promise<Registration> {
    if (forId === undefined) {
      if (organiser && !(await this.registrations.findOwn(eventId, user.id)))
        throw new RecommendationError(
          RecommendationErrorCode.SubjectRequired,
          'Organisers pass for=<registrationId> to see the suggestions for a delegate',
        );
      return this.registrations.requireApproved(eventId, user);
    }
    if (!organiser) {
      const own = await this.registrations.requireApproved(eventId, user);
      if (own.id !== forId) throw CommonError.forbidden('Only organisers may see suggestions for another delegate');
      return own;
    }
    const subject = await this.registrations.getRegistration(eventId, forId);
    if (subject.status !== 'approved' || subject.role !== 'delegate')
      throw new CommonError(CommonErrorCode.BadReference, 'for must name an approved delegate of this event');
    return subject;
  }

  // ---- concepts ------------------------------------------------------------

  async concepts(eventId: string, user: AuthUser): Promise<ConceptDto[]> {
    const event = await this.events.getOrganisedEvent(eventId, user);
    const own = await this.repository.eventConcepts(event.id);
    return [...BUILT_IN_CONCEPTS.map((c) => conceptDto(c, true)), ...own.map((c) => conceptDto(c, false))];
  }

  /** Adds an event concept and marks every delegate of the event for recomputation, in one transaction. */
  async addConcept(eventId: string, dto: CreateConceptDto, user: AuthUser): Promise<ConceptDto> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.events.getOrganisedEvent(eventId, user, em);
      const existing = [...BUILT_IN_CONCEPTS, ...(await this.repository.eventConcepts(event.id, em))];
      const analyser = new TextAnalyser(existing);
      const terms = { en: unique(dto.en), zh: unique(dto.zh), ru: unique(dto.ru) };
      const probe = new TextAnalyser([]);
      for (const language of LEXICON_LANGUAGES) {
        for (const term of terms[language]) {
          const analysed = probe.analyse(term);
          if (Object.keys(analysed.words).length === 0)
            throw new RecommendationError(
              RecommendationErrorCode.TermUnusable,
              `${language} term "${term}" has no word to match on (only punctuation, stopwords or single letters)`,
            );
          const taken = analyser.conceptsOf(term);
          if (taken.length === 1 && sameTerm(analyser, term, taken[0], existing))
            throw new RecommendationError(
              RecommendationErrorCode.TermTaken,
              `${language} term "${term}" already names the concept ${taken[0]}`,
              { conceptId: taken[0] },
            );
        }
      }
      const id = newId();
      await this.repository.insertConcept(em, { id, eventId: event.id, sector: dto.sector, terms, createdBy: user.id });
      await this.repository.markEventDirty(em, event.id, new Date());
      return conceptDto({ id: `event.${id}`, sector: dto.sector, terms }, false);
    });
  }

  // ---- proposals -------------------------------------------------------------

  async propose(eventId: string, dto: ProposeMeetingDto, user: AuthUser): Promise<ProposalDto> {
    const request = await this.meetings.propose(
      eventId,
      user,
      dto.registrationId,
      dto.candidateId,
      dto.message ?? null,
    );
    return Object.assign(new ProposalDto(), {
      requestId: request.id,
      fromRegistrationId: request.fromRegistrationId,
      toRegistrationId: request.toRegistrationId,
      status: request.status,
      proposedByOrganiser: true,
    });
  }
}

const unique = (terms: string[]): string[] => [...new Set(terms.map((t) => t.trim()))].filter((t) => t !== '');

/** The term as a whole is that concept's term (not just a longer phrase that contains one). */
function sameTerm(analyser: TextAnalyser, term: string, conceptId: string, concepts: Concept[]): boolean {
  const analysed = analyser.analyse(term);
  if (Object.keys(analysed.words).length > 0 || analysed.concepts[conceptId] !== 1) return false;
  return concepts.some((c) => c.id === conceptId);
}

const conceptDto = (c: Concept, builtIn: boolean): ConceptDto =>
  Object.assign(new ConceptDto(), { id: c.id, sector: c.sector, ...c.terms, builtIn });
