import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { QueryState } from '@/components/query-state';
import { TimePair } from '@/components/time-pair';
import { errorMessage } from '@/lib/errors';
import { intlLocale, isLanguage } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { formatDate } from '@/lib/time';
import { useMySessions, useUpdateSpeakerProfile, type MySession } from '../api/speaker';

/** Speakers and moderators: their sessions with time and room, and what they say about them. */
export function SpeakerPage() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  return (
    <Stack maw={760} mx="auto">
      <Title order={1} size="h3">
        {t('speaker.title')}
      </Title>
      <Text size="sm" c="dark.4">
        {t('speaker.intro')}
      </Text>
      <QueryState query={sessions}>
        {(list) =>
          list.length === 0 ? (
            <Alert color="gray" data-testid="no-sessions">
              {t('speaker.none')}
            </Alert>
          ) : (
            [...list]
              .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
              .map((session) => <SessionCard key={session.id} session={session} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

const URL_LINE = /^https?:\/\/\S+$/i;

function SessionCard(props: { session: MySession }) {
  const { session } = props;
  const { t, i18n } = useTranslation();
  const viewer = useSession();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const translated = session.translations[language];
  const title = translated?.title ?? session.title;
  const mine = session.speakers.find((s) => s.role === session.myRole && s.name === viewer?.user.name);
  const update = useUpdateSpeakerProfile(session.eventId, session.id);
  const [form, setForm] = useState({
    abstract: session.abstract ?? '',
    bio: mine?.bio ?? '',
    materials: session.materials.join('\n'),
  });
  const [badLinks, setBadLinks] = useState<string[]>([]);
  const headingId = `session-${session.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const materials = form.materials
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const bad = materials.filter((line) => !URL_LINE.test(line));
    setBadLinks(bad);
    if (bad.length > 0) return;
    update.mutate({
      abstract: form.abstract.trim(),
      materials,
      ...(form.bio.trim() ? { bio: form.bio.trim() } : {}),
    });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId} data-testid="speaker-session">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dark.4">
              {session.eventNames[language] ?? session.eventName}
            </Text>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light">{t(`speaker.roles.${session.myRole}`)}</Badge>
              <Badge variant="outline" color="gray">
                {t(`agenda.kinds.${session.kind}`)}
              </Badge>
              {session.room && (
                <Text size="sm">
                  {t('agenda.room')}: {session.room.name}
                </Text>
              )}
            </Group>
          </Stack>
          <Stack gap={0}>
            <Text size="sm">{formatDate(session.startsAt, session.eventTimeZone, intlLocale(i18n.language))}</Text>
            <TimePair
              start={session.startsAt}
              end={session.endsAt}
              eventZone={session.eventTimeZone}
              viewerZone={viewer?.user.timeZone ?? session.eventTimeZone}
            />
          </Stack>
          {update.isSuccess && (
            <Alert color="green" role="status">
              {t('speaker.saved')}
            </Alert>
          )}
          {update.error && (
            <Alert color="red" role="alert">
              {errorMessage(update.error, t)}
            </Alert>
          )}
          <Textarea
            label={t('speaker.abstract')}
            description={t('speaker.abstractHint')}
            autosize
            minRows={3}
            maxLength={10_000}
            value={form.abstract}
            onChange={(e) => setForm({ ...form, abstract: e.currentTarget.value })}
          />
          <Textarea
            label={t('speaker.bio')}
            autosize
            minRows={2}
            maxLength={5_000}
            value={form.bio}
            onChange={(e) => setForm({ ...form, bio: e.currentTarget.value })}
          />
          <Textarea
            label={t('speaker.materials')}
            description={t('speaker.materialsHint')}
            autosize
            minRows={2}
            value={form.materials}
            error={badLinks.length > 0 ? t('speaker.badLinks', { links: badLinks.join(', ') }) : undefined}
            onChange={(e) => setForm({ ...form, materials: e.currentTarget.value })}
          />
          <Group justify="space-between" wrap="wrap">
            <AnchorLink to="/events/$eventId" params={{ eventId: session.eventId }} size="sm">
              {t('speaker.onAgenda')}
            </AnchorLink>
            <Button type="submit" loading={update.isPending}>
              {t('speaker.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
