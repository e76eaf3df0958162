import { Alert, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { wallClock, zonedInstant } from '@/lib/zoned';
import {
  useAddSpeaker,
  useCreateSession,
  useUpdateSession,
  type Room,
  type Session,
  type SpeakerInput,
} from '../api/agenda-editor';

const KINDS = ['plenary', 'panel', 'roundtable', 'workshop', 'signing_ceremony', 'b2b_block'] as const;
const LANGUAGES = ['zh', 'ru', 'en'] as const;
const NO_ROOM = 'none';

interface SpeakerDraft {
  email: string;
  name: string;
  role: 'speaker' | 'moderator';
}
const emptySpeaker = (): SpeakerDraft => ({ email: '', name: '', role: 'speaker' });

/** Where an answer of the API belongs on the form: a clash on the field that causes it, the rest above the buttons. */
export interface FieldProblems {
  room?: string;
  time?: string;
  speaker?: { email: string; text: string };
  general?: string;
}

export function problemsOf(error: unknown, t: TFunction): FieldProblems {
  if (!(error instanceof ApiError)) return error ? { general: t('errors.UNKNOWN') } : {};
  const title = typeof error.info.title === 'string' ? error.info.title : '';
  const email = typeof error.info.email === 'string' ? error.info.email : '';
  switch (error.code) {
    case 'ROOM_CLASH':
      return { room: t('agendaEditor.roomClash', { title }) };
    case 'SPEAKER_CLASH':
      return email
        ? { speaker: { email, text: t('agendaEditor.speakerClash', { email, title }) } }
        : { general: t('agendaEditor.speakerTwice') };
    case 'SESSION_OUTSIDE_EVENT':
      return { time: t('agendaEditor.outside') };
    default:
      return { general: errorMessage(error, t) };
  }
}

/** Create a session or edit one: kind, title, room, day and times in the event's zone, languages, speakers. */
export function SessionForm(props: {
  eventId: string;
  zone: string;
  rooms: Room[];
  defaultDay: string;
  session: Session | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const s = props.session;
  const [kind, setKind] = useState<string>(s?.kind ?? 'panel');
  const [title, setTitle] = useState(s?.title ?? '');
  const [roomId, setRoomId] = useState<string>(s?.room?.id ?? NO_ROOM);
  const [day, setDay] = useState(s ? wallClock(s.startsAt, props.zone).date : props.defaultDay);
  const [start, setStart] = useState(s ? wallClock(s.startsAt, props.zone).time : '10:00');
  const [end, setEnd] = useState(s ? wallClock(s.endsAt, props.zone).time : '11:00');
  const [languages, setLanguages] = useState<string[]>(s?.languages ?? []);
  const [speakers, setSpeakers] = useState<SpeakerDraft[]>(s ? [] : [emptySpeaker()]);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const create = useCreateSession(props.eventId);
  const update = useUpdateSession(props.eventId);
  const addSpeaker = useAddSpeaker(props.eventId);
  const [problems, setProblems] = useState<FieldProblems>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = speakers.filter((sp) => sp.email.trim() || sp.name.trim());
    const gaps = {
      title: !title.trim(),
      time: !/^\d{4}-\d{2}-\d{2}$/.test(day) || !start || !end || end <= start,
      speakers: typed.some((sp) => !sp.email.trim() || !sp.name.trim()),
    };
    setMissing(gaps);
    if (Object.values(gaps).some(Boolean)) return;
    const body = {
      kind: kind as (typeof KINDS)[number],
      title: title.trim(),
      startsAt: zonedInstant(day, start, props.zone),
      endsAt: zonedInstant(day, end, props.zone),
      ...(roomId !== NO_ROOM ? { roomId } : {}),
      languages: languages as Array<(typeof LANGUAGES)[number]>,
    };
    const speakerBodies: SpeakerInput[] = typed.map((sp) => ({
      email: sp.email.trim(),
      name: sp.name.trim(),
      role: sp.role,
    }));
    setProblems({});
    try {
      if (s) {
        await update.mutateAsync({ sessionId: s.id, body });
        for (const speaker of speakerBodies) await addSpeaker.mutateAsync({ sessionId: s.id, body: speaker });
      } else {
        await create.mutateAsync({ ...body, speakers: speakerBodies });
      }
      props.onClose();
    } catch (error) {
      setProblems(problemsOf(error, t));
    }
  };

  const setSpeaker = (i: number, patch: Partial<SpeakerDraft>) =>
    setSpeakers((list) => list.map((sp, j) => (j === i ? { ...sp, ...patch } : sp)));
  const busy = create.isPending || update.isPending || addSpeaker.isPending;
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('agendaEditor.close') }}
      title={s ? t('agendaEditor.editTitle') : t('agendaEditor.newTitle')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="session-form">
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('agendaEditor.kind')}
              value={kind}
              onChange={(v) => v && setKind(v)}
              data={KINDS.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`) }))}
              allowDeselect={false}
            />
            <Select
              label={t('agendaEditor.room')}
              value={roomId}
              onChange={(v) => setRoomId(v ?? NO_ROOM)}
              data={[
                { value: NO_ROOM, label: t('agendaEditor.noRoom') },
                ...props.rooms.map((r) => ({ value: r.id, label: r.name })),
              ]}
              allowDeselect={false}
              error={problems.room}
            />
          </Group>
          <TextInput
            label={t('agendaEditor.sessionTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={missing.title ? t('agreements.form.required') : undefined}
            required
            maxLength={300}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('agendaEditor.day', { zone: props.zone })}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              required
            />
            <TextInput
              type="time"
              label={t('agendaEditor.start')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              required
              error={problems.time ?? (missing.time ? t('agendaEditor.timeOrder') : undefined)}
            />
            <TextInput
              type="time"
              label={t('agendaEditor.end')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              required
            />
          </Group>
          <Checkbox.Group label={t('agendaEditor.languages')} value={languages} onChange={setLanguages}>
            <Group gap="md" mt={4}>
              {LANGUAGES.map((l) => (
                <Checkbox key={l} value={l} label={t(`agendaEditor.language.${l}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {s && s.speakers.length > 0 && (
            <Text size="sm">
              {t('agendaEditor.current')}: {s.speakers.map((sp) => sp.name).join(', ')}
            </Text>
          )}
          {speakers.map((sp, i) => (
            <Paper withBorder p="xs" key={i} data-testid="speaker-fields">
              <Group grow align="flex-start" wrap="wrap" gap="xs">
                <TextInput
                  type="email"
                  label={t('agendaEditor.speakerEmail', { n: i + 1 })}
                  value={sp.email}
                  onChange={(e) => setSpeaker(i, { email: e.currentTarget.value })}
                  error={
                    problems.speaker && problems.speaker.email === sp.email.trim().toLowerCase()
                      ? problems.speaker.text
                      : missing.speakers && !sp.email.trim()
                        ? t('agreements.form.required')
                        : undefined
                  }
                  maxLength={254}
                />
                <TextInput
                  label={t('agendaEditor.speakerName', { n: i + 1 })}
                  value={sp.name}
                  onChange={(e) => setSpeaker(i, { name: e.currentTarget.value })}
                  error={missing.speakers && !sp.name.trim() ? t('agreements.form.required') : undefined}
                  maxLength={200}
                />
                <Select
                  label={t('agendaEditor.speakerRole', { n: i + 1 })}
                  value={sp.role}
                  onChange={(v) => setSpeaker(i, { role: v === 'moderator' ? 'moderator' : 'speaker' })}
                  data={[
                    { value: 'speaker', label: t('agendaEditor.roles.speaker') },
                    { value: 'moderator', label: t('agendaEditor.roles.moderator') },
                  ]}
                  allowDeselect={false}
                />
              </Group>
            </Paper>
          ))}
          <Button variant="subtle" w="fit-content" onClick={() => setSpeakers((list) => [...list, emptySpeaker()])}>
            {t('agendaEditor.addSpeaker')}
          </Button>
          {problems.general && (
            <Alert color="red" role="alert" data-testid="session-error">
              {problems.general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('agreements.form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('agendaEditor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
