import { useState } from 'react';
import {
  PublicConsultationListSchema,
  PublicConsultationSummarySchema,
  StaffConsultationSchema,
} from '../../../src/contracts/public-consultation.ts';
import { api, send } from '../api/client.ts';
import type {} from '../../../src/contracts/public-consultation.ts';
import { ErrorMessage, formatDate, PageTitle, Show, useLoad } from '../components/common.tsx';
import { useMutation } from '../components/use-mutation.ts';
import { Link, useRouter } from '../router.tsx';

/** A text field of a form ('' when absent or a file). */
const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * The authority's side of public consultations: `/admin/consultations` lists them and opens new
 * ones; `/admin/consultations/:id` shows every comment, answers them and publishes the response.
 */
export function PublicConsultationsAdminPage({ id }: { readonly id?: string }) {
  return id === undefined ? <AdminList /> : <AdminView id={id} />;
}

function AdminList() {
  const [loaded] = useLoad(
    () => api(PublicConsultationListSchema, 'GET', '/v1/public-consultations'),
    'admin-consultations',
  );
  return (
    <>
      <PageTitle title="Public consultations">Public consultations</PageTitle>
      <p>
        What the public reads: <Link to="/consultations">the public page</Link>.
      </p>
      <Show loaded={loaded} what="the consultations">
        {({ consultations }) => (
          <table>
            <thead>
              <tr>
                <th>Consultation</th>
                <th>Status</th>
                <th>Period</th>
                <th>Comments</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/admin/consultations/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                  </td>
                  <td>{c.status}</td>
                  <td>
                    {formatDate(c.opensAt)} – {formatDate(c.closesAt)}
                  </td>
                  <td>{c.commentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <OpenForm />
    </>
  );
}

function OpenForm() {
  const { navigate } = useRouter();
  const [kind, setKind] = useState<'proposal' | 'policy-version'>('proposal');
  const open = useMutation(
    (body: unknown) =>
      api(PublicConsultationSummarySchema, 'POST', '/v1/public-consultations', body),
    (c) => {
      navigate(`/admin/consultations/${encodeURIComponent(c.id)}`);
    },
  );
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => field(f, k);
        void open.submit({
          title: text('title'),
          summary: text('summary'),
          subject:
            kind === 'proposal'
              ? { kind, proposalId: text('proposalId') }
              : { kind, jurisdiction: text('jurisdiction'), version: Number(text('version')) },
          opensAt: new Date(`${text('opensAt')}T00:00:00Z`).toISOString(),
          closesAt: new Date(`${text('closesAt')}T00:00:00Z`).toISOString(),
        });
      }}
    >
      <h2>Open a consultation</h2>
      <div className="field">
        <label htmlFor="pc-title">Title</label>
        <input id="pc-title" name="title" required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="pc-summary">Summary</label>
        <textarea id="pc-summary" name="summary" required maxLength={5000} rows={4} />
      </div>
      <div className="field">
        <label htmlFor="pc-kind">On</label>
        <select
          id="pc-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value === 'proposal' ? 'proposal' : 'policy-version');
          }}
        >
          <option value="proposal">a control proposal</option>
          <option value="policy-version">a policy version</option>
        </select>
      </div>
      {kind === 'proposal' ? (
        <div className="field">
          <label htmlFor="pc-proposal">Proposal id</label>
          <input id="pc-proposal" name="proposalId" required />
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="pc-jurisdiction">Jurisdiction (e.g. GB)</label>
            <input id="pc-jurisdiction" name="jurisdiction" required pattern="[A-Z]{2}" />
          </div>
          <div className="field">
            <label htmlFor="pc-version">Policy version</label>
            <input id="pc-version" name="version" type="number" min={1} required />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="pc-opens">Comments from</label>
        <input id="pc-opens" name="opensAt" type="date" required />
      </div>
      <div className="field">
        <label htmlFor="pc-closes">Comments until</label>
        <input id="pc-closes" name="closesAt" type="date" required />
      </div>
      {open.error !== null && <ErrorMessage error={open.error} />}
      <button type="submit" disabled={open.busy}>
        Open the consultation
      </button>
    </form>
  );
}

