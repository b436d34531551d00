import { useState } from 'react';
import {
  PublicConsultationListSchema,
  PublicConsultationViewSchema,
  RegisteredCommenterSchema,
} from '../../../src/contracts/public-consultation.ts';
import { api, send } from '../api/client.ts';
import type { PublicConsultationSummaryJson } from '../../../src/contracts/public-consultation.ts';
import { ErrorMessage, formatDate, PageTitle, Show, useLoad } from '../components/common.tsx';
import { useMutation } from '../components/use-mutation.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const subjectOf = (c: PublicConsultationSummaryJson): string =>
  c.subject.kind === 'proposal'
    ? `Control proposal "${c.subject.title}" (${c.subject.authority}), version ${String(c.subject.version)}`
    : `${c.subject.jurisdiction} policy, version ${String(c.subject.version)}`;

const statusText: Readonly<Record<PublicConsultationSummaryJson['status'], string>> = {
  scheduled: 'not yet open',
  open: 'open for comments',
  closed: 'closed; the response is being prepared',
  concluded: 'concluded; the response is published',
};

/** Public consultations anyone may read without signing in: `/consultations` and `/consultations/:id`. */
export function PublicConsultationsPage({ id }: { readonly id?: string }) {
  return id === undefined ? <ConsultationList /> : <ConsultationView id={id} />;
}

