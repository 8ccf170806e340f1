import './subnav.css';
import { NavLink } from 'react-router';

/** A page's own sections as links (Settings → Libraries, Indexers, …): each section is its own address. */
export function SubNav({ label, links }: { label: string; links: { to: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="subnav">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} className="subnav-link">
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
