/** What the last action on a page came to: a success said politely, a failure announced at once. */
export type Notice = { ok: boolean; text: string } | null;

export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'status-ok' : 'form-error'}>
      {notice.text}
    </p>
  );
}
