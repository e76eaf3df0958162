/**
 * The route tree. Every screen is its own chunk (lazyRouteComponent); route files compose features. The
 * screens a first visit lands on most (the forum list, an event's agenda, my schedule) start their reads in
 * a loader, so the API answers while the screen's chunk is still on its way (the loader does not wait).
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import { NotFound } from '@/components/not-found';
import { feedStateQuery, myMeetingsQuery } from '@/features/meetings/api/meetings';
import { siteVisitSeatsQuery } from '@/features/site-visits/api/site-visits';
import { agendaQuery, eventQuery, eventsQuery } from '@/lib/events';
import { currentLanguage, withOrganiserTexts } from '@/lib/i18n';
import { queryClient } from '@/lib/query-client';
import { getSession } from '@/lib/session';
import { RootLayout } from './root-layout';
import {
  agendaSearch,
  directorySearch,
  mailSearch,
  redirectSearch,
  registerSearch,
  registrationsSearch,
  tokenSearch,
} from './search';

/** Screens for signed-in people send a visitor to log in first, and back here afterwards. */
function requireSession({ location }: { location: ParsedLocation }): void {
  // TanStack Router's redirect is thrown by design (not an Error).
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (!getSession()) throw redirect({ to: '/login', search: { redirect: location.href } });
}

const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFound,
});

const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: () => void queryClient.prefetchQuery(eventsQuery()),
  component: lazyRouteComponent(() => import('./routes/events'), 'EventsRoute'),
});

const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId',
  validateSearch: agendaSearch,
  loader: ({ params }) => {
    void queryClient.prefetchQuery(eventQuery(params.eventId));
    void queryClient.prefetchQuery(agendaQuery(params.eventId, currentLanguage()));
    // the agenda's site-visit cards show their seats: read now, not after the first paint (one more render)
    void queryClient.prefetchQuery(siteVisitSeatsQuery(params.eventId, getSession()?.user.id ?? null));
  },
  component: lazyRouteComponent(() => import('./routes/event'), 'EventRoute'),
});

const registerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/register',
  validateSearch: registerSearch,
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/register'), 'RegisterRoute'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: redirectSearch,
  component: lazyRouteComponent(() => import('./routes/login'), 'LoginRoute'),
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  validateSearch: redirectSearch,
  component: lazyRouteComponent(() => import('./routes/signup'), 'SignupRoute'),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/account'), 'AccountRoute'),
});

const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./routes/account-links'), 'VerifyEmailRoute'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./routes/account-links'), 'ForgotPasswordRoute'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./routes/account-links'), 'ResetPasswordRoute'),
});

const organiserInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/organisers/accept',
  validateSearch: tokenSearch,
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/organiser-invitation'), 'OrganiserInvitationRoute'),
});

const directoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/directory',
  validateSearch: directorySearch,
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/directory'), 'DirectoryRoute'),
});

const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/requests',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/meetings'), 'RequestsRoute'),
});

const scheduleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/schedule',
  beforeLoad: requireSession,
  loader: () => {
    void queryClient.prefetchQuery(myMeetingsQuery());
    void queryClient.prefetchQuery(feedStateQuery());
  },
  component: lazyRouteComponent(() => import('./routes/schedule'), 'ScheduleRoute'),
});

/** The organisers' B2B board; the API refuses anyone else, and the screen says so. */
const b2bRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/b2b',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/b2b'), 'B2bRoute'),
});

/** The organisers' dashboard, the first of their screens (features/organisers' nav lists the rest). */
const manageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/manage')), 'DashboardRoute'),
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/settings',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/manage')), 'SettingsRoute'),
});

const createEventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/new',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/manage')), 'CreateEventRoute'),
});

/** Platform admins: every event and its trust; the API refuses anyone else, and the screen says so. */
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/admin')), 'AdminRoute'),
});

const availabilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/availability',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/availability'), 'AvailabilityRoute'),
});

const siteVisitSignUpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/visits/$sessionId',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/site-visits'), 'SiteVisitSignUpsRoute'),
});

const speakerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/speaker',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/speaker'), 'SpeakerRoute'),
});

/** The organisers' registration table; filters, search, sort and page live in the URL. */
const manageRegistrationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/registrations',
  validateSearch: registrationsSearch,
  beforeLoad: requireSession,
  component: lazyRouteComponent(
    () => withOrganiserTexts(import('./routes/manage-registrations')),
    'ManageRegistrationsRoute',
  ),
});

const manageInvitationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/invitations',
  beforeLoad: requireSession,
  component: lazyRouteComponent(
    () => withOrganiserTexts(import('./routes/manage-invitations')),
    'ManageInvitationsRoute',
  ),
});

const manageVisaLettersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/visa-letters',
  beforeLoad: requireSession,
  component: lazyRouteComponent(
    () => withOrganiserTexts(import('./routes/manage-visa-letters')),
    'ManageVisaLettersRoute',
  ),
});

/** Where a visa letter's QR code leads: anyone (a consulate) confirms the letter, no account needed. */
const visaCheckRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/visa-letters/verify/$reference',
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/visa-check')), 'VisaCheckRoute'),
});

/** The door: scan badges or find people by name; works offline (the list is held on the device). */
const checkInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/check-in',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/check-in')), 'CheckInRoute'),
});

/** Agreements: record, amend, withdraw; the report with its charts and CSV; the ledger and its verification. */
const agreementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/agreements',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/agreements')), 'AgreementsRoute'),
});

/** The event's mail: delivery status, filtered by status and type (in the URL), retry. */
const mailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/mail',
  validateSearch: mailSearch,
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/mail')), 'MailRoute'),
});

/** The agenda editor: rooms, sessions, speakers; clashes said on the field that causes them. */
const agendaEditorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId/manage/agenda',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => withOrganiserTexts(import('./routes/agenda-editor')), 'AgendaEditorRoute'),
});

const routeTree = rootRoute.addChildren([
  eventsRoute,
  eventRoute,
  registerRoute,
  loginRoute,
  signupRoute,
  accountRoute,
  speakerRoute,
  siteVisitSignUpsRoute,
  verifyEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  organiserInvitationRoute,
  directoryRoute,
  requestsRoute,
  scheduleRoute,
  b2bRoute,
  manageRoute,
  manageRegistrationsRoute,
  manageInvitationsRoute,
  manageVisaLettersRoute,
  visaCheckRoute,
  settingsRoute,
  createEventRoute,
  adminRoute,
  checkInRoute,
  agreementsRoute,
  mailRoute,
  agendaEditorRoute,
  availabilityRoute,
]);

export const router = createRouter({
  routeTree,
  basepath: '/app',
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
