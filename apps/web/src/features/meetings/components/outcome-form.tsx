import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TimePair } from '@/components/time-pair';
import { errorMessage } from '@/lib/errors';
import { useRecordOutcome, type MyMeeting } from '../api/meetings';
import classes from './schedule-page.module.css';

/** Meetings that have ended, each with a short form: how it went, what follows, an agreement expected. */
export function Outcomes(props: { meetings: MyMeeting[]; now: number }) {
  const { t } = useTranslation();
  const ended = props.meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.endsAt) <= props.now);
  if (ended.length === 0) return null;
  return (
    <section aria-labelledby="outcomes-title" className={classes.noPrint}>
      <Title order={2} size="h4" id="outcomes-title" mb="xs">
        {t('outcome.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('outcome.intro')}
      </Text>
      <Stack gap="md">
        {ended.map((meeting) => (
          <OutcomeForm key={meeting.id} meeting={meeting} />
        ))}
      </Stack>
    </section>
  );
}

function OutcomeForm(props: { meeting: MyMeeting }) {
  const { t } = useTranslation();
  const { meeting } = props;
  const record = useRecordOutcome(meeting.event.id, meeting.id);
  const [rating, setRating] = useState('');
  const [notes, setNotes] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [agreementExpected, setAgreementExpected] = useState(false);
  const [missing, setMissing] = useState(false);
  const who = [meeting.with.name, meeting.with.company].filter(Boolean).join(' · ');
  const titleId = `outcome-${meeting.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return setMissing(true);
    setMissing(false);
    record.mutate({
      rating: Number(rating),
      notes: notes.trim() || undefined,
      followUp: followUp.trim() || undefined,
      agreementExpected,
    });
  };

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="outcome">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600} id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {who}
          </Text>
          <TimePair
            start={meeting.startsAt}
            end={meeting.endsAt}
            eventZone={meeting.event.timeZone}
            viewerZone={meeting.timeZone}
            size="md"
          />
          <Radio.Group
            label={t('outcome.rating')}
            description={t('outcome.ratingHint')}
            value={rating}
            onChange={setRating}
            required
          >
            <Group gap="md" mt={4}>
              {['1', '2', '3', '4', '5'].map((value) => (
                <Radio key={value} value={value} label={value} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('outcome.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Textarea
            label={t('outcome.followUp')}
            autosize
            minRows={1}
            value={followUp}
            onChange={(e) => setFollowUp(e.currentTarget.value)}
          />
          <Checkbox
            label={t('outcome.agreementExpected')}
            checked={agreementExpected}
            onChange={(e) => setAgreementExpected(e.currentTarget.checked)}
          />
          {(missing || record.error) && (
            <Alert color="red" role="alert">
              {missing ? t('outcome.ratingMissing') : errorMessage(record.error, t)}
            </Alert>
          )}
          {record.isSuccess && (
            <Alert color="green" role="status">
              {t('outcome.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('outcome.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
