import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';

function gateway(methods: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/auth/methods') return Response.json(methods);
      return Response.json({ error: { message: 'No session', code: 'invalid_api_key' } }, { status: 401 });
    }),
  );
}

describe('the sign-in page and single sign-on', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('offers single sign-on when /auth/methods says it is configured, linking to its start', async () => {
    gateway({ password: true, oidc: { enabled: true, start_url: '/auth/oidc/start' } });
    render(<App />);
    const link = await screen.findByRole('link', { name: 'Sign in with single sign-on' });
    expect(link).toHaveAttribute('href', '/auth/oidc/start');
  });

  it('offers no single sign-on, and no password fields, when neither is configured', async () => {
    gateway({ password: false, oidc: { enabled: false, start_url: '/auth/oidc/start' } });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Switchyard' });
    await vi.waitFor(() => expect(screen.queryByLabelText('Email')).toBeNull());
    expect(screen.queryByRole('link', { name: 'Sign in with single sign-on' })).toBeNull();
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
  });

  it('says why single sign-on failed when the callback sent the viewer back with an error', async () => {
    window.location.hash = '#/sign-in?error=oidc_failed';
    gateway({ password: true, oidc: { enabled: true, start_url: '/auth/oidc/start' } });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Single sign-on did not complete. Try again.');
  });
});
