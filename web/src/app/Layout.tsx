import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { ThemeToggle } from '../components/ThemeToggle';
import { useSignOut } from '../session/session';
import { pages } from './pages';

/** The frame of every page: the nav (a sidebar; a menu on a phone), the theme toggle and sign-out. */
export function Layout() {
  const [menuOpen, setMenuOpen] = useState(false);
  const signOut = useSignOut();
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    // A page was chosen: the phone menu closes.
    setLastPath(location.pathname);
    setMenuOpen(false);
  }
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/">
          Reelflow
        </a>
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          ☰ Menu
        </button>
      </header>
      <nav id="main-nav" className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Main">
        <a className="brand" href="/">
          Reelflow
        </a>
        {pages.map((page) => (
          <NavLink key={page.path} to={page.path} end={page.end} className="nav-link">
            {page.label}
          </NavLink>
        ))}
        <div className="sidebar-foot">
          <ThemeToggle />
          <button type="button" className="btn btn-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
      </nav>
      <main className="main" id="main">
        <Suspense fallback={<Loading what="the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
