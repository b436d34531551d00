import { useState } from 'react';
import { send as request } from '../../api/client.ts';
import type { CaseView } from './case-view.ts';
import type { AllowedActions } from '../../api/work.ts';
import { adviceOutcomes, caseOutcomes } from '../../../../src/contracts/enumerations.ts';
import type { CaseReferences } from '../../../../src/contracts/references.ts';
import { ErrorMessage, words } from '../../components/common.tsx';
import { useMutation } from '../../components/use-mutation.ts';
import { useCaseReferences } from '../../components/pick-lists.tsx';

type FieldKind = 'text' | 'desk' | 'textarea' | 'outcome' | 'criteria' | 'provisos';
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
    submitLabel: 'Give advice',
    fields: [
      { name: 'desk', label: 'Advising desk', kind: 'desk', required: true },
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
    submitLabel: 'Countersign',
    fields: [],
  },
  {
    kind: 'return-for-review',
    title: 'Return the case for review',
    submitLabel: 'Return for review',
    fields: [{ name: 'reason', label: 'Why it goes back', kind: 'textarea', required: true }],
  },
  {
    kind: 'request-information',
    title: 'Ask the exporter for information',
    submitLabel: 'Send the question',
    fields: [{ name: 'question', label: 'Question', kind: 'textarea', required: true }],
  },
  {
    kind: 'answer-information',
    title: 'Answer the question',
    submitLabel: 'Send the answer',
    fields: [{ name: 'answer', label: 'Answer', kind: 'textarea', required: true }],
  },
  {
    kind: 'withdraw',
    title: 'Withdraw the application',
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
  const [missing, setMissing] = useState<string | null>(null);
  const send = useMutation(
    (body: Record<string, unknown>) =>
      request('POST', `/v1/cases/${encodeURIComponent(theCase.id)}/actions`, body),
    () => {
      setValues({});
      onDone(`${spec.title}: done.`);
    },
  );
  const id = (name: string) => `${spec.kind}-${name}`;
  const references = useCaseReferences(theCase.jurisdiction);
  const lists = references.state === 'ready' ? references.value : undefined;
  return (
    <form
      className="action-form"
      aria-labelledby={id('heading')}
      onSubmit={(event) => {
        event.preventDefault();
        const unfilled = spec.fields.filter((f) => f.required && !(values[f.name] ?? '').trim());
        setMissing(
          unfilled.length > 0 ? `Fill in: ${unfilled.map((f) => f.label).join(', ')}.` : null,
        );
        if (unfilled.length > 0) return;
        const body: Record<string, unknown> = {
          kind: spec.kind,
          expectedVersion: theCase.version,
        };
        for (const f of spec.fields) {
          const v = values[f.name] ?? '';
          if (f.kind === 'criteria') body[f.name] = criteriaOf(v);
          else if (f.kind === 'provisos') body[f.name] = lines(v);
          else if (v.trim() || f.required) body[f.name] = v.trim();
        }
        void send.submit(body);
      }}
    >
      <h3 id={id('heading')}>{spec.title}</h3>
      {missing !== null && <ErrorMessage error={new Error(missing)} />}
      {send.error !== null && <ErrorMessage error={send.error} />}
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
          ) : f.kind === 'text' || f.kind === 'desk' ? (
            <input
              id={id(f.name)}
              {...(f.kind === 'desk' ? { list: id('desks') } : {})}
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
          {f.kind === 'criteria' && lists && lists.criteria.length > 0 && (
            <CriterionPicker
              id={id('criterion-pick')}
              criteria={lists.criteria}
              onPick={(code) => {
                const before = (values[f.name] ?? '').trimEnd();
                setValues({ ...values, [f.name]: `${before ? `${before}\n` : ''}${code}: ` });
              }}
            />
          )}
        </div>
      ))}
      {lists && (
        <datalist id={id('desks')}>
          {lists.desks.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      )}
      <button type="submit" disabled={send.busy}>
        {spec.submitLabel}
      </button>
    </form>
  );
}

type Criterion = CaseReferences['criteria'][number];

/** Adds a criterion of the jurisdiction's policy to the cited ones; its text is shown as chosen. */
function CriterionPicker({
  id,
  criteria,
  onPick,
}: {
  readonly id: string;
  readonly criteria: readonly Criterion[];
  readonly onPick: (code: string) => void;
}) {
  const [shown, setShown] = useState<Criterion | undefined>(undefined);
  return (
    <div className="criterion-picker">
      <label htmlFor={id}>Add a criterion of the policy</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const chosen = criteria.find((c) => c.code === e.target.value);
          setShown(chosen);
          if (chosen) onPick(chosen.code);
        }}
      >
        <option value="">Choose a criterion…</option>
        {criteria.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code}: {c.title}
          </option>
        ))}
      </select>
      {shown && (
        <p className="hint">
          <strong>{shown.code}</strong> ({words(shown.textStatus)}): {shown.text}
        </p>
      )}
    </div>
  );
}

/**
 * The forms for the steps the server says the person may take now (`allowed`), and a line for each
 * step their role would allow but the case withholds (a decider is told why they do not
 * countersign), so no button leads to a refusal.
 */
export function ActionsPanel({
  theCase,
  allowed,
  onDone,
}: {
  readonly theCase: CaseView;
  readonly allowed: AllowedActions;
  readonly onDone: (message: string) => void;
}) {
  const offered = actions.filter((a) => allowed.allowed.includes(a.kind));
  const withheld = allowed.withheld.filter((w) => actions.some((a) => a.kind === w.kind));
  if (offered.length === 0 && withheld.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading" className="actions-panel">
      <h2 id="actions-heading">Actions</h2>
      {withheld.map((w) => (
        <p key={w.kind} className="message info">
          {actions.find((a) => a.kind === w.kind)?.title ?? words(w.kind)}: {w.reason}
        </p>
      ))}
      <div className="action-grid">
        {offered.map((a) => (
          <ActionForm key={a.kind} spec={a} theCase={theCase} onDone={onDone} />
        ))}
      </div>
    </section>
  );
}
