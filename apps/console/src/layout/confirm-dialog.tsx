import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal question before something that cannot be undone (delete, revoke, cancel). The native
 * `<dialog>`: focus moves into it and Escape closes it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={onCancel}>
      {open && (
        <>
          <h2 id="confirm-title">{title}</h2>
          {children}
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
              {confirmLabel}
            </button>
            <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
