import { useState } from 'react';
import { auditExtractUrl, loadAudit, verifyAudit, type AuditVerdict } from '../api/work.ts';
import { ErrorMessage, PageTitle, Show, formatDate, useLoad } from '../components/common.tsx';
import { useMutation } from '../components/use-mutation.ts';
import { useRouter } from '../router.tsx';

const keys = ['objectType', 'objectId', 'from', 'to'] as const;
type Key = (typeof keys)[number];
const labels: Readonly<Record<Key, string>> = {
  objectType: 'Object type (e.g. case, user)',
  objectId: 'Object id',
  from: 'From (date)',
  to: 'To (date)',
};

function Verdict({ verdict }: { readonly verdict: AuditVerdict }) {
  return verdict.intact ? (
    <div className="message ok" role="status">
      <p>
        The trail is intact: {verdict.entries} entries, each linked to the one before it.
        {verdict.lastHash ? ' Anchor the last hash outside Cordon to detect a later rewrite:' : ''}
      </p>
      {verdict.lastHash && (
        <p>
          <code className="hash">
            {verdict.lastSeq ?? ''}:{verdict.lastHash}
          </code>
        </p>
      )}
    </div>
  ) : (
    <div className="message error" role="alert">
      <p>
        The trail is broken
        {verdict.brokenAtSeq !== undefined ? ` at entry ${verdict.brokenAtSeq}` : ''}:{' '}
        {verdict.reason}
      </p>
    </div>
  );
}

/**
 * The auditor's page: search the hash-chained audit trail, verify it (optionally against a head
 * anchored earlier), and download a verifiable extract of a period.
 */
export function AuditPage() {
  const { location, navigate } = useRouter();
  const current = Object.fromEntries(keys.map((k) => [k, location.search.get(k) ?? ''])) as Record<
    Key,
    string
  >;
  const [draft, setDraft] = useState(current);
  const query = new URLSearchParams(Object.entries(current).filter(([, v]) => v !== '')).toString();
  const [loaded] = useLoad(() => loadAudit(`${query}${query ? '&' : ''}limit=200`), query);
  const [expectHead, setExpectHead] = useState('');
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const verify = useMutation(() => verifyAudit(expectHead.trim()), setVerdict);
  const period = new URLSearchParams(
    (['from', 'to'] as const).filter((k) => current[k] !== '').map((k) => [k, current[k]]),
  ).toString();

  return (
    <>
      <PageTitle title="Audit trail">Audit trail</PageTitle>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">Verify the trail</h2>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            setVerdict(null);
            void verify.submit();
          }}
        >
          <div className="field">
            <label htmlFor="expect-head">Anchored head (optional, SEQ:HASH)</label>
            <input
              id="expect-head"
              value={expectHead}
              onChange={(e) => {
                setExpectHead(e.target.value);
              }}
            />
          </div>
          <button type="submit" disabled={verify.busy}>
            Verify the trail
          </button>
        </form>
        {verify.error !== null && <ErrorMessage error={verify.error} />}
        {verdict && <Verdict verdict={verdict} />}
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">Search</h2>
        <form
          className="inline-form filters"
          onSubmit={(event) => {
            event.preventDefault();
            const next = new URLSearchParams(
              Object.entries(draft).filter(([, v]) => v.trim() !== ''),
            ).toString();
            navigate(`/audit${next ? `?${next}` : ''}`);
          }}
        >
          {keys.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`audit-${k}`}>{labels[k]}</label>
              <input
                id={`audit-${k}`}
                type={k === 'from' || k === 'to' ? 'date' : 'text'}
                value={draft[k]}
                onChange={(e) => {
                  setDraft({ ...draft, [k]: e.target.value });
                }}
              />
            </div>
          ))}
          <button type="submit">Search</button>
        </form>
        <p>
          <a className="button secondary" href={auditExtractUrl(period)} download>
            Download a verifiable extract{period ? ' of this period' : ''} (JSON)
          </a>{' '}
          <span className="hint">
            Contiguous entries with the hash they chain from: anyone can check them without the
            database.
          </span>
        </p>
        <Show loaded={loaded} what="the audit trail">
          {(entries) =>
            entries.length === 0 ? (
              <p>No entries match.</p>
            ) : (
              <table className="stacking">
                <caption>
                  {entries.length} entr{entries.length === 1 ? 'y' : 'ies'}
                  {entries.length === 200 ? ' (the first 200; narrow the search)' : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Object</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.seq}>
                      <td data-label="#">{e.seq}</td>
                      <td data-label="When">{formatDate(e.at)}</td>
                      <td data-label="Who">{e.actor}</td>
                      <td data-label="Action">{e.action}</td>
                      <td data-label="Object">
                        {e.objectType} {e.objectId}
                      </td>
                      <td data-label="Details" className="details">
                        {Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Show>
      </section>
    </>
  );
}
