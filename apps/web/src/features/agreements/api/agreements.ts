/** Agreements over the generated client: the list, the report and its CSV, the ledger and its verification, changes. */
import type { Schema } from '@roundtable/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Agreement = Schema<'AgreementViewDto'>;
export type AgreementInput = Schema<'AgreementDto'>;
export type AmendInput = Schema<'AmendAgreementDto'>;
export type Report = Schema<'AgreementReportDto'>;
export type ReportGroup = Schema<'ReportGroupDto'>;
export type LedgerEntry = Schema<'LedgerEntryDto'>;
export type ChainReport = Schema<'ChainReportDto'>;

const key = (eventId: string) => ['agreements', eventId];

export function useAgreements(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'list'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/agreements', { params: { path: { eventId } }, signal })),
    retry: false,
  });
}

export function useReport(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'report'],
    queryFn: async ({ signal }) => {
      const report = await unwrap(
        client.GET('/events/{eventId}/agreements/report', { params: { path: { eventId } }, signal }),
      );
      // the document also offers text/csv (?format=csv); this asks for JSON
      if (typeof report === 'string') throw new Error('The report came as CSV, not JSON');
      return report;
    },
  });
}

export function useVerification(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'verify'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/agreements/verify', { params: { path: { eventId } }, signal })),
  });
}

const LEDGER_PAGE = 50;

export function useLedger(eventId: string) {
  return useInfiniteQuery({
    queryKey: [...key(eventId), 'ledger'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/events/{eventId}/agreements/ledger', {
          params: { path: { eventId }, query: { limit: LEDGER_PAGE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The report as the CSV file the API writes, saved by the browser. */
export async function downloadReportCsv(eventId: string): Promise<void> {
  const text = await unwrap(
    client.GET('/events/{eventId}/agreements/report', {
      params: { path: { eventId }, query: { format: 'csv' } },
      parseAs: 'text',
    }),
  );
  const url = URL.createObjectURL(new Blob([String(text)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'agreements-report.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/** Registered companies whose name (any script) matches, for picking a party: the registrations list searched on the server. */
export function useCompanySearch(eventId: string, q: string) {
  return useQuery({
    queryKey: ['agreement-companies', eventId, q],
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        client.GET('/events/{eventId}/registrations', {
          params: { path: { eventId }, query: { q, limit: 50 } },
          signal,
        }),
      );
      const companies = new Map<string, { id: string; name: string; country: string }>();
      for (const r of page.items) if (r.company) companies.set(r.company.id, r.company);
      return [...companies.values()];
    },
    enabled: q.trim().length >= 2,
    staleTime: 60_000,
  });
}

function useChange<T>(eventId: string, call: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(eventId) }),
  });
}

export function useRecordAgreement(eventId: string) {
  return useChange(eventId, (body: AgreementInput) =>
    unwrap(client.POST('/events/{eventId}/agreements', { params: { path: { eventId } }, body })),
  );
}

export function useAmendAgreement(eventId: string) {
  return useChange(eventId, ({ agreementId, body }: { agreementId: string; body: AmendInput }) =>
    unwrap(
      client.POST('/events/{eventId}/agreements/{agreementId}/amend', {
        params: { path: { eventId, agreementId } },
        body,
      }),
    ),
  );
}

export function useWithdrawAgreement(eventId: string) {
  return useChange(eventId, ({ agreementId, reason }: { agreementId: string; reason: string }) =>
    unwrap(
      client.POST('/events/{eventId}/agreements/{agreementId}/withdraw', {
        params: { path: { eventId, agreementId } },
        body: { reason },
      }),
    ),
  );
}
