import { useState } from 'react';
import type { CreatedKey } from '../api/contract-types';
import { Dialog } from './dialog';

/**
 * The new key, shown this once: the server keeps only its hash, and the page forgets it when the
 * dialog closes. A copy button puts it on the clipboard.
 */
export function KeyCreatedDialog({ created, onClose }: { created: CreatedKey; onClose: () => void }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <Dialog title={`Key “${created.name}” created`} onClose={onClose}>
      <p>
        <strong>This is the only time the key is shown.</strong> Copy it now and keep it somewhere safe: Switchyard stores only a hash of
        it.
      </p>
      <div className="field">
        <label htmlFor="new-key">Your new key</label>
        <div className="copy-row">
          <input id="new-key" className="secret" readOnly value={created.key} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void copyKey()}>
            Copy
          </button>
        </div>
        <p role="status" className="field-hint">
          {copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'Could not copy: select the key and copy it yourself.' : ''}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          I have copied it
        </button>
      </div>
    </Dialog>
  );
}
