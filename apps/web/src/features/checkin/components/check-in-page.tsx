import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Stat } from '@/components/stat';
import { ApiError } from '@/lib/client';
import { useEvent } from '@/lib/events';
import { intlLocale } from '@/lib/i18n';
import { useOnline } from '@/lib/network';
import { useViewerTimeZone } from '@/lib/session';
import { deviceTimeZone, formatTime } from '@/lib/time';
import { recordScan, useCheckInCounts, useCheckInList, useDoorSync, type ScanInput } from '../api/check-in';
import {
  localCounts,
  setDeviceName,
  useDeviceName,
  useDoor,
  type CheckInPerson,
  type ScanOutcome,
} from '../model/door-store';
import { CameraScanner } from './camera-scanner';

const OUTCOME_COLOR = {
  checkedIn: 'green',
  already: 'orange',
  invalid: 'red',
  unknown: 'yellow',
  refused: 'red',
} as const;
const SEARCH_LIMIT = 20;

/**
 * The door: scan badges with the camera (or a handheld scanner typing into the code field), or find a person
 * by name; who they are, their company, and whether they were already in; live counts. Keeps working without
 * a network: the list is held on the device, scans queue and are sent when the network is back.
 */
export function CheckInPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const list = useCheckInList(props.eventId);
  const door = useDoor(props.eventId);
  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('checkIn.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="check-in-refused">
          {t('checkIn.refused')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('checkIn.title')}
      </Title>
      {door.list ? <Door eventId={props.eventId} /> : <NoListYet loading={list.isPending} />}
    </Stack>
  );
}

function NoListYet(props: { loading: boolean }) {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <Alert color={online ? 'gray' : 'red'} role="status">
      {online || props.loading ? t('app.loading') : t('checkIn.noList')}
    </Alert>
  );
}

