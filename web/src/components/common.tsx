import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, describeError } from '../api/client.ts';

/** The page heading: sets the document title and takes focus after navigation (screen readers). */
export function PageTitle({
  children,
  title,
}: {
  readonly children: ReactNode;
  readonly title: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Cordon`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** An error as a page shows it: announced, with the API's field problems listed. */
export function ErrorMessage({ error }: { readonly error: unknown }) {
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="message error" role="alert">
      <p>{describeError(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field + f.problem}>
              <code>{f.field}</code>: {f.problem}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { readonly what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'ready'; readonly value: T };

/** Loads once per `key` (and on `reload()`); stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    loadRef
      .current()
      .then((value) => {
        if (live) setResult({ state: 'ready', value });
      })
      .catch((error: unknown) => {
        if (live) setResult({ state: 'error', error });
      });
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => {
    setTick((t) => t + 1);
  }, []);
  return [result, reload];
}

/** Renders a `Loaded` value: a status line, the error, or the content. */
export function Show<T>({
  loaded,
  what,
  children,
}: {
  readonly loaded: Loaded<T>;
  readonly what: string;
  readonly children: (value: T) => ReactNode;
}) {
  if (loaded.state === 'loading') return <Loading what={what} />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} />;
  return <>{children(loaded.value)}</>;
}

/** A text's provenance status: a paraphrase must never pass for legal text. */
export function TextStatusBadge({ status }: { readonly status: string | undefined }) {
  if (!status) return null;
  const label =
    status === 'verbatim'
      ? 'verbatim text'
      : status === 'paraphrase'
        ? 'paraphrase, not legal text'
        : status === 'seed-unverified'
          ? 'unverified seed text'
          : status;
  return <span className={`badge text-${status}`}>{label}</span>;
}

export function Badge({ children, tone }: { readonly children: ReactNode; readonly tone: string }) {
  return <span className={`badge tone-${tone}`}>{children}</span>;
}

export const formatDate = (iso: string | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
};

export const percent = (score: number | undefined): string =>
  score === undefined ? '—' : `${Math.round(score * 100)}%`;

/** A label for stage and outcome ids (`awaiting-countersignature` → `awaiting countersignature`). */
export const words = (id: string | undefined): string => (id ? id.replace(/-/g, ' ') : '—');
