import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from './client';

export type Loadable<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown }
  | { status: 'ready'; data: T; error?: undefined };

export interface ApiState<T> {
  state: Loadable<T>;
  /** load again (after a change, or from the error state's "Try again") */
  reload: () => void;
}

/**
 * Loads what a page shows. `load` runs again when `deps` change; an answer that arrives after a newer
 * load started (or after the page left) is dropped.
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const run = ++latest.current;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    loadRef.current().then(
      (data) => {
        if (run === latest.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (run === latest.current) setState({ status: 'error', error });
      },
    );
    return () => {
      // a newer run (or none, once unmounted) makes this one's answer stale
      latest.current++;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}

interface LoadedProps<T> {
  api: ApiState<T>;
  /** what is loading, for the loading and error messages: "your keys" */
  what: string;
  /** when the data is empty, this is shown instead of `children` */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** A page section's three states besides its content: loading, error (with "Try again"), empty. */
export function Loaded<T>({ api: { state, reload }, what, isEmpty, empty, children }: LoadedProps<T>): ReactNode {
  if (state.status === 'loading') {
    return (
      <p role="status" className="state state-loading">
        Loading {what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div role="alert" className="state state-error">
        <p>
          Could not load {what}: {errorMessage(state.error)}
        </p>
        <button type="button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (isEmpty?.(state.data)) {
    return <div className="state state-empty">{empty ?? <p>Nothing here yet.</p>}</div>;
  }
  return <>{children(state.data)}</>;
}
