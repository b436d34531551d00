import { useState } from 'react';
import { assignToMe, loadQueue, type QueueRow } from '../api/work.ts';
import { useLiveEvents } from '../api/live.tsx';
import { Badge, ErrorMessage, PageTitle, Show, useLoad, words } from '../components/common.tsx';
import { useMutation } from '../components/use-mutation.ts';
import { Link, useRouter } from '../router.tsx';
import { useSession } from '../session.tsx';
import { stageTone, stages } from './cases-page.tsx';

const filterKeys = ['stage', 'risk', 'assignee', 'destination', 'search', 'sort', 'order'] as const;
const risks = ['unknown', 'low', 'medium', 'high', 'unacceptable'];
const sorts = [
  ['age', 'Age'],
  ['risk', 'Risk'],
  ['reference', 'Reference'],
  ['exporter', 'Exporter'],
  ['destination', 'Destination'],
  ['stage', 'Stage'],
] as const;

const riskTone = (risk: string) =>
  risk === 'high' || risk === 'unacceptable' ? 'danger' : risk === 'medium' ? 'warning' : 'neutral';

/**
 * The officers' work queue: exporter, destination, risk, assignee and age of every case, filtered,
 * searched and sorted through the address (so a filtered queue can be bookmarked), with "assign to
 * me". The auditor reads it too, without taking cases.
 */
export function QueuePage() {
  const { location, navigate } = useRouter();
  const { has, principal } = useSession();
  const current = Object.fromEntries(
    filterKeys.map((k) => [k, location.search.get(k) ?? '']),
  ) as Record<(typeof filterKeys)[number], string>;
  const query = new URLSearchParams(Object.entries(current).filter(([, v]) => v !== '')).toString();
  const [loaded, reload] = useLoad(() => loadQueue(query), query);
  const [search, setSearch] = useState(current.search);
  const [destination, setDestination] = useState(current.destination);
  const mayTake = has('caseworker') || has('senior-officer') || has('advisor');
  const set = (changes: Partial<Record<(typeof filterKeys)[number], string>>) => {
    const next = new URLSearchParams(
      Object.entries({ ...current, ...changes }).filter(([, v]) => v !== ''),
    ).toString();
    navigate(`/queue${next ? `?${next}` : ''}`);
  };
  const take = useMutation((row: QueueRow) => assignToMe(row.id, row.version), reload);
  // A case changed anywhere (submitted, taken, decided) may change the queue: read it again.
  useLiveEvents((message) => {
    if (message.kind === 'case-changed' || message.kind === 'resync') reload();
  });

  return (
    <>
      <PageTitle title="Work queue">Work queue</PageTitle>
      {!mayTake && (
        <p className="message info">
          You can read the queue and open any case; taking and deciding cases is for caseworkers,
          advisers and senior officers.
        </p>
      )}
      <form
        className="inline-form filters"
        aria-label="Filter the queue"
        onSubmit={(event) => {
          event.preventDefault();
          set({ search: search.trim(), destination: destination.trim().toUpperCase() });
        }}
      >
        <div className="field">
          <label htmlFor="queue-search">Search</label>
          <input
            id="queue-search"
            type="search"
            value={search}
            placeholder="reference, exporter, queue"
            onChange={(e) => {
              setSearch(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="queue-destination">Destination</label>
          <input
            id="queue-destination"
            value={destination}
            maxLength={2}
            size={3}
            onChange={(e) => {
              setDestination(e.target.value);
            }}
          />
        </div>
        <button type="submit">Search</button>
        <div className="field">
          <label htmlFor="queue-stage">Stage</label>
          <select
            id="queue-stage"
            value={current.stage}
            onChange={(e) => {
              set({ stage: e.target.value });
            }}
          >
            <option value="">All stages</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-risk">Risk</label>
          <select
            id="queue-risk"
            value={current.risk}
            onChange={(e) => {
              set({ risk: e.target.value });
            }}
          >
            <option value="">Any risk</option>
            {risks.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-assignee">Assigned to</label>
          <select
            id="queue-assignee"
            value={current.assignee}
            onChange={(e) => {
              set({ assignee: e.target.value });
            }}
          >
            <option value="">Anyone or no one</option>
            <option value="me">Me</option>
            <option value="none">No one</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-sort">Sort by</label>
          <select
            id="queue-sort"
            value={`${current.sort || 'age'}:${current.order || 'desc'}`}
            onChange={(e) => {
              const [sort = 'age', order = 'desc'] = e.target.value.split(':');
              set({ sort, order });
            }}
          >
            {sorts.flatMap(([key, label]) => [
              <option key={`${key}:desc`} value={`${key}:desc`}>
                {label} {key === 'age' ? '(oldest first)' : '(descending)'}
              </option>,
              <option key={`${key}:asc`} value={`${key}:asc`}>
                {label} {key === 'age' ? '(newest first)' : '(ascending)'}
              </option>,
            ])}
          </select>
        </div>
      </form>
      {take.error !== null && <ErrorMessage error={take.error} />}
      <Show loaded={loaded} what="the queue">
        {(rows) =>
          rows.length === 0 ? (
            <p>No cases match.</p>
          ) : (
            <table className="stacking">
              <caption>
                {rows.length} case{rows.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Exporter</th>
                  <th scope="col">Destination</th>
                  <th scope="col">Risk</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Queue</th>
                  <th scope="col">Assigned to</th>
                  <th scope="col">Age</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td data-label="Reference">
                      <Link to={`/cases/${encodeURIComponent(r.id)}`}>{r.reference}</Link>
                    </td>
                    <td data-label="Exporter">{r.exporter}</td>
                    <td data-label="Destination">{r.destination}</td>
                    <td data-label="Risk">
                      <Badge tone={riskTone(r.risk)}>{r.risk}</Badge>
                    </td>
                    <td data-label="Stage">
                      <Badge tone={stageTone(r.stage)}>{words(r.stage)}</Badge>
                    </td>
                    <td data-label="Queue">{r.queue ?? '—'}</td>
                    <td data-label="Assigned to">
                      {r.assignee?.name ?? 'no one'}
                      {mayTake &&
                        r.assignee?.name !== principal?.username &&
                        !['finalised', 'withdrawn', 'revoked', 'suspended', 'draft'].includes(
                          r.stage,
                        ) && (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="secondary small"
                              disabled={take.busy}
                              onClick={() => {
                                void take.submit(r);
                              }}
                            >
                              {/* The visible text is the accessible name (WCAG 2.5.3). */}
                              Assign {r.reference} to me
                            </button>
                          </>
                        )}
                    </td>
                    <td data-label="Age">
                      {r.ageDays} day{r.ageDays === 1 ? '' : 's'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </>
  );
}
