import { Badge, Box, Group, Text } from '@mantine/core';
import type { RegisteredRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { localized, useEvent } from '@/lib/events';
import { useSession } from '@/lib/session';
import { useOrganisers } from '../api/organisers';
import classes from './organiser-nav.module.css';

/** The routes of one event whose only parameter is the event: the organiser screens the tabs can point at. */
type EventPath = Extract<keyof RegisteredRouter['routesByPath'], `/events/$eventId${string}`>;

export interface OrganiserTab {
  to: EventPath;
  /** A key under `organiser.nav` in the locales. */
  label:
    | 'dashboard'
    | 'settings'
    | 'registrations'
    | 'invitations'
    | 'visaLetters'
    | 'agenda'
    | 'b2b'
    | 'checkIn'
    | 'agreements'
    | 'mail';
  /** Active only on this very path (the dashboard, whose path prefixes the others). */
  exact?: boolean;
}

/**
 * The organiser screens of an event, in the order an organiser's day runs. A screen joins here when its route
 * exists (typed links only compile against real routes).
 */
export const ORGANISER_TABS: OrganiserTab[] = [
  { to: '/events/$eventId/manage', label: 'dashboard', exact: true },
  { to: '/events/$eventId/manage/settings', label: 'settings' },
  { to: '/events/$eventId/manage/registrations', label: 'registrations' },
  { to: '/events/$eventId/manage/invitations', label: 'invitations' },
  { to: '/events/$eventId/manage/visa-letters', label: 'visaLetters' },
  { to: '/events/$eventId/manage/agenda', label: 'agenda' },
  { to: '/events/$eventId/b2b', label: 'b2b' },
  { to: '/events/$eventId/check-in', label: 'checkIn' },
  { to: '/events/$eventId/manage/agreements', label: 'agreements' },
  { to: '/events/$eventId/manage/mail', label: 'mail' },
];

/**
 * The organisers' frame: the event's name and status, and a tab per organiser screen; the page below. Someone
 * who does not organise the event sees no tabs (the page itself says what they may not do).
 */
export function OrganiserNav(props: { eventId: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const event = useEvent(props.eventId);
  const session = useSession();
  const organisers = useOrganisers(props.eventId, session?.user.id);
  // The page keeps its place in the tree whether or not the frame shows, so the frame appearing (the
  // organisers' list answering) never remounts the page and drops what the person has typed.
  return (
    <>
      {organisers.isSuccess && (
        <Box className={classes.frame} mb="md">
          {event.data && (
            <Group gap="xs" mb={6} wrap="wrap">
              <AnchorLink to="/events/$eventId" params={{ eventId: props.eventId }} search={{}} size="sm" fw={600}>
                {localized(event.data, i18n.language).name}
              </AnchorLink>
              <Badge variant="light" size="sm" color={STATUS_COLOR[event.data.status]}>
                {t(`organiser.status.${event.data.status}`)}
              </Badge>
            </Group>
          )}
          <nav aria-label={t('organiser.nav.label')} data-testid="organiser-nav">
            <ul className={classes.tabs}>
              {ORGANISER_TABS.map((tab) => (
                <li key={tab.to}>
                  <AnchorLink
                    to={tab.to}
                    params={{ eventId: props.eventId }}
                    activeOptions={{ exact: tab.exact ?? false, includeSearch: false }}
                    className={classes.tab}
                    underline="never"
                  >
                    <Text span size="sm" inherit>
                      {t(`organiser.nav.${tab.label}`)}
                    </Text>
                  </AnchorLink>
                </li>
              ))}
            </ul>
          </nav>
        </Box>
      )}
      {props.children}
    </>
  );
}

const STATUS_COLOR = { draft: 'gray', published: 'green', closed: 'blue', cancelled: 'red' } as const;
