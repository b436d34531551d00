import { useState } from 'react';
import { api } from '../api/client.ts';
import { CaseListSchema } from '../../../src/contracts/cases.ts';
import { caseStages } from '../../../src/contracts/enumerations.ts';
import { Badge, PageTitle, Show, formatDate, useLoad, words } from '../components/common.tsx';
import { useLiveEvents } from '../api/live.tsx';
import { Link, useRouter } from '../router.tsx';

/** The case stages, as the domain defines them. */
export const stages = caseStages;

export const stageTone = (stage: string | undefined): string =>
  stage === 'finalised' ? 'ok' : stage === 'returned-to-exporter' ? 'warning' : 'neutral';

/** Officers' work queues and exporters' own applications: one table, filtered by stage and queue. */
export function CasesPage({ mode }: { readonly mode: 'queue' | 'mine' }) {
  const { location, navigate } = useRouter();
  const stage = location.search.get('stage') ?? '';
  const queue = location.search.get('queue') ?? '';
  const [queueInput, setQueueInput] = useState(queue);
  const query = new URLSearchParams({
    ...(stage ? { stage } : {}),
    ...(queue ? { queue } : {}),
  }).toString();
  const [loaded, reload] = useLoad(
    () => api(CaseListSchema, 'GET', `/v1/cases${query ? `?${query}` : ''}`).then((r) => r.cases),
    query,
  );
  // A case of theirs changed (a question asked, a decision issued): read the list again.
  useLiveEvents((message) => {
    if (message.kind === 'case-changed' || message.kind === 'resync') reload();
  });
  const base = mode === 'queue' ? '/queue' : '/applications';
  const title = mode === 'queue' ? 'Work queue' : 'My applications';
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {mode === 'mine' && (
        <p>
          <Link to="/applications/new" className="button">
            Start a new application
          </Link>
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams({
            ...(stage ? { stage } : {}),
            ...(queueInput.trim() ? { queue: queueInput.trim() } : {}),
          }).toString();
          navigate(`${base}${next ? `?${next}` : ''}`);
        }}
      >
        <div className="field">
          <label htmlFor="filter-stage">Stage</label>
          <select
            id="filter-stage"
            value={stage}
            onChange={(e) => {
              const next = new URLSearchParams({
                ...(e.target.value ? { stage: e.target.value } : {}),
                ...(queue ? { queue } : {}),
              }).toString();
              navigate(`${base}${next ? `?${next}` : ''}`);
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
        {mode === 'queue' && (
          <>
            <div className="field">
              <label htmlFor="filter-queue">Queue</label>
              <input
                id="filter-queue"
                value={queueInput}
                onChange={(e) => {
                  setQueueInput(e.target.value);
                }}
              />
            </div>
            <button type="submit">Filter</button>
          </>
        )}
      </form>
      <Show loaded={loaded} what="cases">
        {(cases) =>
          cases.length === 0 ? (
            <p>No cases{stage ? ` at stage ${words(stage)}` : ''}.</p>
          ) : (
            <table>
              <caption>
                {cases.length} case{cases.length === 1 ? '' : 's'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">Created</th>
                  <th scope="col">Queue</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Documents</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <td data-label="Reference">
                      <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.reference}</Link>
                    </td>
                    <td data-label="Stage">
                      <Badge tone={stageTone(c.stage)}>{words(c.stage)}</Badge>
                    </td>
                    <td data-label="Jurisdiction">{c.jurisdiction}</td>
                    <td data-label="Created">{formatDate(c.createdAt)}</td>
                    <td data-label="Queue">{c.queue ?? '—'}</td>
                    <td data-label="Outcome">{words(c.outcome)}</td>
                    <td data-label="Documents">
                      {c.stage === 'finalised' ? (
                        <a href={`/v1/cases/${encodeURIComponent(c.id)}/document`}>
                          Decision (PDF)
                        </a>
                      ) : (
                        '—'
                      )}
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
