import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import './styles/global.css';
import './lib/i18n';
import { Providers } from './app/providers';
import { router } from './app/router';
import { setUnauthenticatedHandler } from './lib/queryClient';
import { handleUnauthenticated } from './app/session';

setUnauthenticatedHandler(handleUnauthenticated);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
