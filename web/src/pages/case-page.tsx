import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import {
  toCaseView,
  type ActorView,
  type CaseActView,
  type CaseJson,
  type CaseView,
  type HistoryEntryView,
  type Role,
} from '../api/view-types.ts';
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
import { useSession } from '../session.tsx';
import { stageTone } from './cases-page.tsx';

const caseOutcomes = ['approved', 'approved-with-provisos', 'refused', 'no-licence-required'];
const adviceOutcomes = ['approve', 'approve-with-provisos', 'refuse'];

type FieldKind = 'text' | 'textarea' | 'outcome' | 'criteria' | 'provisos';
interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly options?: readonly string[];
  readonly required?: boolean;
  readonly hint?: string;
}
interface ActionSpec {
  readonly kind: string;
  readonly title: string;
  readonly roles: readonly Role[];
  readonly stages: readonly string[];
  readonly fields: readonly ActionField[];
  readonly submitLabel: string;
}

const criteriaField: ActionField = {
  name: 'criteria',
  label: 'Criteria cited',
  kind: 'criteria',
  hint: 'One per line: CODE: why it applies (e.g. UK-SELC-2: risk of internal repression)',
};
const provisosField: ActionField = {
  name: 'provisos',
  label: 'Provisos',
  kind: 'provisos',
  hint: 'One per line',
};

const actions: readonly ActionSpec[] = [
  {
    kind: 'give-advice',
    title: 'Give advice',
    roles: ['advisor'],
    stages: ['awaiting-advice'],
    submitLabel: 'Give advice',
    fields: [
      { name: 'desk', label: 'Advising desk', kind: 'text', required: true },
      {
        name: 'outcome',
        label: 'Advice',
        kind: 'outcome',
        options: adviceOutcomes,
        required: true,
      },
      criteriaField,
      provisosField,
      { name: 'text', label: 'Advice text', kind: 'textarea', required: true },
    ],
  },
  {
    kind: 'recommend',
    title: 'Recommend',
    roles: ['caseworker'],
    stages: ['under-review'],
    submitLabel: 'Record the recommendation',
    fields: [
      {
        name: 'outcome',
        label: 'Recommended outcome',
        kind: 'outcome',
        options: caseOutcomes,
        required: true,
      },
      criteriaField,
      provisosField,
      { name: 'text', label: 'Reasons', kind: 'textarea', required: true },
    ],
  },
  {
    kind: 'decide',
    title: 'Decide',
    roles: ['senior-officer'],
    stages: ['final-review'],
    submitLabel: 'Record the decision',
    fields: [
      {
        name: 'outcome',
        label: 'Decision',
        kind: 'outcome',
        options: caseOutcomes,
        required: true,
      },
      criteriaField,
      provisosField,
      { name: 'text', label: 'Reasons', kind: 'textarea', required: true },
      {
        name: 'justification',
        label: 'Justification (required when departing from the automated recommendation)',
        kind: 'textarea',
      },
    ],
  },
  {
    kind: 'countersign',
    title: 'Countersign the decision',
    roles: ['senior-officer'],
    stages: ['awaiting-countersignature'],
    submitLabel: 'Countersign',
    fields: [],
  },
  {
    kind: 'request-information',
    title: 'Ask the exporter for information',
    roles: ['caseworker', 'senior-officer'],
    stages: ['initial-checks', 'under-review', 'awaiting-advice', 'final-review'],
    submitLabel: 'Send the question',
    fields: [{ name: 'question', label: 'Question', kind: 'textarea', required: true }],
  },
  {
    kind: 'answer-information',
    title: 'Answer the question',
    roles: ['exporter'],
    stages: ['returned-to-exporter'],
    submitLabel: 'Send the answer',
    fields: [{ name: 'answer', label: 'Answer', kind: 'textarea', required: true }],
  },
  {
    kind: 'withdraw',
    title: 'Withdraw the application',
    roles: ['exporter'],
    stages: [
      'draft',
      'submitted',
      'initial-checks',
      'under-review',
      'awaiting-advice',
      'final-review',
      'returned-to-exporter',
    ],
    submitLabel: 'Withdraw',
    fields: [{ name: 'reason', label: 'Reason', kind: 'textarea', required: true }],
  },
];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const criteriaOf = (text: string) =>
  lines(text).map((l) => {
    const at = l.indexOf(':');
    return at < 0
      ? { code: l, reason: l }
      : { code: l.slice(0, at).trim(), reason: l.slice(at + 1).trim() || l.slice(0, at).trim() };
  });

