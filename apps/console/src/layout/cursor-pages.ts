import { useCallback, useState } from 'react';

/**
 * Cursor paging (`after=<last id>`) with a way back: the cursors of the pages already seen.
 * `after` is the cursor of the page shown (undefined for the first).
 */
export function useCursorPages() {
  const [stack, setStack] = useState<string[]>([]);
  const after = stack.length > 0 ? stack[stack.length - 1] : undefined;
  const next = useCallback((lastId: string) => setStack((s) => [...s, lastId]), []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const first = useCallback(() => setStack([]), []);
  return { after, page: stack.length + 1, next, previous, first };
}