function Door(props: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const door = useDoor(props.eventId);
  const online = useOnline();
  useDoorSync(props.eventId);
  const event = useEvent(props.eventId);
  const zone = event.data?.timeZone ?? deviceTimeZone();
  const locale = intlLocale(i18n.language);
  const viewerZone = useViewerTimeZone();
  // event time first; the viewer's own beside it where the two zones show a different clock
  const time = (iso: string) => {
    const atEvent = formatTime(iso, zone, locale);
    const atViewer = formatTime(iso, viewerZone, locale);
    return atViewer === atEvent ? atEvent : `${atEvent} (${t('checkIn.yourTime', { time: atViewer })})`;
  };
  const scan = (input: ScanInput) => void recordScan(props.eventId, input, queryClient);

  return (
    <>
      <Counts eventId={props.eventId} online={online} />
      {!online && (
        <Alert color="yellow" role="status" data-testid="check-in-offline">
          {t('checkIn.offline')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('checkIn.scanTitle')}
          </Title>
          <CameraScanner onCode={(code) => scan({ code })} />
          <CodeForm onCode={(code) => scan({ code })} />
          <DeviceName />
        </Stack>
        <LastScan outcome={door.last} time={time} />
      </SimpleGrid>
      <PersonSearch people={door.list?.people ?? []} local={door.local} time={time} onCheckIn={scan} />
      {door.flagged.length > 0 && (
        <Paper withBorder p="md" data-testid="flagged">
          <Title order={2} size="h4" mb="xs">
            {t('checkIn.flaggedTitle')}
          </Title>
          <List spacing={4}>
            {door.flagged.map((f) => (
              <List.Item key={f.scanId}>
                {t('checkIn.flaggedRow', { name: f.name, door: f.deviceId ?? '—', time: time(f.scannedAt) })}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </>
  );
}

function Counts(props: { eventId: string; online: boolean }) {
  const { t } = useTranslation();
  const door = useDoor(props.eventId);
  const server = useCheckInCounts(props.eventId, props.online);
  // the server's counts while online and nothing waits; else what this device knows
  const fromServer = props.online && server.data && door.queue.length === 0;
  const local = localCounts(door);
  const counts = fromServer
    ? server.data
    : { ...local, duplicateScans: (door.list?.counts.duplicateScans ?? 0) + door.flagged.length };
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" data-testid="check-in-counts">
      <Stat
        label={t('checkIn.counts.checkedIn')}
        testId="count-checked-in"
        value={t('checkIn.counts.ofExpected', { checkedIn: counts.checkedIn, expected: counts.expected })}
      />
      <Stat label={t('checkIn.counts.duplicates')} testId="count-duplicates" value={String(counts.duplicateScans)} />
      <Stat label={t('checkIn.counts.waiting')} testId="count-waiting" value={String(door.queue.length)} />
      <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
        {fromServer ? t('checkIn.counts.live') : t('checkIn.counts.device')}
      </Text>
    </SimpleGrid>
  );
}

/** A handheld scanner types the code and Enter; a person can type or paste it too. */
function CodeForm(props: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    props.onCode(code);
    setCode('');
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('checkIn.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="off"
          style={{ flex: 1, minWidth: 0 }}
          data-testid="badge-code"
        />
        <Button type="submit" variant="light">
          {t('checkIn.check')}
        </Button>
      </Group>
    </form>
  );
}

function DeviceName() {
  const { t } = useTranslation();
  const name = useDeviceName();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <TextInput
      label={t('checkIn.device')}
      description={t('checkIn.deviceHint')}
      value={draft ?? name}
      maxLength={64}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => {
        if (draft?.trim()) setDeviceName(draft.trim());
        setDraft(null);
      }}
    />
  );
}

function LastScan(props: { outcome: ScanOutcome | null; time: (iso: string) => string }) {
  const { t } = useTranslation();
  const o = props.outcome;
  const reason = (raw: string | undefined) => {
    const [code, ...message] = (raw ?? '').split('|');
    return t(`errors.${code}`, { defaultValue: message.join('|') || t('errors.UNKNOWN') });
  };
  return (
    <Paper
      withBorder
      p="md"
      role="status"
      aria-live="polite"
      data-testid="scan-result"
      data-outcome={o?.outcome ?? ''}
      data-pending={o?.pending ? 'true' : 'false'}
      style={o ? { borderLeft: `6px solid var(--mantine-color-${OUTCOME_COLOR[o.outcome]}-filled)` } : undefined}
    >
      {!o ? (
        <Text c="dimmed">{t('checkIn.waitingForScan')}</Text>
      ) : (
        <Stack gap={4}>
          <Text fw={700} size="lg" data-testid="scan-outcome">
            {t(`checkIn.outcome.${o.outcome}`)}
          </Text>
          {o.name && (
            <Text size="xl" fw={600} data-testid="scan-name">
              {o.name}
            </Text>
          )}
          {o.company && <Text data-testid="scan-company">{o.company}</Text>}
          {o.outcome === 'already' && o.firstAt && (
            <Text size="sm">{t('checkIn.firstAt', { time: props.time(o.firstAt) })}</Text>
          )}
          {o.outcome === 'refused' && <Text size="sm">{reason(o.reason)}</Text>}
          {o.pending && (
            <Text size="sm" c="dimmed" data-testid="scan-pending">
              {t('checkIn.pending')}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function PersonSearch(props: {
  people: CheckInPerson[];
  local: Record<string, string>;
  time: (iso: string) => string;
  onCheckIn: (input: ScanInput) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useMemo(() => {
    const words = search.trim().toLowerCase();
    if (words.length < 2) return [];
    return props.people
      .filter((p) => `${p.name} ${p.company ?? ''}`.toLowerCase().includes(words))
      .slice(0, SEARCH_LIMIT);
  }, [props.people, search]);
  return (
    <Box>
      <Title order={2} size="h4" mb="xs">
        {t('checkIn.searchTitle')}
      </Title>
      <TextInput
        label={t('checkIn.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        autoComplete="off"
        data-testid="person-search"
      />
      {search.trim().length >= 2 && found.length === 0 && (
        <Text size="sm" mt="xs" c="dimmed" role="status">
          {t('checkIn.noneFound')}
        </Text>
      )}
      <Stack gap={6} mt="xs">
        {found.map((p) => {
          const at = p.checkedInAt ?? props.local[p.registrationId] ?? null;
          return (
            <Paper key={p.registrationId} withBorder p="xs" data-testid="person">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Box style={{ minWidth: 0 }}>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="sm" c="dimmed">
                    {[p.company, p.country].filter(Boolean).join(' · ')}
                  </Text>
                </Box>
                <Group gap="xs">
                  <Badge color={at ? 'green' : 'gray'} variant="light">
                    {at ? t('checkIn.inAt', { time: props.time(at) }) : t('checkIn.notIn')}
                  </Badge>
                  <Button
                    size="xs"
                    variant={at ? 'default' : 'filled'}
                    onClick={() => props.onCheckIn({ registrationId: p.registrationId })}
                    aria-label={t('checkIn.checkInPerson', { name: p.name })}
                  >
                    {t('checkIn.checkIn')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Box>
  );
}