function ConsultationList() {
  const [loaded] = useLoad(
    () => api(PublicConsultationListSchema, 'GET', '/v1/public/consultations'),
    'public-consultations',
  );
  return (
    <>
      <PageTitle title="Public consultations">Public consultations</PageTitle>
      <p>
        The licensing authority asks industry, academia and civil society to comment on proposed
        controls and policy versions. Comments are published when a consultation closes, with only
        the name or organisation their authors chose to publish.
      </p>
      <Show loaded={loaded} what="the consultations">
        {({ consultations }) =>
          consultations.length === 0 ? (
            <p>No consultation has opened yet.</p>
          ) : (
            <ul className="consultations">
              {consultations.map((c) => (
                <li key={c.id}>
                  <Link to={`/consultations/${encodeURIComponent(c.id)}`}>{c.title}</Link> —{' '}
                  {statusText[c.status]}; comments {formatDate(c.opensAt)} to{' '}
                  {formatDate(c.closesAt)} ({c.commentCount})
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <Register />
    </>
  );
}

function ConsultationView({ id }: { readonly id: string }) {
  const [loaded, reload] = useLoad(
    () =>
      api(
        PublicConsultationViewSchema,
        'GET',
        `/v1/public/consultations/${encodeURIComponent(id)}`,
      ),
    `public-consultation-${id}`,
  );
  const { principal } = useSession();
  const commenter = principal?.roles.includes('commenter') === true;
  return (
    <Show loaded={loaded} what="the consultation">
      {(c) => (
        <>
          <PageTitle title={c.title}>{c.title}</PageTitle>
          <p>
            <Link to="/consultations">All consultations</Link>
          </p>
          <dl className="facts">
            <dt>On</dt>
            <dd>{subjectOf(c)}</dd>
            <dt>Comments</dt>
            <dd>
              {formatDate(c.opensAt)} to {formatDate(c.closesAt)}: {statusText[c.status]} (
              {c.commentCount} received)
            </dd>
          </dl>
          <p className="summary">{c.summary}</p>
          {c.response && (
            <section aria-labelledby="response">
              <h2 id="response">
                The authority&apos;s response (version {c.response.finalVersion})
              </h2>
              <p>{c.response.text}</p>
              <ul>
                {c.response.changes.map((ch) => (
                  <li key={ch.change}>
                    {ch.change} (after comments {ch.commentIds.join(', ') || 'none'})
                  </li>
                ))}
              </ul>
            </section>
          )}
          {c.comments === undefined ? (
            <p>Comments are published when the comment period ends.</p>
          ) : (
            <section aria-labelledby="comments">
              <h2 id="comments">Comments</h2>
              {c.comments.map((m) => (
                <article key={m.id} className="comment" id={m.id}>
                  <h3>
                    {m.publishedName ?? 'A commenter'}
                    {m.publishedOrganisation ? `, ${m.publishedOrganisation}` : ''} (
                    {m.commenterKind.replace('-', ' ')}) · {formatDate(m.submittedAt)} · {m.id}
                  </h3>
                  <p className="comment-text">{m.text}</p>
                  {m.attachments.map((a) => (
                    <p key={a.id}>
                      <a
                        href={`/v1/public/consultations/${encodeURIComponent(c.id)}/comments/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(a.id)}`}
                      >
                        {a.fileName}
                      </a>
                    </p>
                  ))}
                  {m.answer && (
                    <p>
                      <strong>Answer</strong> ({formatDate(m.answer.at)}): {m.answer.text}
                    </p>
                  )}
                  {m.ledTo.length > 0 && <p>Led to: {m.ledTo.join('; ')}</p>}
                </article>
              ))}
            </section>
          )}
          {commenter && c.status === 'open' && <CommentForm id={c.id} onDone={reload} />}
          {!principal && c.status === 'open' && (
            <p>
              To comment, register below (or <Link to="/sign-in">sign in</Link>).
            </p>
          )}
          {!principal && c.status === 'open' && <Register />}
        </>
      )}
    </Show>
  );
}

function CommentForm({ id, onDone }: { readonly id: string; readonly onDone: () => void }) {
  const [sent, setSent] = useState(false);
  const comment = useMutation(
    (form: FormData) =>
      send('POST', `/v1/public-consultations/${encodeURIComponent(id)}/comments`, form),
    () => {
      setSent(true);
      onDone();
    },
  );
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        for (const key of ['publishedName', 'publishedOrganisation']) {
          if (form.get(key) === '') form.delete(key);
        }
        void comment.submit(form);
      }}
    >
      <h2>Your comment</h2>
      <div className="field">
        <label htmlFor="comment-text">Comment</label>
        <textarea id="comment-text" name="text" required maxLength={10000} rows={8} />
      </div>
      <div className="field">
        <label htmlFor="comment-name">Publish my name as (leave empty to stay unnamed)</label>
        <input id="comment-name" name="publishedName" maxLength={120} />
      </div>
      <div className="field">
        <label htmlFor="comment-org">Publish my organisation as (optional)</label>
        <input id="comment-org" name="publishedOrganisation" maxLength={120} />
      </div>
      <div className="field">
        <label htmlFor="comment-files">
          Files (up to three: PDF, PNG, JPEG, text, CSV, DOCX, ODT)
        </label>
        <input id="comment-files" name="files" type="file" multiple />
      </div>
      {comment.error !== null && <ErrorMessage error={comment.error} />}
      {sent && (
        <p role="status">Your comment was received. It is published when the period ends.</p>
      )}
      <button type="submit" disabled={comment.busy}>
        Send the comment
      </button>
    </form>
  );
}

function Register() {
  const [done, setDone] = useState<string | undefined>();
  const register = useMutation(
    (body: Record<string, string>) =>
      api(RegisteredCommenterSchema, 'POST', '/v1/public/consultations/commenters', body),
    (r) => {
      setDone(r.username);
    },
  );
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        void register.submit(
          Object.fromEntries(
            [...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
          ),
        );
      }}
    >
      <h2>Register to comment</h2>
      <p className="hint">
        Open while a consultation is open. No e-mail address is asked for; your name is never
        published unless you write it into a comment&apos;s &quot;publish my name&quot; field. The
        account can only comment.
      </p>
      <div className="field">
        <label htmlFor="reg-username">Username</label>
        <input id="reg-username" name="username" required autoComplete="username" />
      </div>
      <div className="field">
        <label htmlFor="reg-name">Your name (kept by the authority, not published)</label>
        <input id="reg-name" name="displayName" required maxLength={120} />
      </div>
      <div className="field">
        <label htmlFor="reg-kind">You comment for</label>
        <select id="reg-kind" name="kind" defaultValue="industry">
          <option value="industry">industry</option>
          <option value="academia">academia</option>
          <option value="civil-society">civil society</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="reg-password">Password (at least 12 characters)</label>
        <input
          id="reg-password"
          name="password"
          type="password"
          required
          autoComplete="new-password"
        />
      </div>
      {register.error !== null && <ErrorMessage error={register.error} />}
      {done !== undefined && (
        <p role="status">
          Registered as {done}. <Link to="/sign-in">Sign in</Link> to comment.
        </p>
      )}
      <button type="submit" disabled={register.busy}>
        Register
      </button>
    </form>
  );
}
