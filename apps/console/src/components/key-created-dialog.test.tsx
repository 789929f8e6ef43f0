import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CreatedKey } from '../api/contract-types';
import { KeyCreatedDialog } from './key-created-dialog';

const CREATED: CreatedKey = {
  id: 'key_1',
  object: 'api_key',
  name: 'laptop',
  scopes: ['inference'],
  prefix: 'sk-sy-secr',
  created_at: 1_764_000_000,
  revoked_at: null,
  last_used_at: null,
  key: 'sk-sy-secret-0123456789',
};

function Harness() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button">Create key</button>
      {open && <KeyCreatedDialog created={CREATED} onClose={() => setOpen(false)} />}
    </>
  );
}

describe('KeyCreatedDialog', () => {
  it('shows the key once, in a labelled field of a named dialog, with focus inside it', () => {
    render(<Harness />);
    const dialog = screen.getByRole('dialog', { name: 'Key “laptop” created' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByLabelText('Your new key')).toHaveValue(CREATED.key);
    expect(screen.getByText('This is the only time the key is shown.')).toBeInTheDocument();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });

  it('copies the key to the clipboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(CREATED.key);
    expect(await navigator.clipboard.readText()).toBe(CREATED.key);
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.');
  });

  it('says to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy');
  });

  it('forgets the key when closed (button or Escape): it is in the page no more', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(CREATED.key);
    unmount();

    render(<Harness />);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(CREATED.key);
  });

  it('keeps Tab inside the dialog', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 5; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
  });
});