function AdminView({ id }: { readonly id: string }) {
  const [loaded, reload] = useLoad(
    () => api(StaffConsultationSchema, 'GET', `/v1/public-consultations/${encodeURIComponent(id)}`),
    `admin-consultation-${id}`,
  );
  return (
    <Show loaded={loaded} what="the consultation">
      {(c) => (
        <>
          <PageTitle title={c.title}>{c.title}</PageTitle>
          <p>
            <Link to="/admin/consultations">All consultations</Link> ·{' '}
            <Link to={`/consultations/${encodeURIComponent(c.id)}`}>as the public sees it</Link>
          </p>
          <p>
            {c.status}; comments {formatDate(c.opensAt)} to {formatDate(c.closesAt)}; opened by{' '}
            {c.openedBy}.
          </p>
          <h2>Comments ({c.comments.length})</h2>
          {c.comments.map((m) => (
            <article key={m.id} className="comment">
              <h3>
                {m.id} · {m.commenterUsername} ({m.commenterKind}) · {formatDate(m.submittedAt)}
              </h3>
              <p className="hint">
                Published as: {m.publishedName ?? 'no name'}
                {m.publishedOrganisation ? `, ${m.publishedOrganisation}` : ''}
              </p>
              <p className="comment-text">{m.text}</p>
              {m.attachments.map((a) => (
                <p key={a.id}>
                  <a
                    href={`/v1/public-consultations/${encodeURIComponent(c.id)}/comments/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(a.id)}`}
                  >
                    {a.fileName}
                  </a>{' '}
                  (SHA-256 {a.sha256.slice(0, 12)}…)
                </p>
              ))}
              {m.answer ? (
                <p>
                  <strong>Answered</strong> by {m.answer.answeredBy}: {m.answer.text}
                </p>
              ) : (
                c.status !== 'concluded' && (
                  <AnswerForm consultationId={c.id} commentId={m.id} onDone={reload} />
                )
              )}
            </article>
          ))}
          {c.status === 'closed' && <ResponseForm id={c.id} onDone={reload} />}
          {c.response && (
            <section>
              <h2>Response (version {c.response.finalVersion})</h2>
              <p>{c.response.text}</p>
            </section>
          )}
        </>
      )}
    </Show>
  );
}

function AnswerForm(props: {
  readonly consultationId: string;
  readonly commentId: string;
  readonly onDone: () => void;
}) {
  const answer = useMutation(
    (text: string) =>
      send(
        'POST',
        `/v1/public-consultations/${encodeURIComponent(props.consultationId)}/comments/${encodeURIComponent(props.commentId)}/answer`,
        { text },
      ),
    props.onDone,
  );
  const inputId = `answer-${props.commentId}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void answer.submit(field(new FormData(e.currentTarget), 'text'));
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Answer</label>
        <textarea id={inputId} name="text" required maxLength={10000} rows={3} />
      </div>
      {answer.error !== null && <ErrorMessage error={answer.error} />}
      <button type="submit" disabled={answer.busy}>
        Send the answer
      </button>
    </form>
  );
}

/** One change per line: `pcc-1 pcc-2: what changed`. */
const parseChanges = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [ids = '', ...rest] = line.split(':');
      return rest.length === 0
        ? { change: line, commentIds: [] }
        : { change: rest.join(':').trim(), commentIds: ids.split(/[\s,]+/).filter(Boolean) };
    });

function ResponseForm({ id, onDone }: { readonly id: string; readonly onDone: () => void }) {
  const publish = useMutation(
    (body: unknown) =>
      send('POST', `/v1/public-consultations/${encodeURIComponent(id)}/response`, body),
    onDone,
  );
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        void publish.submit({
          text: field(f, 'text'),
          finalVersion: Number(f.get('finalVersion')),
          changes: parseChanges(field(f, 'changes')),
        });
      }}
    >
      <h2>Publish the response (senior officers)</h2>
      <div className="field">
        <label htmlFor="resp-text">Response document</label>
        <textarea id="resp-text" name="text" required rows={6} />
      </div>
      <div className="field">
        <label htmlFor="resp-version">Final version</label>
        <input id="resp-version" name="finalVersion" type="number" min={1} required />
      </div>
      <div className="field">
        <label htmlFor="resp-changes">
          Changes, one per line: the comment ids that led to it, a colon, what changed
        </label>
        <textarea id="resp-changes" name="changes" rows={4} />
      </div>
      {publish.error !== null && <ErrorMessage error={publish.error} />}
      <button type="submit" disabled={publish.busy}>
        Publish the response
      </button>
    </form>
  );
}
