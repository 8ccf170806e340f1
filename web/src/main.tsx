import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './app/App';
import { preloadPage } from './app/pages';
import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';

// networkMode 'always': the UI talks to its own server, often on a LAN without internet or on this machine.
// The browser's idea of being online (any network connection) must not pause a request to it: paused, a
// search showed nothing at all, no result, no loading, no error; a server out of reach fails and says so.
const queryClient = new QueryClient({
  defaultOptions: {
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      // Live events keep data current (api/live-events.ts); refetching on focus covers a stream that was down.
      staleTime: 30_000,
      // A refusal (4xx) will not change by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

const firstPage = preloadPage(window.location.pathname, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App firstPage={firstPage} />
    </QueryClientProvider>
  </StrictMode>,
);
