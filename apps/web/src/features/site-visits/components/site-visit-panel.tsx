import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { Schema } from '@roundtable/api-client';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '@/components/links';
import { TimePair } from '@/components/time-pair';
import { errorMessage } from '@/lib/errors';
import { useSession } from '@/lib/session';
import { useSignUp, useSiteVisitSeats } from '../api/site-visits';

/**
 * A site visit on the agenda: where to gather, when the transport leaves (event
 * time and the viewer's), how they travel, seats left, and the viewer's own
 * sign-up: sign up, join the waiting list, see one's place on it, cancel.
 * Organisers get a link to the visit's sign-up list.
 */
export function SiteVisitPanel(props: {
  eventId: string;
  sessionId: string;
  title: string;
  details: Schema<'AgendaSiteVisitDto'>;
  eventZone: string;
  viewerZone: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const seats = useSiteVisitSeats(props.eventId);
  const { signUp, cancel } = useSignUp(props.eventId, props.sessionId);
  const mine = seats.data?.items.find((s) => s.sessionId === props.sessionId);
  const error = signUp.error ?? cancel.error;
  const busy = signUp.isPending || cancel.isPending;
  const labelId = `visit-${props.sessionId}`;
  return (
    <Stack gap={6} mt={4} component="section" aria-labelledby={labelId} data-testid="site-visit">
      <Text id={labelId} size="sm" fw={600}>
        {t('visits.heading')}
      </Text>
      <Text size="sm">
        <Text span fw={500}>
          {t('visits.meetingPoint')}:{' '}
        </Text>
        {props.details.meetingPoint}
      </Text>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('visits.departure')}:
        </Text>
        <TimePair start={props.details.departsAt} eventZone={props.eventZone} viewerZone={props.viewerZone} size="md" />
      </Group>
      {props.details.transport && (
        <Text size="sm">
          <Text span fw={500}>
            {t('visits.transport')}:{' '}
          </Text>
          {props.details.transport}
        </Text>
      )}
      {mine && (
        <Text size="sm" data-testid="seats">
          {mine.seatsLeft > 0
            ? t('visits.seatsLeft', { count: mine.seatsLeft, capacity: mine.capacity })
            : t('visits.full', { capacity: mine.capacity })}
          {mine.waitlisted > 0 && ` · ${t('visits.waiting', { count: mine.waitlisted })}`}
        </Text>
      )}
      {mine && (
        <Group gap="sm" wrap="wrap">
          {mine.mine?.status === 'confirmed' && (
            <Badge color="teal" c="dark.8" variant="light" data-testid="my-sign-up">
              {t('visits.confirmed')}
            </Badge>
          )}
          {mine.mine?.status === 'waitlisted' && (
            <Badge color="orange" c="dark.8" variant="light" data-testid="my-sign-up">
              {t('visits.waitlisted', { position: mine.mine.waitlistPosition })}
            </Badge>
          )}
          {!mine.open ? (
            <Text size="sm" c="dark.4">
              {t('visits.closed')}
            </Text>
          ) : !session ? (
            <ButtonLink
              to="/login"
              search={{ redirect: `/events/${props.eventId}` }}
              size="xs"
              variant="light"
              aria-label={`${t('visits.logInToSignUp')}: ${props.title}`}
            >
              {t('visits.logInToSignUp')}
            </ButtonLink>
          ) : mine.mine ? (
            <Button
              size="xs"
              variant="default"
              loading={busy}
              onClick={() => cancel.mutate()}
              aria-label={`${mine.mine.status === 'waitlisted' ? t('visits.leaveWaitlist') : t('visits.cancel')}: ${props.title}`}
            >
              {mine.mine.status === 'waitlisted' ? t('visits.leaveWaitlist') : t('visits.cancel')}
            </Button>
          ) : (
            <Button
              size="xs"
              loading={busy}
              onClick={() => signUp.mutate()}
              aria-label={`${mine.seatsLeft > 0 ? t('visits.signUp') : t('visits.joinWaitlist')}: ${props.title}`}
            >
              {mine.seatsLeft > 0 ? t('visits.signUp') : t('visits.joinWaitlist')}
            </Button>
          )}
          {seats.data?.organiser && (
            <AnchorLink
              to="/events/$eventId/visits/$sessionId"
              params={{ eventId: props.eventId, sessionId: props.sessionId }}
              size="sm"
            >
              {t('visits.signUpList', { count: mine.confirmed + mine.waitlisted })}
            </AnchorLink>
          )}
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {errorMessage(error, t)}
        </Alert>
      )}
    </Stack>
  );
}
