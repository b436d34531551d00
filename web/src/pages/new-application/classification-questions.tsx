import type { ApplicationDraft, FactAnswer } from '../../application-form.ts';
import type { OpenQuestion } from './open-questions.ts';
import type { SectionProps } from './section-props.ts';

interface Choice {
  readonly value: string;
  readonly label: string;
}

const yesNoUnknown: readonly Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
];
const yesNo: readonly Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const military: readonly Choice[] = [
  { value: 'informed', label: 'Informed of a military end use' },
  { value: 'aware', label: 'Aware of one' },
  { value: 'none', label: 'Neither' },
];

/** A safe element id from a field path (`items[0].answers.f-2` -> `q-items-0-answers-f-2`). */
const idOf = (field: string) => `q-${field.replace(/[^A-Za-z0-9-]+/g, '-')}`;

function current(draft: ApplicationDraft, q: OpenQuestion): string {
  switch (q.kind) {
    case 'item-fact':
      return draft.items[q.item]?.answers[q.fact] ?? '';
    case 'end-use-fact': {
      const value = draft.endUseFacts[q.fact];
      return value === undefined ? '' : value ? 'yes' : 'no';
    }
    case 'military-end-use':
      return draft.endUseFacts.militaryEndUse ?? '';
    case 'elsewhere':
      return '';
  }
}

function answer(d: ApplicationDraft, q: OpenQuestion, value: string): ApplicationDraft {
  switch (q.kind) {
    case 'item-fact':
      return {
        ...d,
        items: d.items.map((item, i) =>
          i === q.item
            ? { ...item, answers: { ...item.answers, [q.fact]: value as FactAnswer } }
            : item,
        ),
      };
    case 'end-use-fact':
      return { ...d, endUseFacts: { ...d.endUseFacts, [q.fact]: value === 'yes' } };
    case 'military-end-use':
      return {
        ...d,
        endUseFacts: { ...d.endUseFacts, militaryEndUse: value as 'informed' | 'aware' | 'none' },
      };
    case 'elsewhere':
      return d;
  }
}

const choicesOf = (q: OpenQuestion): readonly Choice[] =>
  q.kind === 'item-fact' ? yesNoUnknown : q.kind === 'military-end-use' ? military : yesNo;

/**
 * The questions the last self-assessment could not decide without the exporter (classification
 * facts of each item, what it knows of the end use), answered here and sent with the application;
 * "Answer and assess again" re-runs the self-assessment with the answers.
 */
export function ClassificationQuestions({
  draft,
  update,
  questions,
  busy,
  onReassess,
}: Omit<SectionProps, 'problems'> & {
  readonly questions: readonly OpenQuestion[];
  readonly busy: boolean;
  readonly onReassess: () => void;
}) {
  const answerable = questions.filter((q) => q.kind !== 'elsewhere');
  const elsewhere = questions.filter((q) => q.kind === 'elsewhere');
  return (
    <section aria-labelledby="questions-heading" className="questions">
      <h2 id="questions-heading">Questions the assessment needs answered</h2>
      {questions.length === 0 && <p>The assessment has no open questions.</p>}
      {answerable.map((q) => {
        const id = idOf(q.field);
        const chosen = current(draft, q);
        return (
          <fieldset key={q.field} className="checkboxes question">
            <legend>
              {q.kind === 'item-fact' ? `Item ${String(q.item + 1)}: ` : ''}
              {q.question}
            </legend>
            {choicesOf(q).map((c) => (
              <span key={c.value} className="checkbox">
                <input
                  id={`${id}-${c.value}`}
                  type="radio"
                  name={id}
                  value={c.value}
                  checked={chosen === c.value}
                  onChange={() => {
                    update((d) => answer(d, q, c.value));
                  }}
                />
                <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
              </span>
            ))}
          </fieldset>
        );
      })}
      {elsewhere.length > 0 && (
        <>
          <p>Answered by changing the application above:</p>
          <ul>
            {elsewhere.map((q) => (
              <li key={q.field}>
                <code>{q.field}</code>: {q.question}
              </li>
            ))}
          </ul>
        </>
      )}
      {answerable.length > 0 && (
        <button type="button" disabled={busy} onClick={onReassess}>
          Answer and assess again
        </button>
      )}
    </section>
  );
}
