import { useState } from 'react';
import { api, send } from '../api/client.ts';
import { CaseSchema } from '../../../src/contracts/cases.ts';
import type { ActorSchema } from '../../../src/contracts/case-state.ts';
import type { Static } from 'typebox';
import { toCaseView, type CaseAct, type CaseEvent, type CaseView } from './case/case-view.ts';
import { useLiveEvents, usePollingFallback } from '../api/live.tsx';
import { loadAllowedActions } from '../api/work.ts';
import { AssessmentDetails } from '../components/assessment-view.tsx';
import {
  Badge,
  ErrorMessage,
  PageTitle,
  Show,
  formatDate,
  useLoad,
  words,
} from '../components/common.tsx';
import { useMutation } from '../components/use-mutation.ts';
import { useSession } from '../session.tsx';
import { ActionsPanel } from './case/case-actions.tsx';
import { CaseAttachments } from './case/case-attachments.tsx';
import { whatHappensNext } from './case/what-happens-next.ts';
import { stageTone } from './cases-page.tsx';

const actorName = (a: Static<typeof ActorSchema> | undefined): string =>
  a === undefined ? 'the licensing authority' : `${a.name ?? a.userId} (${a.role})`;

function ActBlock({ title, act }: { readonly title: string; readonly act: CaseAct }) {
  return (
    <article className="act">
      <h3>
        {title}: {words(act.outcome)}
      </h3>
      <p className="muted">
        {act.desk ? `${act.desk} desk, ` : ''}by {actorName(act.by)},{' '}
        {formatDate(act.at ?? act.givenAt)}
        {act.countersignedBy
          ? `; countersigned by ${actorName(act.countersignedBy)}, ${formatDate(act.countersignedAt)}`
          : ''}
      </p>
      {act.text && <p>{act.text}</p>}
      {(act.criteria ?? []).length > 0 && (
        <ul>
          {(act.criteria ?? []).map((c, i) => (
            <li key={i}>
              <strong>{c.code}</strong>: {c.reason}
            </li>
          ))}
        </ul>
      )}
      {(act.provisos ?? []).length > 0 && <p>Provisos: {(act.provisos ?? []).join('; ')}</p>}
      {act.justification && <p>Justification: {act.justification}</p>}
    </article>
  );
}

function History({ entries }: { readonly entries: readonly CaseEvent[] }) {
  return (
    <ol className="history">
      {entries.map((h, i) => (
        <li key={i}>
          <time>{formatDate(h.at)}</time> <strong>{words(h.action)}</strong>
          {` (${words(h.fromStage)} → ${words(h.toStage)})`} by {h.actor}
          {h.role ? ` (${h.role})` : ''}
          {h.note ? `: ${h.note}` : ''}
        </li>
      ))}
    </ol>
  );
}

const loadCase = (id: string) =>
  api(CaseSchema, 'GET', `/v1/cases/${encodeURIComponent(id)}`).then(toCaseView);

/** The case with the steps the server lets the signed-in person take on it now. */
const loadCaseWithActions = (id: string) =>
  Promise.all([loadCase(id), loadAllowedActions(id)]).then(([theCase, allowed]) => ({
    theCase,
    allowed,
  }));

