import { useEffect, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Loading } from '../components/Loading';
import { ErrorNote } from '../components/ErrorNote';
import { useLiveEvents } from '../api/live-events';
import { SignInPage } from '../session/SignInPage';
import { useSession } from '../session/session';
import { Layout } from './Layout';
import { pages } from './pages';
import { PageHeader } from '../components/PageHeader';

function NotFoundPage() {
  return (
    <section>
      <PageHeader title="Not found" />
      <p className="muted">There is no page at this address.</p>
    </section>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      ...pages.flatMap((page) => (page.routes ?? [page.path]).map((path) => ({ path, Component: page.component }))),
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

function SignedIn() {
  // One event stream for the whole UI: every page's data stays current without a refresh.
  useLiveEvents();
  return <RouterProvider router={router} />;
}

/**
 * Signed in: the pages; otherwise the sign-in form. Signed in, the pages wait for the first page's code
 * (`firstPage`, loading since the start): rendered before it, the page would show its own loading state
 * and then be held back by React's 300 ms throttle on a fallback's content (see lazyPage).
 */
export function App({ firstPage }: { firstPage?: Promise<void> }) {
  const session = useSession();
  const firstPageLoaded = useSettled(firstPage);
  if (session.isPending || (session.data?.signedIn && !firstPageLoaded)) return <Loading what="Reelflow" />;
  if (session.error) return <ErrorNote error={session.error} />;
  return session.data.signedIn ? <SignedIn /> : <SignInPage />;
}

/** Whether `promise` has settled; true without one. */
function useSettled(promise: Promise<void> | undefined): boolean {
  const [settled, setSettled] = useState(promise === undefined);
  useEffect(() => {
    let mounted = true;
    void promise?.then(() => {
      if (mounted) setSettled(true);
    });
    return () => {
      mounted = false;
    };
  }, [promise]);
  return settled;
}
