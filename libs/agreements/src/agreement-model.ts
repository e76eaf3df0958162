import { csvCell } from '@roundtable/common';
import { CurrencyTotals } from './decimal';

export const AGREEMENT_KINDS = ['mou', 'cooperation_agreement', 'contract', 'letter_of_intent'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export type LedgerAction = 'signed' | 'amended' | 'withdrawn';

export interface Signatory {
  name: string;
  position: string | null;
}

/** A party: a company registered for the event (its name and country copied at signing) or another by name and country. */
export interface Party {
  companyId: string | null;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  signatories: Signatory[];
}

export interface Money {
  /** Canonical decimal string in the currency's minor unit, e.g. "1250000.50". */
  amount: string;
  /** ISO 4217. */
  currency: string;
}

/** Everything an agreement says; each ledger entry holds the whole state after it. */
export interface AgreementState {
  title: string;
  kind: AgreementKind;
  sector: string | null;
  parties: Party[];
  value: Money | null;
  signedAt: string;
  sessionId: string | null;
  meetingId: string | null;
  documentSha256: string | null;
}

/** The canonical JSON of one ledger entry (personal contact data such as e-mail addresses never goes in). */
export interface LedgerPayload {
  v: 1;
  eventId: string;
  seq: number;
  agreementId: string;
  action: LedgerAction;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  agreement: AgreementState;
}

/** An agreement as it stands after its latest entry. */
export interface AgreementView extends AgreementState {
  id: string;
  status: 'active' | 'withdrawn';
  /** How many ledger entries describe it (1 = never amended). */
  version: number;
  firstSeq: number;
  lastSeq: number;
  recordedAt: string;
  updatedAt: string;
}

/** Folds ledger payloads (in sequence order) into the current state of each agreement, in signing order. */
export function currentAgreements(payloads: Iterable<LedgerPayload>): AgreementView[] {
  const byId = new Map<string, AgreementView>();
  for (const p of payloads) {
    const known = byId.get(p.agreementId);
    byId.set(p.agreementId, {
      ...p.agreement,
      id: p.agreementId,
      status: p.action === 'withdrawn' ? 'withdrawn' : 'active',
      version: (known?.version ?? 0) + 1,
      firstSeq: known?.firstSeq ?? p.seq,
      lastSeq: p.seq,
      recordedAt: known?.recordedAt ?? p.recordedAt,
      updatedAt: p.recordedAt,
    });
  }
  return [...byId.values()];
}

/** "CN–RU": the distinct countries of the parties, sorted; one country alone for a domestic agreement. */
export const countryPair = (a: AgreementState): string =>
  [...new Set(a.parties.map((p) => p.country))].sort().join('–');

export interface ReportGroup {
  key: string;
  count: number;
  /** Per currency, never converted; agreements without a value count but add nothing. */
  totals: { currency: string; total: string }[];
}

export interface AgreementReport {
  agreements: number;
  withdrawn: number;
  fromMeetings: number;
  totals: { currency: string; total: string }[];
  bySector: ReportGroup[];
  byCountryPair: ReportGroup[];
  byKind: ReportGroup[];
  byCurrency: ReportGroup[];
}

class Grouping {
  private readonly groups = new Map<string, { count: number; totals: CurrencyTotals }>();

  add(key: string, value: Money | null): void {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { count: 0, totals: new CurrencyTotals() }));
    group.count++;
    if (value) group.totals.add(value.amount, value.currency);
  }

  toList(): ReportGroup[] {
    return [...this.groups.entries()]
      .map(([key, g]) => ({ key, count: g.count, totals: g.totals.toList() }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}

/** The organisers' report over the active (not withdrawn) agreements. */
export function agreementReport(agreements: AgreementView[]): AgreementReport {
  const active = agreements.filter((a) => a.status === 'active');
  const totals = new CurrencyTotals();
  const bySector = new Grouping();
  const byCountryPair = new Grouping();
  const byKind = new Grouping();
  const byCurrency = new Grouping();
  for (const a of active) {
    if (a.value) totals.add(a.value.amount, a.value.currency);
    bySector.add(a.sector ?? 'unspecified', a.value);
    byCountryPair.add(countryPair(a), a.value);
    byKind.add(a.kind, a.value);
    byCurrency.add(a.value?.currency ?? 'none', a.value);
  }
  return {
    agreements: active.length,
    withdrawn: agreements.length - active.length,
    fromMeetings: active.filter((a) => a.meetingId !== null).length,
    totals: totals.toList(),
    bySector: bySector.toList(),
    byCountryPair: byCountryPair.toList(),
    byKind: byKind.toList(),
    byCurrency: byCurrency.toList(),
  };
}

/** The report as CSV rows: one per group, a column per currency total. */
export function reportRows(report: AgreementReport): string[][] {
  const rows: string[][] = [['dimension', 'group', 'agreements', 'currency', 'total']];
  const emit = (dimension: string, groups: ReportGroup[]) => {
    for (const g of groups) {
      const group = csvCell(g.key); // sectors are the organisers' free text
      if (g.totals.length === 0) rows.push([dimension, group, String(g.count), '', '']);
      g.totals.forEach((t, i) => rows.push([dimension, group, i === 0 ? String(g.count) : '', t.currency, t.total]));
    }
  };
  rows.push(['all', 'agreements', String(report.agreements), '', '']);
  rows.push(['all', 'withdrawn', String(report.withdrawn), '', '']);
  rows.push(['all', 'from B2B meetings', String(report.fromMeetings), '', '']);
  for (const t of report.totals) rows.push(['all', 'total value', '', t.currency, t.total]);
  emit('sector', report.bySector);
  emit('country pair', report.byCountryPair);
  emit('kind', report.byKind);
  emit('currency', report.byCurrency);
  return rows;
}
