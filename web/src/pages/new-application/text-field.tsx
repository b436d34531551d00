import type { FormProblem } from '../../application-form.ts';

/** A text input with its label and, when the form was checked, its problem. */
export function TextField({
  id,
  label,
  value,
  onChange,
  problems,
  multiline = false,
  hint,
  ...rest
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problems: readonly FormProblem[];
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly maxLength?: number;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  /** The id of a `<datalist>` to offer (country codes). */
  readonly list?: string;
}) {
  const problem = problems.find((p) => p.id === id);
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="problem">
          {problem.problem}
        </span>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          {...rest}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
    </div>
  );
}
