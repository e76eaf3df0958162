import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { useEvent } from '@/lib/events';
import { intlLocale } from '@/lib/i18n';
import { dayKey, formatDate, formatTime } from '@/lib/time';
import {
  useAddRoom,
  useDeleteSession,
  useOrganiserAccess,
  useRooms,
  useSessions,
  type Room,
  type Session,
} from '../api/agenda-editor';
import { SessionForm } from './session-form';

/** The organisers' agenda: rooms, and sessions day by day with their speakers; a clash is said on its field. */
export function AgendaEditorPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const rooms = useRooms(props.eventId);
  const sessions = useSessions(props.eventId);
  const event = useEvent(props.eventId);
  const access = useOrganiserAccess(props.eventId);
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const refusal = [access.error, sessions.error].find((e) => e instanceof ApiError && [403, 404].includes(e.status));
  if (refusal) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('agendaEditor.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="agenda-editor-refused">
          {t('agendaEditor.refused')}
        </Alert>
      </Stack>
    );
  }
  const zone = event.data?.timeZone ?? 'UTC';
  if (!access.data) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('agendaEditor.title')}
        </Title>
        <QueryState query={access}>{() => null}</QueryState>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('agendaEditor.title')}
        </Title>
        <Button onClick={() => setEditing('new')} disabled={!event.data || !rooms.data} data-testid="new-session">
          {t('agendaEditor.newSession')}
        </Button>
      </Group>
      <QueryState query={rooms}>{(data) => <Rooms eventId={props.eventId} rooms={data.items} />}</QueryState>
      <QueryState query={sessions}>
        {(data) => <SessionList eventId={props.eventId} sessions={data.items} zone={zone} onEdit={setEditing} />}
      </QueryState>
      {editing && event.data && rooms.data && (
        <SessionForm
          eventId={props.eventId}
          zone={zone}
          rooms={rooms.data.items}
          defaultDay={dayKey(event.data.startsAt, zone)}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function Rooms(props: { eventId: string; rooms: Room[] }) {
  const { t } = useTranslation();
  const add = useAddRoom(props.eventId);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblem(t('agreements.form.required'));
      return;
    }
    setProblem(null);
    try {
      await add.mutateAsync(name.trim());
      setName('');
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === 'ROOM_CLASH'
          ? t('agendaEditor.roomTaken', { name: name.trim() })
          : errorMessage(error, t),
      );
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agendaEditor.rooms')}
      </Title>
      <Group gap="xs" mb="sm" data-testid="rooms">
        {props.rooms.length === 0 ? (
          <Text c="dimmed">{t('agendaEditor.noRooms')}</Text>
        ) : (
          props.rooms.map((r) => (
            <Badge key={r.id} variant="light" size="lg" styles={{ label: { overflow: 'visible' } }}>
              {r.name}
            </Badge>
          ))
        )}
      </Group>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={t('agendaEditor.roomName')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setProblem(null);
            }}
            error={problem}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit" mt={25} variant="light" loading={add.isPending}>
            {t('agendaEditor.addRoom')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function SessionList(props: { eventId: string; sessions: Session[]; zone: string; onEdit: (s: Session) => void }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const remove = useDeleteSession(props.eventId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const sorted = [...props.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const days = [...new Set(sorted.map((s) => dayKey(s.startsAt, props.zone)))];
  if (sorted.length === 0) return <Text c="dimmed">{t('agendaEditor.noSessions')}</Text>;
  return (
    <Stack gap="md">
      {remove.error && (
        <Alert color="red" role="alert">
          {errorMessage(remove.error, t)}
        </Alert>
      )}
      {days.map((day) => (
        <Stack gap="xs" key={day}>
          <Title order={2} size="h4">
            {formatDate(sorted.find((s) => dayKey(s.startsAt, props.zone) === day)!.startsAt, props.zone, locale)} (
            {props.zone})
          </Title>
          {sorted
            .filter((s) => dayKey(s.startsAt, props.zone) === day)
            .map((s) => (
              <Paper withBorder p="sm" key={s.id} data-testid="editor-session">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" c="dimmed">
                      {formatTime(s.startsAt, props.zone, locale)}–{formatTime(s.endsAt, props.zone, locale)} ·{' '}
                      {t(`agenda.kinds.${s.kind}`)}
                      {s.room ? ` · ${s.room.name}` : ''}
                    </Text>
                    <Text fw={600}>{s.title}</Text>
                    {s.speakers.length > 0 && (
                      <Text size="sm">
                        {s.speakers
                          .map((sp) => (sp.role === 'moderator' ? `${sp.name} (${t('agenda.moderator')})` : sp.name))
                          .join(', ')}
                      </Text>
                    )}
                  </Stack>
                  <Group gap={4}>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => props.onEdit(s)}
                      aria-label={t('agendaEditor.editOne', { title: s.title })}
                    >
                      {t('agendaEditor.edit')}
                    </Button>
                    {confirming === s.id ? (
                      <Button
                        size="xs"
                        color="red"
                        loading={remove.isPending}
                        onClick={() => void remove.mutateAsync(s.id).finally(() => setConfirming(null))}
                      >
                        {t('agendaEditor.confirmDelete')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setConfirming(s.id)}
                        aria-label={t('agendaEditor.deleteOne', { title: s.title })}
                      >
                        {t('agendaEditor.delete')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
        </Stack>
      ))}
    </Stack>
  );
}
