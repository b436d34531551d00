import { useRef, useState } from 'react';
import { api, ApiError, send } from '../api/client.ts';
import {
  AssessmentResponseSchema,
  type AssessmentResponse,
} from '../../../src/contracts/assessment.ts';
import { CaseSchema } from '../../../src/contracts/cases.ts';
import {
  capabilityTags,
  emptyDraft,
  emptyItem,
  emptyParty,
  partyRoles,
  partyTypes,
  toApplication,
  validateDraft,
  type ApplicationDraft,
  type FormProblem,
} from '../application-form.ts';
import { AssessmentDetails } from '../components/assessment-view.tsx';
import { ErrorMessage, PageTitle, words } from '../components/common.tsx';
import { CountryList } from '../components/pick-lists.tsx';
import { useRouter } from '../router.tsx';

/** A text input with its label and, when the form was checked, its problem. */
function TextField({
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

/** The exporter's new application: checked as a whole, self-assessed, saved as a draft or submitted. */
export function NewApplicationPage() {
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<ApplicationDraft>(emptyDraft);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [assessment, setAssessment] = useState<AssessmentResponse | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const update = (change: (d: ApplicationDraft) => ApplicationDraft) => {
    setDraft((d) => change(structuredClone(d)));
  };

  const checked = (): boolean => {
    const found = validateDraft(draft);
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return false;
    }
    return true;
  };

  const selfAssess = async () => {
    if (!checked()) return;
    setBusy(true);
    setError(null);
    try {
      setAssessment(
        await api(
          AssessmentResponseSchema,
          'POST',
          '/v1/assessments?mode=self-assessment',
          toApplication(draft),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async (submit: boolean) => {
    if (!checked()) return;
    setBusy(true);
    setError(null);
    try {
      const theCase = await api(CaseSchema, 'POST', '/v1/cases', toApplication(draft));
      if (submit) {
        await send('POST', `/v1/cases/${encodeURIComponent(theCase.id)}/submit`, {
          expectedVersion: theCase.version,
        });
      }
      navigate(`/cases/${encodeURIComponent(theCase.id)}`);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.fields.length > 0)
        requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const missingSteps = (assessment?.dueDiligence ?? []).filter((s) => s.status === 'missing');

  return (
    <>
      <PageTitle title="New application">New licence application</PageTitle>
      <div ref={summaryRef} tabIndex={-1}>
        {problems.length > 0 && (
          <div className="message error" role="alert" aria-labelledby="problems-heading">
            <h2 id="problems-heading">
              {problems.length === 1
                ? 'There is 1 problem'
                : `There are ${problems.length} problems`}{' '}
              with the application
            </h2>
            <ul>
              {problems.map((p) => (
                <li key={p.id + p.problem}>
                  <a
                    href={`#${p.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(p.id)?.focus();
                    }}
                  >
                    {p.label}: {p.problem}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {error !== null && <ErrorMessage error={error} />}
      </div>
      <CountryList id="country-codes" />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(true);
        }}
      >
        <fieldset>
          <legend>Exporter and destination</legend>
          <div className="grid">
            <TextField
              id="app-jurisdiction"
              label="Licensing jurisdiction"
              hint="Two letters (GB, US, NO …) or EU"
              maxLength={2}
              value={draft.jurisdiction}
              problems={problems}
              onChange={(v) => {
                update((d) => ({ ...d, jurisdiction: v }));
              }}
            />
            <TextField
              id="app-exporter-name"
              label="Exporter name"
              value={draft.exporterName}
              problems={problems}
              onChange={(v) => {
                update((d) => ({ ...d, exporterName: v }));
              }}
            />
            <TextField
              id="app-exporter-country"
              label="Exporter country"
              list="country-codes"
              maxLength={2}
              value={draft.exporterCountry}
              problems={problems}
              onChange={(v) => {
                update((d) => ({ ...d, exporterCountry: v }));
              }}
            />
            <TextField
              id="app-destination-country"
              label="Destination country"
              list="country-codes"
              maxLength={2}
              value={draft.destinationCountry}
              problems={problems}
              onChange={(v) => {
                update((d) => ({ ...d, destinationCountry: v }));
              }}
            />
            <TextField
              id="app-destination-region"
              label="Destination region (optional)"
              value={draft.destinationRegion}
              problems={problems}
              onChange={(v) => {
                update((d) => ({ ...d, destinationRegion: v }));
              }}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>Parties</legend>
          {draft.parties.map((p, i) => (
            <div key={i} className="repeat" role="group" aria-label={`Party ${i + 1}`}>
              <div className="grid">
                <div className="field">
                  <label htmlFor={`party-${i}-role`}>Party {i + 1} role</label>
                  <select
                    id={`party-${i}-role`}
                    value={p.role}
                    onChange={(e) => {
                      const role = e.target.value as typeof p.role;
                      update((d) => {
                        d.parties[i] = { ...p, role };
                        return d;
                      });
                    }}
                  >
                    {partyRoles.map((r) => (
                      <option key={r} value={r}>
                        {words(r)}
                      </option>
                    ))}
                  </select>
                </div>
                <TextField
                  id={`party-${i}-name`}
                  label={`Party ${i + 1} name`}
                  value={p.name}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.parties[i] = { ...p, name: v };
                      return d;
                    });
                  }}
                />
                <TextField
                  id={`party-${i}-country`}
                  label={`Party ${i + 1} country`}
                  list="country-codes"
                  maxLength={2}
                  value={p.country}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.parties[i] = { ...p, country: v };
                      return d;
                    });
                  }}
                />
                <TextField
                  id={`party-${i}-address`}
                  label={`Party ${i + 1} address (optional)`}
                  value={p.address}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.parties[i] = { ...p, address: v };
                      return d;
                    });
                  }}
                />
                <div className="field">
                  <label htmlFor={`party-${i}-type`}>Party {i + 1} type</label>
                  <select
                    id={`party-${i}-type`}
                    value={p.type}
                    onChange={(e) => {
                      const type = e.target.value as typeof p.type;
                      update((d) => {
                        d.parties[i] = { ...p, type };
                        return d;
                      });
                    }}
                  >
                    <option value="">Not stated</option>
                    {partyTypes.map((t) => (
                      <option key={t} value={t}>
                        {words(t)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {draft.parties.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    update((d) => ({ ...d, parties: d.parties.filter((_, j) => j !== i) }));
                  }}
                >
                  Remove party {i + 1}
                </button>
              )}
            </div>
          ))}
          <button
            id="add-party"
            type="button"
            className="secondary"
            onClick={() => {
              update((d) => ({ ...d, parties: [...d.parties, emptyParty('consignee')] }));
            }}
          >
            Add a party
          </button>
        </fieldset>

        <fieldset>
          <legend>Items</legend>
          {draft.items.map((item, i) => (
            <div key={i} className="repeat" role="group" aria-label={`Item ${i + 1}`}>
              <TextField
                id={`item-${i}-description`}
                label={`Item ${i + 1} description`}
                multiline
                value={item.description}
                problems={problems}
                onChange={(v) => {
                  update((d) => {
                    d.items[i] = { ...item, description: v };
                    return d;
                  });
                }}
              />
              <div className="grid">
                <TextField
                  id={`item-${i}-entries`}
                  label={`Item ${i + 1} control entries (optional)`}
                  hint="As you rated them, comma-separated: 5A001.j, EAR99"
                  value={item.controlEntries}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.items[i] = { ...item, controlEntries: v };
                      return d;
                    });
                  }}
                />
                <TextField
                  id={`item-${i}-quantity`}
                  label={`Item ${i + 1} quantity`}
                  inputMode="numeric"
                  value={item.quantity}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.items[i] = { ...item, quantity: v };
                      return d;
                    });
                  }}
                />
                <TextField
                  id={`item-${i}-amount`}
                  label={`Item ${i + 1} value`}
                  inputMode="decimal"
                  value={item.amount}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.items[i] = { ...item, amount: v };
                      return d;
                    });
                  }}
                />
                <TextField
                  id={`item-${i}-currency`}
                  label={`Item ${i + 1} currency`}
                  maxLength={3}
                  value={item.currency}
                  problems={problems}
                  onChange={(v) => {
                    update((d) => {
                      d.items[i] = { ...item, currency: v };
                      return d;
                    });
                  }}
                />
              </div>
              <fieldset className="checkboxes">
                <legend>Item {i + 1} capabilities</legend>
                {capabilityTags.map((tag) => {
                  const id = `item-${i}-cap-${tag}`;
                  return (
                    <span key={tag} className="checkbox">
                      <input
                        id={id}
                        type="checkbox"
                        checked={item.capabilities.includes(tag)}
                        onChange={(e) => {
                          const on = e.target.checked;
                          update((d) => {
                            d.items[i] = {
                              ...item,
                              capabilities: on
                                ? [...item.capabilities, tag]
                                : item.capabilities.filter((c) => c !== tag),
                            };
                            return d;
                          });
                        }}
                      />
                      <label htmlFor={id}>{words(tag)}</label>
                    </span>
                  );
                })}
              </fieldset>
              {draft.items.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    update((d) => ({ ...d, items: d.items.filter((_, j) => j !== i) }));
                  }}
                >
                  Remove item {i + 1}
                </button>
              )}
            </div>
          ))}
          <button
            id="add-item"
            type="button"
            className="secondary"
            onClick={() => {
              update((d) => ({ ...d, items: [...d.items, emptyItem()] }));
            }}
          >
            Add an item
          </button>
        </fieldset>

        <fieldset>
          <legend>End use</legend>
          <TextField
            id="app-end-use"
            label="Statement of end use"
            multiline
            value={draft.endUse}
            problems={problems}
            onChange={(v) => {
              update((d) => ({ ...d, endUse: v }));
            }}
          />
          <TextField
            id="app-red-flags"
            label="Red flags observed (optional)"
            hint="Red-flag ids, comma-separated"
            value={draft.redFlags}
            problems={problems}
            onChange={(v) => {
              update((d) => ({ ...d, redFlags: v }));
            }}
          />
          {missingSteps.map((s) => {
            const step = s.step;
            return (
              <TextField
                key={step}
                id={`dd-${step}`}
                label={`Due diligence ${step}: ${s.text.text}`}
                hint={s.note}
                multiline
                value={draft.dueDiligence[step] ?? ''}
                problems={problems}
                onChange={(v) => {
                  update((d) => ({ ...d, dueDiligence: { ...d.dueDiligence, [step]: v } }));
                }}
              />
            );
          })}
        </fieldset>

        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              void selfAssess();
            }}
          >
            Self-assess
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              void save(false);
            }}
          >
            Save as draft
          </button>
          <button type="submit" disabled={busy}>
            Submit the application
          </button>
        </div>
      </form>

      {assessment && (
        <section aria-labelledby="self-assessment-heading" className="self-assessment">
          <h2 id="self-assessment-heading">Self-assessment</h2>
          {(assessment.dueDiligence ?? []).length > 0 && (
            <table>
              <caption>Due-diligence checklist</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Status</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {(assessment.dueDiligence ?? []).map((s) => (
                  <tr key={s.step}>
                    <th scope="row">
                      {s.step} {s.text.text}
                    </th>
                    <td>{s.status}</td>
                    <td>{s.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <AssessmentDetails assessment={assessment} />
        </section>
      )}
    </>
  );
}
