import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';

type Answer = { status: number; body?: unknown };

const INVITE = { object: 'invite', email: 'grace@example.com', name: 'Grace', kind: 'invite', expires_at: 1_764_000_000 };
const SESSION = {
  object: 'session',
  user: { id: 'usr_2', name: 'Grace', email: 'grace@example.com', role: 'user' },
  scopes: ['inference', 'usage:read'],
  method: 'password',
  expires_at: 1_764_000_000,
};

/** Answers by "METHOD path"; each route's answers are used in turn (the last one repeats). */
function gateway(routes: Record<string, Answer[]>) {
  const seen: { route: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const route = `${request.method} ${new URL(request.url).pathname}`;
      const text = await request.text();
      seen.push({ route, body: text ? JSON.parse(text) : undefined });
      const answers = routes[route] ?? [{ status: 404, body: { error: { message: `Unknown request URL: ${route}`, code: 'not_found' } } }];
      const answer = answers.length > 1 ? answers.shift()! : answers[0];
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return seen;
}

const noSession: Answer = { status: 401, body: { error: { message: 'No session', code: 'invalid_api_key' } } };

describe('the invite page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('shows the password rules as they are met, sends the password once they all are, and signs the user in', async () => {
    window.location.hash = '#/invite/tok_123';
    const seen = gateway({
      'GET /auth/session': [noSession],
      'GET /auth/invites/tok_123': [{ status: 200, body: INVITE }],
      'POST /auth/invites/tok_123/accept': [
        { status: 400, body: { error: { message: 'The password is too common', code: 'weak_password', param: 'password' } } },
        { status: 200, body: SESSION },
      ],
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    expect(screen.getByText(/grace@example.com/)).toBeInTheDocument();
    const rules = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(rules()).toEqual([
      '✗ At least 12 characters (not met)',
      '✗ Not all one kind of character (mix letters, digits or symbols) (not met)',
      '✓ Does not contain your email name (met)',
    ]);

    await user.type(screen.getByLabelText('Password'), 'grace');
    expect(rules()[2]).toBe('✗ Does not contain your email name (not met)');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The password does not meet the rules yet.');
    expect(seen.filter((s) => s.route.startsWith('POST'))).toEqual([]);

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'Hopper-COBOL-1959');
    await user.type(screen.getByLabelText('Repeat the password'), 'Hopper-COBOL-1959');
    expect(rules().every((rule) => rule?.startsWith('✓'))).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    // the server's own reason is shown
    expect(await screen.findByRole('alert')).toHaveTextContent('The password is too common');

    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    expect(seen.filter((s) => s.route === 'POST /auth/invites/tok_123/accept').map((s) => s.body)).toEqual([
      { password: 'Hopper-COBOL-1959' },
      { password: 'Hopper-COBOL-1959' },
    ]);
  });

  it('says a used or expired link is not valid any more', async () => {
    window.location.hash = '#/invite/tok_old';
    gateway({ 'GET /auth/session': [noSession] });
    render(<App />);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This link is not valid any more'));
  });
});
