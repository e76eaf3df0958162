/** The organisers' B2B board over the generated client: the grid, the unplaced list, the scheduler, moves, publishing. */
import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { client, unwrap } from '@/lib/client';

export type Grid = Schema<'ScheduleGridDto'>;
export type GridMeeting = Schema<'GridMeetingDto'>;
export type GridSlot = Schema<'SlotDto'>;
export type Unplaced = Schema<'UnplacedRequestDto'>;
export type RunResult = Schema<'ScheduleRunResultDto'>;
export type Published = Schema<'PublishedScheduleDto'>;
export type Interpreter = Schema<'InterpreterViewDto'>;

const gridKey = (eventId: string) => ['b2b-grid', eventId];
const unplacedKey = (eventId: string) => ['b2b-unplaced', eventId];

export function useGrid(eventId: string) {
  return useQuery({
    queryKey: gridKey(eventId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/schedule/grid', { params: { path: { eventId } }, signal })),
    // a 403 (not an organiser of this event) is an answer, not a hiccup
    retry: false,
  });
}

export function useUnplaced(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: unplacedKey(eventId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/schedule/unplaced', { params: { path: { eventId } }, signal })),
    enabled,
    retry: false,
  });
}

/** A meeting as the API answers a change: written into the loaded grid at once, no reload of 10,000 meetings. */
function patchGrid(grid: Grid | undefined, m: Schema<'MeetingViewDto'>): Grid | undefined {
  if (!grid) return grid;
  return {
    ...grid,
    meetings: grid.meetings.map((x) =>
      x.id === m.id
        ? { ...x, slotIndex: m.slotIndex, tableNo: m.tableNo, interpreterId: m.interpreterId, locked: m.locked }
        : x,
    ),
  };
}

export interface MoveInput {
  meetingId: string;
  slotIndex: number;
  tableNo: number;
}

export function useMoveMeeting(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, slotIndex, tableNo }: MoveInput) =>
      unwrap(
        client.PATCH('/events/{eventId}/meetings/{meetingId}', {
          params: { path: { eventId, meetingId } },
          body: { slotIndex, tableNo },
        }),
      ),
    onSuccess: (meeting) => {
      queryClient.setQueryData<Grid>(gridKey(eventId), (grid) => patchGrid(grid, meeting));
      // where the unplaced requests fit has changed; read again in the background
      void queryClient.invalidateQueries({ queryKey: unplacedKey(eventId) });
    },
  });
}

export function useLockMeeting(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, locked }: { meetingId: string; locked: boolean }) =>
      unwrap(
        client.PATCH('/events/{eventId}/meetings/{meetingId}', {
          params: { path: { eventId, meetingId } },
          body: { locked },
        }),
      ),
    onSuccess: (meeting) => queryClient.setQueryData<Grid>(gridKey(eventId), (grid) => patchGrid(grid, meeting)),
  });
}

/** The one-click fix: book an unplaced request into a slot where it fits (the API picks the table). */
export function useBook(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, slotIndex }: { requestId: string; slotIndex: number }) =>
      unwrap(
        client.POST('/events/{eventId}/meetings', { params: { path: { eventId } }, body: { requestId, slotIndex } }),
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: gridKey(eventId) }),
        queryClient.invalidateQueries({ queryKey: unplacedKey(eventId) }),
      ]);
    },
  });
}

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: number }
  | { phase: 'done'; result: RunResult }
  | { phase: 'failed'; error: unknown };

/** Runs the scheduler as a worker job and polls it until it is done; the board is read again afterwards. */
export function useSchedulerRun(eventId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => unwrap(client.POST('/events/{eventId}/schedule', { params: { path: { eventId } } })),
    onMutate: () => setState({ phase: 'running', progress: 0 }),
    onSuccess: (job) => setJobId(job.jobId),
    onError: (error) => setState({ phase: 'failed', error }),
  });
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const status = await unwrap(
          client.GET('/events/{eventId}/schedule/jobs/{jobId}', { params: { path: { eventId, jobId } } }),
        );
        if (stopped) return;
        if (status.state === 'completed' && status.result) {
          setJobId(null);
          setState({ phase: 'done', result: status.result });
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: gridKey(eventId) }),
            queryClient.invalidateQueries({ queryKey: unplacedKey(eventId) }),
          ]);
          return;
        }
        if (status.state === 'failed') {
          setJobId(null);
          setState({ phase: 'failed', error: new Error(status.error ?? 'failed') });
          return;
        }
        setState({ phase: 'running', progress: status.progress });
      } catch (error) {
        if (stopped) return;
        setJobId(null);
        setState({ phase: 'failed', error });
        return;
      }
      timer = setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [eventId, jobId, queryClient]);
  return { state, run: () => start.mutate() };
}

export function usePublish(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: 'preliminary' | 'final') =>
      unwrap(client.POST('/events/{eventId}/schedule/publish', { params: { path: { eventId } }, body: { status } })),
    onSuccess: (published) =>
      queryClient.setQueryData<Grid>(gridKey(eventId), (grid) =>
        grid ? { ...grid, scheduleStatus: published.scheduleStatus } : grid,
      ),
  });
}

export function useInterpreters(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['b2b-interpreters', eventId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/interpreters', { params: { path: { eventId } }, signal })),
    enabled,
    retry: false,
  });
}

export function useAddInterpreter(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'InterpreterDto'>) =>
      unwrap(client.POST('/events/{eventId}/interpreters', { params: { path: { eventId } }, body })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['b2b-interpreters', eventId] }),
        queryClient.invalidateQueries({ queryKey: gridKey(eventId) }),
        queryClient.invalidateQueries({ queryKey: unplacedKey(eventId) }),
      ]);
    },
  });
}

const fixedKey = (eventId: string) => ['b2b-fixed-tables', eventId];

/** The tables reserved for companies. */
export function useFixedTables(eventId: string) {
  return useQuery({
    queryKey: fixedKey(eventId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/fixed-tables', { params: { path: { eventId } }, signal })),
    retry: false,
  });
}

export function useFixTable(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'FixedTableDto'>) =>
      unwrap(client.PUT('/events/{eventId}/fixed-tables', { params: { path: { eventId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fixedKey(eventId) }),
  });
}

export function useReleaseTable(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (companyId: string) =>
      unwrap<unknown>(
        client.DELETE('/events/{eventId}/fixed-tables/{companyId}', { params: { path: { eventId, companyId } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fixedKey(eventId) }),
  });
}
