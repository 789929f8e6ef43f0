import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { navItemsFor, type NavItem } from './navigation';

function gateway(routes: Record<string, { status: number; body: unknown }>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const answer = routes[path] ?? { status: 404, body: { error: { message: `Unknown request URL: GET ${path}`, code: 'not_found' } } };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
}

const session = (role: string) => ({
  object: 'session',
  user: { id: 'usr_1', name: 'Ada', email: 'ada@example.com', role },
  scopes: ['inference', 'usage:read'],
  method: 'api_key',
  expires_at: 1_764_000_000,
});

describe('the app shell', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('sends a viewer without a session to sign-in, remembering where they were going', async () => {
    window.location.hash = '#/keys';
    gateway({ '/auth/session': { status: 401, body: { error: { message: 'No session', code: 'invalid_api_key' } } } });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Switchyard' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/sign-in?next=%2Fkeys');
  });

  it('shows a signed-in key holder their pages, the page heading focused', async () => {
    window.location.hash = '#/account';
    gateway({
      '/auth/session': { status: 200, body: session('user') },
      '/auth/sessions': { status: 200, body: { object: 'list', data: [] } },
    });
    render(<App />);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Account' });
    // moved there by the page's effect, which React may run just after the heading appears
    await waitFor(() => expect(heading).toHaveFocus());
    const nav = screen.getByRole('navigation', { name: 'Your account' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Overview', 'API keys', 'Usage', 'Playground', 'Account', 'Files', 'Batches', 'My channels']);
    expect(screen.queryByRole('navigation', { name: 'Operator' })).toBeNull();
    expect(await screen.findByText('No active sessions.')).toBeInTheDocument();
  });

  it('goes back to sign-in when the session ends while a page is open (any 401 of the API)', async () => {
    window.location.hash = '#/account';
    gateway({
      '/auth/session': { status: 200, body: session('user') },
      '/auth/sessions': { status: 401, body: { error: { message: 'The session expired', code: 'invalid_api_key' } } },
    });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Switchyard' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/sign-in?next=%2Faccount');
  });

  it('shows an error with "Try again" when a page’s data fails to load', async () => {
    window.location.hash = '#/account';
    gateway({
      '/auth/session': { status: 200, body: session('user') },
      '/auth/sessions': { status: 503, body: { error: { message: 'The billing service is unavailable', code: 'service_unavailable' } } },
    });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your sessions: The billing service is unavailable');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('navigation by role', () => {
  const items: NavItem[] = [
    { path: '/', label: 'Overview', audience: 'keyholder' },
    { path: '/admin/users', label: 'Users', audience: 'operator' },
  ];
  it('lists operator pages for admins only', () => {
    expect(navItemsFor('admin', items).map((i) => i.label)).toEqual(['Overview', 'Users']);
    expect(navItemsFor('user', items).map((i) => i.label)).toEqual(['Overview']);
    expect(navItemsFor('vip', items).map((i) => i.label)).toEqual(['Overview']);
  });
});
