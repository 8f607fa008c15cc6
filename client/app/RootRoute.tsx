import { Outlet, useHref, useNavigate, type NavigateOptions } from 'react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

/** Lets react-aria links and menu items navigate on the client. */
export function RootRoute() {
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to, opts) => void navigate(to, opts)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
}
