import { api } from '../api/client.ts';
import {
  ProposalDetailSchema,
  ProposalListSchema,
  SyncGapListSchema,
} from '../../../src/contracts/proposals.ts';
import type { ProposalDetailJson } from '../../../src/contracts/proposals.ts';
import {
  Badge,
  PageTitle,
  Show,
  TextStatusBadge,
  formatDate,
  useLoad,
  words,
} from '../components/common.tsx';
import { Link } from '../router.tsx';

type Cell = ProposalDetailJson['matrix'][number]['cells'][number];

const tone = (position: string | undefined): string =>
  position === 'adopted'
    ? 'ok'
    : position === 'oppose' || position === 'not-adopting'
      ? 'bad'
      : 'neutral';

/** One cell of the adoption matrix: the position, with the national entry and date of an adoption. */
function MatrixCell({ cell }: { readonly cell: Cell }) {
  const p = cell.position;
  if (p === undefined) return <td className="muted">no position</td>;
  return (
    <td>
      <Badge tone={tone(p.position)}>{words(p.position)}</Badge>
      {p.adoption && (
        <div>
          {p.adoption.nationalEntryId}, {p.adoption.legalInstrument}, from {p.adoption.effectiveOn}
        </div>
      )}
      {p.reasons && <div className="muted">{p.reasons}</div>}
    </td>
  );
}

/** The partner-by-partner adoption matrix: a row per authority, a column per version. */
export function AdoptionMatrix({ proposal }: { readonly proposal: ProposalDetailJson }) {
  const versions = proposal.versions
    .filter((v) => v.publishedAt !== undefined)
    .map((v) => v.version);
  if (proposal.matrix.length === 0) return <p>No partner has taken a position yet.</p>;
  return (
    <table aria-label="Adoption matrix">
      <thead>
        <tr>
          <th scope="col">Authority</th>
          {versions.map((v) => (
            <th key={v} scope="col">
              Version {v}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {proposal.matrix.map((row) => (
          <tr key={row.authority}>
            <th scope="row">{row.authority}</th>
            {row.cells.map((cell) => (
              <MatrixCell key={cell.version} cell={cell} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One proposal: its current text, evidence and the adoption matrix. */
export function ProposalPage({ id }: { readonly id: string }) {
  const [loaded] = useLoad(
    () => api(ProposalDetailSchema, 'GET', `/v1/proposals/${encodeURIComponent(id)}`),
    `proposal-${id}`,
  );
  return (
    <Show loaded={loaded} what="the proposal">
      {(p) => {
        const current = p.versions.find((v) => v.version === p.currentVersion);
        return (
          <>
            <PageTitle title={p.title}>{p.title}</PageTitle>
            <p>
              {p.id} by {p.authority} · <Badge tone="neutral">{words(p.status)}</Badge> · version{' '}
              {p.currentVersion}
              {p.withdrawal && <> · withdrawn: {p.withdrawal.reason}</>}
            </p>
            {current && (
              <section>
                <h2>
                  Proposed entry {current.content.entry.entryId}: {current.content.entry.title}
                </h2>
                <p>{current.content.entry.text}</p>
                <ul>
                  {current.content.entry.criteria.map((c) => (
                    <li key={c.id}>
                      {c.id}. {c.text}
                    </li>
                  ))}
                </ul>
                <h3>Rationale</h3>
                <p>{current.content.rationale}</p>
                <h3>Human-rights evidence</h3>
                <ul>
                  {current.content.evidence.map((e, i) => (
                    <li key={i}>
                      {e.text} ({e.source}) <TextStatusBadge status={e.textStatus} />
                    </li>
                  ))}
                </ul>
                <p>Reasons for control: {current.content.reasonsForControl.join(', ')}</p>
              </section>
            )}
            <section>
              <h2>Adoption by partners</h2>
              <AdoptionMatrix proposal={p} />
            </section>
          </>
        );
      }}
    </Show>
  );
}

/** Control proposals, ours and partners', and the sync-gap alerts on our open cases. */
export function ProposalsPage() {
  const [loaded] = useLoad(
    async () => ({
      proposals: (await api(ProposalListSchema, 'GET', '/v1/proposals')).proposals,
      gaps: (await api(SyncGapListSchema, 'GET', '/v1/proposals/sync-gaps')).alerts,
    }),
    'proposals',
  );
  return (
    <>
      <PageTitle title="Control proposals">Control proposals</PageTitle>
      <Show loaded={loaded} what="the proposals">
        {({ proposals, gaps }) => (
          <>
            {gaps.length > 0 && (
              <section aria-label="Sync-gap alerts">
                <h2>Sync-gap alerts</h2>
                <ul>
                  {gaps.map((g) => (
                    <li key={g.id}>
                      <Link to={`/cases/${g.caseId}`}>{g.caseReference}</Link>: {g.partner} controls
                      it as {g.nationalEntryId} from {g.effectiveOn}; we do not ({words(g.capture)},
                      raised {formatDate(g.raisedAt)})
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {proposals.length === 0 ? (
              <p>No control proposals yet.</p>
            ) : (
              <table aria-label="Proposals">
                <thead>
                  <tr>
                    <th scope="col">Proposal</th>
                    <th scope="col">Entry</th>
                    <th scope="col">By</th>
                    <th scope="col">Status</th>
                    <th scope="col">Adopted by</th>
                  </tr>
                </thead>
                <tbody>
                  {proposals.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/proposals/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                      </td>
                      <td>{p.entryId}</td>
                      <td>{p.authority}</td>
                      <td>
                        {words(p.status)}, v{p.currentVersion}
                      </td>
                      <td>{p.adopted.length === 0 ? '—' : p.adopted.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Show>
    </>
  );
}
