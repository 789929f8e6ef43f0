import { NavLink, Outlet } from 'react-router';
import { navItemsFor, type NavItem } from '../navigation';
import { useSession, useSessionContext } from '../session/session-context';

function NavList({ label, items }: { label: string; items: NavItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label={label} className="nav">
      <h2 className="nav-title">{label}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <NavLink to={item.path} end={item.path === '/'}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The signed-in layout: skip link, who is signed in, navigation by role, and the page. */
export function Shell() {
  const session = useSession();
  const { signOut } = useSessionContext();
  const items = navItemsFor(session.user.role);
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Switchyard</span>
        <span className="whoami">
          {session.user.name || session.user.email || session.user.id} <span className="role">({session.user.role})</span>
        </span>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <div className="body">
        <aside className="sidebar">
          <NavList label="Your account" items={items.filter((i) => i.audience === 'keyholder')} />
          <NavList label="Operator" items={items.filter((i) => i.audience === 'operator')} />
        </aside>
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/** With hash routing a `#main` link would change the route: move focus instead. */
function skipToMain(event: React.MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
