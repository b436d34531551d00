import { useRef, useState } from 'react';
import { api, send } from '../api/client.ts';
import {
  ListImportResponseSchema,
  ListSnapshotListSchema,
  ListStatusResponseSchema,
  SnapshotDiffResponseSchema,
  type ListImportResponse,
  type ListSnapshotJson,
  type ListStatusResponse,
  type SnapshotDiffResponse,
} from '../../../src/contracts/lists.ts';
import {
  ErrorMessage,
  PageTitle,
  Show,
  formatDate,
  useLoad,
  type Loaded,
} from '../components/common.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const diffPath = (before: string, after: string) =>
  `/lists/diff/${encodeURIComponent(before)}/${encodeURIComponent(after)}`;
const diffApiPath = (before: string, after: string) =>
  `/v1/lists/${encodeURIComponent(before)}/diff/${encodeURIComponent(after)}`;

/** Makes a stored snapshot active again (roll back); dropping many entries needs a reason. */
function RollBack({
  source,
  snapshot,
  onDone,
}: {
  readonly source: string;
  readonly snapshot: ListSnapshotJson;
  readonly onDone: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={`Make ${snapshot.id} active again`}
        onClick={() => {
          const reason = window.prompt(
            `Make ${snapshot.id} the active snapshot of ${source}? Open cases are re-screened. If it drops many entries, say why:`,
            '',
          );
          if (reason === null) return;
          setBusy(true);
          setError(null);
          send('POST', `/v1/lists/${encodeURIComponent(source)}/activate`, {
            snapshot: snapshot.id,
            ...(reason.trim() ? { allowShrink: reason.trim() } : {}),
          })
            .then(onDone)
            .catch((e: unknown) => {
              setError(e);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        Make active
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}

function Snapshots({
  source,
  active,
  canActivate,
  onActivated,
}: {
  readonly source: string;
  readonly active: string | undefined;
  readonly canActivate: boolean;
  readonly onActivated: () => void;
}) {
  const [loaded] = useLoad(
    () =>
      api(ListSnapshotListSchema, 'GET', `/v1/lists/${encodeURIComponent(source)}/snapshots`).then(
        (r) => r.snapshots,
      ),
    source,
  );
  return (
    <Show loaded={loaded} what={`the snapshots of ${source}`}>
      {(snapshots) => (
        <table>
          <caption>Snapshots of {source}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Snapshot</th>
              <th scope="col">Data date</th>
              <th scope="col">Imported</th>
              <th scope="col">Entries</th>
              <th scope="col">Skipped</th>
              <th scope="col">Changes</th>
              {canActivate && <th scope="col">Roll back</th>}
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s, i) => {
              const previous = snapshots[i + 1];
              return (
                <tr key={s.id}>
                  <td>
                    <code>{s.id}</code>
                  </td>
                  <td>{s.dataDate}</td>
                  <td>{formatDate(s.importedAt)}</td>
                  <td>{s.entryCount.toLocaleString('en')}</td>
                  <td>{s.skippedCount}</td>
                  <td>
                    {previous ? (
                      <Link to={diffPath(previous.id, s.id)}>Diff with {previous.dataDate}</Link>
                    ) : (
                      'first snapshot'
                    )}
                  </td>
                  {canActivate && (
                    <td>
                      {s.id === active ? (
                        'active'
                      ) : (
                        <RollBack source={source} snapshot={s} onDone={onActivated} />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Show>
  );
}

function ImportForm({
  sources,
  onImported,
}: {
  readonly sources: readonly { source: string; name: string; active: ListSnapshotJson | null }[];
  readonly onImported: () => void;
}) {
  const [source, setSource] = useState(sources[0]?.source ?? '');
  const [files, setFiles] = useState<FileList | null>(null);
  const [dataDate, setDataDate] = useState('');
  const [strict, setStrict] = useState(false);
  const [provenance, setProvenance] = useState('');
  const [allowShrink, setAllowShrink] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{
    answer: ListImportResponse;
    before: string | undefined;
    diff: SnapshotDiffResponse | undefined;
  } | null>(null);
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a list file</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!files || files.length === 0) {
            setError(new Error('Choose at least one file.'));
            return;
          }
          const before = sources.find((s) => s.source === source)?.active?.id;
          const form = new FormData();
          form.append('source', source);
          if (dataDate) form.append('dataDate', dataDate);
          form.append('strict', String(strict));
          if (provenance.trim()) form.append('provenance', provenance.trim());
          if (allowShrink.trim()) form.append('allowShrink', allowShrink.trim());
          for (const f of Array.from(files)) form.append('files', f, f.name);
          setBusy(true);
          setError(null);
          setResult(null);
          api(ListImportResponseSchema, 'POST', '/v1/lists/import', form)
            .then(async (answer) => {
              // The import activated the new snapshot: show at once what changed from the one before.
              const diff =
                before !== undefined && before !== answer.snapshot.id
                  ? await api(
                      SnapshotDiffResponseSchema,
                      'GET',
                      diffApiPath(before, answer.snapshot.id),
                    )
                  : undefined;
              setResult({ answer, before, diff });
              onImported();
            })
            .catch((e: unknown) => {
              setError(e);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <div className="grid">
          <div className="field">
            <label htmlFor="import-source">List source</label>
            <select
              id="import-source"
              value={source}
              onChange={(e) => {
                setSource(e.target.value);
              }}
            >
              {sources.map((s) => (
                <option key={s.source} value={s.source}>
                  {s.name} ({s.source})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-files">Files</label>
            <input
              id="import-files"
              type="file"
              multiple
              onChange={(e) => {
                setFiles(e.target.files);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="import-date">Data date (required unless the files state it)</label>
            <input
              id="import-date"
              type="date"
              value={dataDate}
              onChange={(e) => {
                setDataDate(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="import-allow-shrink">
              Reason to allow a large shrink (only if intended)
            </label>
            <input
              id="import-allow-shrink"
              value={allowShrink}
              aria-describedby="import-allow-shrink-hint"
              onChange={(e) => {
                setAllowShrink(e.target.value);
              }}
            />
            <span id="import-allow-shrink-hint" className="hint">
              An import that removes more than a tenth of the active entries, or whose file looks
              cut short, is refused without one; the reason is audited.
            </span>
          </div>
          <div className="field">
            <label htmlFor="import-provenance">Provenance (optional)</label>
            <input
              id="import-provenance"
              value={provenance}
              onChange={(e) => {
                setProvenance(e.target.value);
              }}
            />
          </div>
        </div>
        <div className="checkbox">
          <input
            id="import-strict"
            type="checkbox"
            checked={strict}
            onChange={(e) => {
              setStrict(e.target.checked);
            }}
          />
          <label htmlFor="import-strict">Strict: refuse the import if any row is skipped</label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {result && (
        <section aria-labelledby="import-result-heading">
          <div className="message info" role="status">
            <h3 id="import-result-heading">
              {result.answer.outcome === 'imported'
                ? 'Imported and activated'
                : 'Unchanged (the same content is already stored); it is the active snapshot'}
            </h3>
            <p>
              <code>{result.answer.snapshot.id}</code> (data date {result.answer.snapshot.dataDate}
              ): {result.answer.snapshot.entryCount} entries, {result.answer.snapshot.skippedCount}{' '}
              skipped.
            </p>
            {result.before === undefined && <p>This is the first snapshot of its source.</p>}
          </div>
          {result.answer.snapshot.problems.length > 0 && (
            <details>
              <summary>Skipped rows ({result.answer.snapshot.skippedCount})</summary>
              <ul>
                {result.answer.snapshot.problems.slice(0, 50).map((p) => (
                  <li key={`${p.file}:${p.line ?? p.element ?? ''}:${p.message}`}>
                    {p.file}
                    {p.line !== undefined ? ` line ${p.line}` : ''}: {p.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {result.diff && result.before && (
            <>
              <h3>Changes from the previous active snapshot</h3>
              <SnapshotDiffView diff={result.diff} limit={25} headingLevel={4} />
              <p>
                <Link to={diffPath(result.before, result.answer.snapshot.id)}>
                  See the full diff
                </Link>
              </p>
            </>
          )}
        </section>
      )}
    </section>
  );
}

/** Administration of the restricted-party lists: sources, snapshots, imports and diffs. */
export function ListsPage() {
  const { has } = useSession();
  const [loaded, reload] = useLoad(
    () => api(ListStatusResponseSchema, 'GET', '/v1/lists'),
    'lists',
  );
  // While the status reloads after an import, keep showing the last one: the import form (and the
  // result and diff it shows) must stay mounted.
  const last = useRef<ListStatusResponse | undefined>(undefined);
  if (loaded.state === 'ready') last.current = loaded.value;
  const shown: Loaded<ListStatusResponse> =
    loaded.state === 'loading' && last.current ? { state: 'ready', value: last.current } : loaded;
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageTitle title="Lists">Restricted-party lists</PageTitle>
      <Show loaded={shown} what="the lists">
        {(status) => (
          <>
            <table>
              <caption>List sources and their active snapshots</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Authority</th>
                  <th scope="col">Active snapshot</th>
                  <th scope="col">Data date</th>
                  <th scope="col">Age (days)</th>
                  <th scope="col">Entries</th>
                  <th scope="col">Snapshots</th>
                </tr>
              </thead>
              <tbody>
                {status.sources.map((s) => (
                  <tr key={s.source}>
                    <th scope="row">
                      {s.name}
                      <br />
                      <code>{s.source}</code>
                    </th>
                    <td>{s.authority}</td>
                    <td>{s.active ? <code>{s.active.id}</code> : 'none'}</td>
                    <td>{s.dataDate ?? '—'}</td>
                    <td>{s.ageDays ?? '—'}</td>
                    <td>{s.entryCount.toLocaleString('en')}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={open === s.source}
                        aria-controls={`snapshots-${s.source}`}
                        onClick={() => {
                          setOpen(open === s.source ? null : s.source);
                        }}
                      >
                        {open === s.source ? 'Hide' : 'Show'} {s.snapshotCount} snapshot
                        {s.snapshotCount === 1 ? '' : 's'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {open && (
              <section id={`snapshots-${open}`} aria-label={`Snapshots of ${open}`}>
                <Snapshots
                  source={open}
                  active={status.sources.find((x) => x.source === open)?.active?.id}
                  canActivate={has('administrator')}
                  onActivated={reload}
                />
              </section>
            )}
            {has('administrator') && <ImportForm sources={status.sources} onImported={reload} />}
          </>
        )}
      </Show>
    </>
  );
}

/** What changed from one snapshot to another: entries added, removed and changed. */
export function ListDiffPage({
  before,
  after,
}: {
  readonly before: string;
  readonly after: string;
}) {
  const [loaded] = useLoad(
    () => api(SnapshotDiffResponseSchema, 'GET', diffApiPath(before, after)),
    `${before}|${after}`,
  );
  return (
    <>
      <PageTitle title="List diff">Changes between two snapshots</PageTitle>
      <p>
        <Link to="/lists">Back to the lists</Link>
      </p>
      <Show loaded={loaded} what="the differences">
        {(d) => <SnapshotDiffView diff={d} limit={500} headingLevel={2} />}
      </Show>
    </>
  );
}

/** A diff's counts, then the entries added, removed and changed, each table cut at `limit` rows. */
function SnapshotDiffView({
  diff: d,
  limit,
  headingLevel,
}: {
  readonly diff: SnapshotDiffResponse;
  readonly limit: number;
  readonly headingLevel: 2 | 4;
}) {
  const table = (title: string, rows: readonly [string, string, string][]) => (
    <DiffTable title={title} rows={rows} limit={limit} headingLevel={headingLevel} />
  );
  return (
    <>
      <p className="diff-summary">
        From <code>{d.before.id}</code> ({d.before.dataDate}) to <code>{d.after.id}</code> (
        {d.after.dataDate}): {d.added.length} added, {d.removed.length} removed, {d.changed.length}{' '}
        changed, {d.unchangedCount} unchanged.
      </p>
      {table(
        'Added',
        d.added.map((e) => [e.entityId, e.name, '']),
      )}
      {table(
        'Removed',
        d.removed.map((e) => [e.entityId, e.name, '']),
      )}
      {table(
        'Changed',
        d.changed.map((c) => [
          c.entityId,
          c.name,
          [
            c.fields.join(', '),
            c.namesAdded.length ? `names added: ${c.namesAdded.join('; ')}` : '',
            c.namesRemoved.length ? `names removed: ${c.namesRemoved.join('; ')}` : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ]),
      )}
    </>
  );
}

function DiffTable({
  title,
  rows,
  limit,
  headingLevel,
}: {
  readonly title: string;
  readonly rows: readonly [string, string, string][];
  readonly limit: number;
  readonly headingLevel: 2 | 4;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  return (
    <section aria-label={title}>
      <Heading>
        {title} ({rows.length})
      </Heading>
      {rows.length > 0 && (
        <table>
          <caption>{title} entries</caption>
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Name</th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map(([id, name, what]) => (
              <tr key={id}>
                <td>
                  <code>{id}</code>
                </td>
                <td>{name}</td>
                <td>{what || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > limit && (
        <p>
          Showing the first {limit} of {rows.length}.
        </p>
      )}
    </section>
  );
}