function ActionForm({
  spec,
  theCase,
  onDone,
}: {
  readonly spec: ActionSpec;
  readonly theCase: CaseView;
  readonly onDone: (message: string) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${spec.kind}-${name}`;
  return (
    <form
      className="action-form"
      aria-labelledby={id('heading')}
      onSubmit={(event) => {
        event.preventDefault();
        const missing = spec.fields.filter((f) => f.required && !(values[f.name] ?? '').trim());
        if (missing.length > 0) {
          setError(new Error(`Fill in: ${missing.map((f) => f.label).join(', ')}.`));
          return;
        }
        const body: Record<string, unknown> = {
          kind: spec.kind,
          ...(theCase.version !== undefined ? { expectedVersion: theCase.version } : {}),
        };
        for (const f of spec.fields) {
          const v = values[f.name] ?? '';
          if (f.kind === 'criteria') body[f.name] = criteriaOf(v);
          else if (f.kind === 'provisos') body[f.name] = lines(v);
          else if (v.trim() || f.required) body[f.name] = v.trim();
        }
        setBusy(true);
        setError(null);
        api('POST', `/v1/cases/${encodeURIComponent(theCase.id)}/actions`, body)
          .then(() => {
            setValues({});
            onDone(`${spec.title}: done.`);
          })
          .catch((e: unknown) => {
            setError(e);
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      <h3 id={id('heading')}>{spec.title}</h3>
      {error !== null && <ErrorMessage error={error} />}
      {spec.fields.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={id(f.name)}>
            {f.label}
            {f.required ? ' (required)' : ''}
          </label>
          {f.hint && (
            <span className="hint" id={id(f.name) + '-hint'}>
              {f.hint}
            </span>
          )}
          {f.kind === 'outcome' ? (
            <select
              id={id(f.name)}
              value={values[f.name] ?? ''}
              onChange={(e) => {
                setValues({ ...values, [f.name]: e.target.value });
              }}
            >
              <option value="">Choose…</option>
              {(f.options ?? []).map((o) => (
                <option key={o} value={o}>
                  {words(o)}
                </option>
              ))}
            </select>
          ) : f.kind === 'text' ? (
            <input
              id={id(f.name)}
              value={values[f.name] ?? ''}
              onChange={(e) => {
                setValues({ ...values, [f.name]: e.target.value });
              }}
            />
          ) : (
            <textarea
              id={id(f.name)}
              rows={3}
              aria-describedby={f.hint ? id(f.name) + '-hint' : undefined}
              value={values[f.name] ?? ''}
              onChange={(e) => {
                setValues({ ...values, [f.name]: e.target.value });
              }}
            />
          )}
        </div>
      ))}
      <button type="submit" disabled={busy}>
        {spec.submitLabel}
      </button>
    </form>
  );
}

const actorName = (a: ActorView | string | undefined): string =>
  typeof a === 'string'
    ? a
    : (a?.name ?? a?.username ?? a?.userId ?? '—') +
      (typeof a === 'object' && a.role ? ` (${a.role})` : '');

function ActBlock({ title, act }: { readonly title: string; readonly act: CaseActView }) {
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

function History({ entries }: { readonly entries: readonly HistoryEntryView[] }) {
  return (
    <ol className="history">
      {entries.map((h, i) => (
        <li key={i}>
          <time>{formatDate(h.at)}</time> <strong>{words(h.kind ?? h.action)}</strong>
          {h.fromStage || h.toStage
            ? ` (${words(h.fromStage)} → ${words(h.toStage)})`
            : h.from || h.to
              ? ` (${words(h.from)} → ${words(h.to ?? h.stage)})`
              : ''}{' '}
          by {actorName(h.by ?? h.actor)}
          {h.role ? ` (${h.role})` : ''}
          {h.note || h.text ? `: ${h.note ?? h.text ?? ''}` : ''}
        </li>
      ))}
    </ol>
  );
}

const loadCase = (id: string) =>
  api<CaseJson>('GET', `/v1/cases/${encodeURIComponent(id)}`).then(toCaseView);

/** One licence case: what was applied for, the frozen assessment, advice, history and actions. */
export function CasePage({ id }: { readonly id: string }) {
  const { principal, has } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [loaded, reload] = useLoad(() => loadCase(id), id);
  const version = loaded.state === 'ready' ? loaded.value.version : undefined;

  // Live update: a case changed by someone else (a decision, a countersignature) shows without a reload.
  useEffect(() => {
    if (version === undefined) return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      loadCase(id)
        .then((latest) => {
          if (latest.version !== version) {
            setNotice('This case was changed by someone else; it now shows the latest version.');
            reload();
          }
        })
        .catch(() => undefined);
    }, 10_000);
    return () => {
      window.clearInterval(timer);
    };
  }, [id, version, reload]);

  return (
    <Show loaded={loaded} what="the case">
      {(c) => {
        const available = actions.filter(
          (a) =>
            a.roles.some((r) => has(r)) && (c.stage === undefined || a.stages.includes(c.stage)),
        );
        const app = c.application;
        return (
          <>
            <PageTitle title={`Case ${c.reference ?? c.id}`}>
              Case {c.reference ?? c.id} <Badge tone={stageTone(c.stage)}>{words(c.stage)}</Badge>
            </PageTitle>
            {notice && (
              <p className="message info" role="status">
                {notice}
              </p>
            )}
            <dl className="pairs summary">
              <dt>Jurisdiction</dt>
              <dd>{c.jurisdiction ?? app?.jurisdiction ?? '—'}</dd>
              <dt>Exporter</dt>
              <dd>
                {app?.exporter?.name ?? '—'}{' '}
                {app?.exporter?.country ? `(${app.exporter.country})` : ''}
              </dd>
              <dt>Destination</dt>
              <dd>
                {app?.destination?.country ?? '—'}
                {app?.destination?.region ? `, ${app.destination.region}` : ''}
              </dd>
              <dt>End use</dt>
              <dd>{app?.endUse ?? '—'}</dd>
              <dt>Queue</dt>
              <dd>{c.queue ?? '—'}</dd>
              <dt>Automated outcome</dt>
              <dd>{words(c.automatedOutcome ?? c.assessment?.recommendation?.outcome)}</dd>
              <dt>Outcome</dt>
              <dd>{words(c.outcome ?? c.decision?.outcome)}</dd>
              <dt>Submitted</dt>
              <dd>{formatDate(c.submittedAt)}</dd>
              <dt>Version</dt>
              <dd>{c.version ?? '—'}</dd>
            </dl>
            {(c.stage === 'finalised' || (c.documents ?? []).length > 0) && (
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
            {available.length > 0 && principal && (
              <section aria-labelledby="actions-heading" className="actions-panel">
                <h2 id="actions-heading">Actions</h2>
                <div className="action-grid">
                  {available.map((a) => (
                    <ActionForm
                      key={a.kind}
                      spec={a}
                      theCase={c}
                      onDone={(message) => {
                        setNotice(message);
                        reload();
                      }}
                    />
                  ))}
                </div>
              </section>
            )}
            <section aria-labelledby="advice-heading">
              <h2 id="advice-heading">Advice, recommendation and decision</h2>
              {(c.adviceRequests ?? []).length > 0 && (
                <p>
                  Advice requested from:{' '}
                  {(c.adviceRequests ?? [])
                    .map((r) => `${r.desk ?? '?'} (${r.reason ?? ''})`)
                    .join('; ')}
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
              {(c.history ?? []).length === 0 ? (
                <p>No history.</p>
              ) : (
                <History entries={c.history ?? []} />
              )}
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
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="message info">
      <p>This application is a draft: officers see it once you submit it.</p>
      {error !== null && <ErrorMessage error={error} />}
      <button
        type="button"
        onClick={() => {
          api('POST', `/v1/cases/${encodeURIComponent(theCase.id)}/submit`, {
            ...(theCase.version !== undefined ? { expectedVersion: theCase.version } : {}),
          })
            .then(onDone)
            .catch((e: unknown) => {
              setError(e);
            });
        }}
      >
        Submit the application
      </button>
    </div>
  );
}
