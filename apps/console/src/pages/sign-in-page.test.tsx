import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInBody, SignInForm } from './sign-in-page';

const SESSION = {
  object: 'session',
  user: { id: 'usr_1', name: 'Ada', email: 'ada@example.com', role: 'user' },
  scopes: ['inference'],
  method: 'password',
  expires_at: 1_764_000_000,
};

/** The gateway, as far as sign-in goes: answers the next POST /auth/sign-in with `status` and `body`. */
function answerSignIn(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async (request: Request) => {
    expect(new URL(request.url).pathname).toBe('/auth/sign-in');
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const envelope = (code: string, message: string) => ({ error: { message, type: 'invalid_request_error', param: null, code } });

describe('the sign-in form', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('has fields labelled "API key", "Email", "Password" and a "Sign in" button', () => {
    render(<SignInForm onSignedIn={() => {}} passwordEnabled />);
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(form).toContainElement(screen.getByLabelText('API key'));
    expect(form).toContainElement(screen.getByLabelText('Email'));
    expect(form).toContainElement(screen.getByLabelText('Password'));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('sends the key when one is typed, else email and password', () => {
    expect(signInBody('  sk-1 ', 'a@b.c', 'pw')).toEqual({ api_key: 'sk-1' });
    expect(signInBody('', ' a@b.c ', 'pw')).toEqual({ email: 'a@b.c', password: 'pw' });
    expect(signInBody('', 'a@b.c', '')).toBeNull();
  });

  it('asks for something before sending anything', async () => {
    const fetchMock = answerSignIn(200, SESSION);
    render(<SignInForm onSignedIn={() => {}} passwordEnabled />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter an API key, or your email and password.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in with email and password, sends the body as JSON and hands over the session', async () => {
    const fetchMock = answerSignIn(200, SESSION);
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(<SignInForm onSignedIn={onSignedIn} passwordEnabled />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(SESSION));
    const request = fetchMock.mock.calls[0][0];
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual({ email: 'ada@example.com', password: 'correct horse battery' });
    // the password does not stay in the form
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('says the same thing for any wrong credentials, and keeps what was typed but the secret', async () => {
    answerSignIn(401, envelope('invalid_credentials', 'Invalid credentials'));
    const user = userEvent.setup();
    const onSignedIn = vi.fn();
    render(<SignInForm onSignedIn={onSignedIn} passwordEnabled />);
    await user.type(screen.getByLabelText('API key'), 'sk-wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That did not match an active account.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('tells a throttled user to wait', async () => {
    answerSignIn(429, envelope('rate_limit_exceeded', 'Too many'), { 'retry-after': '30' });
    const user = userEvent.setup();
    render(<SignInForm onSignedIn={() => {}} passwordEnabled />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed attempts.');
  });

  it('shows any other error’s own message, and marks nothing as signed in', async () => {
    answerSignIn(503, envelope('service_unavailable', 'The billing service is unavailable'));
    const user = userEvent.setup();
    const onSignedIn = vi.fn();
    render(<SignInForm onSignedIn={onSignedIn} passwordEnabled={false} />);
    expect(screen.queryByLabelText('Email')).toBeNull();
    await user.type(screen.getByLabelText('API key'), 'sk-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The billing service is unavailable');
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});
