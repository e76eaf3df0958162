/** The route tree. Every screen is its own chunk (lazyRouteComponent); route files compose features. */
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AppLayout } from '@/components/app-layout';
import { NotFound } from '@/components/not-found';
import { agendaSearch, redirectSearch } from './search';

const rootRoute = createRootRoute({
  component: AppLayout,
  notFoundComponent: NotFound,
});

const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./routes/events'), 'EventsRoute'),
});

const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events/$eventId',
  validateSearch: agendaSearch,
  component: lazyRouteComponent(() => import('./routes/event'), 'EventRoute'),
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
  component: lazyRouteComponent(() => import('./routes/account'), 'AccountRoute'),
});

const routeTree = rootRoute.addChildren([eventsRoute, eventRoute, loginRoute, signupRoute, accountRoute]);

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
