import {
  createBrowserRouter,
  redirect,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';
import { ApiError } from '../lib/api';
import { queryClient } from '../lib/queryClient';
import i18n, { namespacesFor } from '../lib/i18n';
import { meQueryOptions } from '../features/auth/queries';
import { peopleRoutes } from '../features/people/routes';
import { adminRoutes } from '../features/admin/routes';
import { newsRoutes } from '../features/news/routes';
import { appsRoutes } from '../features/apps/routes';
import { chatRoutes } from '../features/chat/routes';
import { leaveRoutes } from '../features/leave/routes';
import { wikiRoutes } from '../features/wiki/routes';
import { roomsRoutes } from '../features/rooms/routes';
import { learningRoutes } from '../features/learning/routes';
import { safeReturnTo } from '@shared/auth/return-to';
import { RootRoute } from './RootRoute';
import { AppLayout } from './layout/AppLayout';
import { ErrorPage } from './ErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { Spinner } from '../components/Spinner';
import { loginPath, setSessionNavigator } from './session';

/** Every route below the layout needs a session; without one, go to login and come back. */
async function requireSession({ request }: LoaderFunctionArgs) {
  try {
    await queryClient.ensureQueryData(meQueryOptions());
    return null;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      const url = new URL(request.url);
      throw redirect(loginPath(`${url.pathname}${url.search}`));
    }
    throw err;
  }
}

/** Signed-in visitors of /login go straight on. */
async function redirectIfSignedIn({ request }: LoaderFunctionArgs) {
  try {
    await queryClient.fetchQuery({ ...meQueryOptions(), retry: false, staleTime: 0 });
  } catch {
    return null;
  }
  throw redirect(safeReturnTo(new URL(request.url).searchParams.get('returnTo')));
}

/**
 * A page renders only once its texts are there: each lazy route also loads the namespaces of its
 * path (all of them, except for the start page and login, see `i18n-namespaces.json`).
 */
function withTexts(list: RouteObject[], parent = ''): RouteObject[] {
  return list.map((route): RouteObject => {
    const path = route.index ? parent || '/' : joinPath(parent, route.path);
    const own = route.children ? { children: withTexts(route.children, path) } : {};
    const { lazy } = route;
    if (typeof lazy !== 'function') return { ...route, ...own } as RouteObject;
    return {
      ...route,
      ...own,
      lazy: async () => {
        const [mod] = await Promise.all([lazy(), i18n.loadNamespaces(namespacesFor(path))]);
        return mod;
      },
    } as RouteObject;
  });
}

const joinPath = (parent: string, path?: string) =>
  !path ? parent : path.startsWith('/') ? path : `${parent.replace(/\/$/, '')}/${path}`;

const appRoutes: RouteObject[] = [
  {
    index: true,
    lazy: () => import('../features/home/HomePage').then((m) => ({ Component: m.HomePage })),
  },
  {
    path: 'settings',
    lazy: () =>
      import('../features/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage })),
  },
  {
    path: 'notifications',
    lazy: () =>
      import('../features/notifications/NotificationsPage').then((m) => ({
        Component: m.NotificationsPage,
      })),
  },
  {
    path: 'accessibility',
    lazy: () =>
      import('./pages/AccessibilityPage').then((m) => ({ Component: m.AccessibilityPage })),
  },
  {
    path: 'privacy',
    lazy: () => import('./pages/PrivacyPage').then((m) => ({ Component: m.PrivacyPage })),
  },
  ...peopleRoutes,
  ...newsRoutes,
  ...appsRoutes,
  ...chatRoutes,
  ...leaveRoutes,
  ...wikiRoutes,
  ...roomsRoutes,
  ...learningRoutes,
  ...adminRoutes,
  // Static: the error boundary shows the same content.
  { path: '*', element: <NotFoundPage /> },
];

export const routes: RouteObject[] = withTexts([
  {
    element: <RootRoute />,
    errorElement: <ErrorPage standalone />,
    HydrateFallback: () => <Spinner />,
    children: [
      {
        path: '/login',
        loader: redirectIfSignedIn,
        lazy: () => import('../features/auth/LoginPage').then((m) => ({ Component: m.LoginPage })),
      },
      {
        id: 'app',
        path: '/',
        loader: requireSession,
        element: <AppLayout />,
        errorElement: <ErrorPage standalone />,
        // Errors of a page render inside the layout, so header and navigation stay usable.
        children: [{ errorElement: <ErrorPage />, children: appRoutes }],
      },
    ],
  },
]);

export const router = createBrowserRouter(routes);
setSessionNavigator((to, opts) => router.navigate(to, opts));
