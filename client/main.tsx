import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import './styles/global.css';
import { i18nReady, loadAllNamespaces } from './lib/i18n';
import { Providers } from './app/providers';
import { router } from './app/router';
import { setUnauthenticatedHandler } from './lib/queryClient';
import { handleUnauthenticated } from './app/session';
import { Spinner } from './components/Spinner';

setUnauthenticatedHandler(handleUnauthenticated);

const whenIdle = (fn: () => void) =>
  'requestIdleCallback' in window ? window.requestIdleCallback(fn) : setTimeout(fn, 1);

// The router starts its loaders (session, start page chunk) while the texts load; the first
// render waits for the texts, so nothing is ever shown untranslated.
const root = document.getElementById('root');
void i18nReady.then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <Providers>
        {/* A namespace not yet loaded suspends (rare: all of them load when idle). */}
        <Suspense fallback={<Spinner />}>
          <RouterProvider router={router} />
        </Suspense>
      </Providers>
    </StrictMode>,
  );
  whenIdle(() => void loadAllNamespaces());
});