/** One licence case: what was applied for, the frozen assessment, advice, history and actions. */
export function CasePage({ id }: { readonly id: string }) {
  const { principal, has } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [loaded, reload] = useLoad(() => loadCaseWithActions(id), id);
  const version = loaded.state === 'ready' ? loaded.value.theCase.version : undefined;

  // Live update: a case changed by someone else (a decision, a countersignature) shows without a
  // reload, from the event stream; polled every 10 s only while the stream is down.
  const changed = () => {
    setNotice('This case was changed by someone else; it now shows the latest version.');
    reload();
  };
  useLiveEvents((message) => {
    if (version === undefined) return;
    if (message.kind === 'case-changed' && message.caseId === id && message.version !== version)
      changed();
    if (message.kind === 'resync') checkLatest();
  });
  const checkLatest = () => {
    if (version === undefined) return;
    loadCase(id)
      .then((latest) => {
        if (latest.version !== version) changed();
      })
      .catch(() => undefined);
  };
  usePollingFallback(checkLatest, 10_000);

  return (
    <Show loaded={loaded} what="the case">
      {({ theCase: c, allowed }) => {
        const app = c.application;
        const exporter = has('exporter');
        const openQuestion = (c.informationRequests ?? []).some((q) => !q.answer);
        return (
          <>
            <PageTitle title={`Case ${c.reference}`}>
              Case {c.reference} <Badge tone={stageTone(c.stage)}>{words(c.stage)}</Badge>
            </PageTitle>
            {notice && (
              <p className="message info" role="status">
                {notice}
              </p>
            )}
            {exporter && (
              <section aria-labelledby="next-heading" className="message info">
                <h2 id="next-heading">What happens next</h2>
                <p>{whatHappensNext(c.stage, openQuestion)}</p>
              </section>
            )}
            <dl className="pairs summary">
              <dt>Jurisdiction</dt>
              <dd>{c.jurisdiction || app.jurisdiction || '—'}</dd>
              <dt>Exporter</dt>
              <dd>
                {app.exporter.name || '—'} {app.exporter.country ? `(${app.exporter.country})` : ''}
              </dd>
              <dt>Destination</dt>
              <dd>
                {app.destination.country || '—'}
                {app.destination.region ? `, ${app.destination.region}` : ''}
              </dd>
              <dt>End use</dt>
              <dd>{app.endUse ?? '—'}</dd>
              <dt>Queue</dt>
              <dd>{c.queue ?? '—'}</dd>
              {!exporter && (
                <>
                  <dt>Automated recommendation</dt>
                  <dd>{words(c.automatedOutcome ?? c.assessment?.recommendation.outcome)}</dd>
                </>
              )}
              <dt>Outcome</dt>
              <dd>
                {(c.outcome ?? c.decision?.outcome)
                  ? words(c.outcome ?? c.decision?.outcome)
                  : 'not decided yet'}
              </dd>
              <dt>Submitted</dt>
              <dd>{formatDate(c.submittedAt)}</dd>
              <dt>Version</dt>
              <dd>{c.version}</dd>
            </dl>
            {(c.stage === 'finalised' || c.documents.length > 0) && (
              <p>
                <a
                  className="button"
                  href={`/v1/cases/${encodeURIComponent(c.id)}/document`}
                  target="_blank"
                  rel="noopener"
                >
                  Open the decision document (PDF)
                </a>
              </p>
            )}
            {c.stage === 'draft' && has('exporter') && <SubmitDraft theCase={c} onDone={reload} />}
            {(c.blockingConsultations ?? []).length > 0 && (
              <p className="message warning">
                Open partner consultations block the decision:{' '}
                {(c.blockingConsultations ?? []).join(', ')}
              </p>
            )}
            {(c.informationRequests ?? []).length > 0 && (
              <section aria-labelledby="info-heading">
                <h2 id="info-heading">Questions to the exporter</h2>
                <ul>
                  {(c.informationRequests ?? []).map((q, i) => (
                    <li key={i}>
                      {q.question} — {q.answer ? `answered: ${q.answer}` : 'not answered yet'}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {principal && (
              <ActionsPanel
                theCase={c}
                allowed={allowed}
                onDone={(message) => {
                  setNotice(message);
                  reload();
                }}
              />
            )}
            {c.stage !== 'draft' && (
              <CaseAttachments caseId={c.id} mayUpload={has('exporter') || has('caseworker')} />
            )}
            <section aria-labelledby="advice-heading">
              <h2 id="advice-heading">Advice, recommendation and decision</h2>
              {(c.adviceRequests ?? []).length > 0 && (
                <p>
                  Advice requested from:{' '}
                  {(c.adviceRequests ?? []).map((r) => `${r.desk} (${r.reason})`).join('; ')}
                </p>
              )}
              {(c.advice ?? []).map((a, i) => (
                <ActBlock key={i} title="Advice" act={a} />
              ))}
              {c.recommendation && <ActBlock title="Recommendation" act={c.recommendation} />}
              {c.decision && <ActBlock title="Decision" act={c.decision} />}
              {(c.advice ?? []).length === 0 && !c.recommendation && !c.decision && (
                <p>None yet.</p>
              )}
            </section>
            {c.assessment ? (
              <AssessmentDetails assessment={c.assessment} />
            ) : has('exporter') ? (
              // The authority's assessment is internal until the decision: exporters do not get it.
              c.stage === 'draft' && <p>The authority assesses the application once submitted.</p>
            ) : (
              <p>The assessment is made when the application is submitted.</p>
            )}
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">History</h2>
              {c.history.length === 0 ? <p>No history.</p> : <History entries={c.history} />}
            </section>
          </>
        );
      }}
    </Show>
  );
}

function SubmitDraft({
  theCase,
  onDone,
}: {
  readonly theCase: CaseView;
  readonly onDone: () => void;
}) {
  const submit = useMutation(
    () =>
      send('POST', `/v1/cases/${encodeURIComponent(theCase.id)}/submit`, {
        expectedVersion: theCase.version,
      }),
    onDone,
  );
  return (
    <div className="message info">
      <p>This application is a draft: officers see it once you submit it.</p>
      {submit.error !== null && <ErrorMessage error={submit.error} />}
      <button
        type="button"
        disabled={submit.busy}
        onClick={() => {
          void submit.submit();
        }}
      >
        Submit the application
      </button>
    </div>
  );
}
