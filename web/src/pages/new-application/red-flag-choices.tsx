import type { RedFlagList } from '../../../../src/contracts/red-flags.ts';
import { RedFlagListSchema } from '../../../../src/contracts/red-flags.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage, Loading, useLoad, words } from '../../components/common.tsx';
import type { SectionProps } from './section-props.ts';

let redFlags: Promise<RedFlagList> | undefined;
/** The red flags (`GET /v1/references/red-flags`), fetched once. */
const loadRedFlags = (): Promise<RedFlagList> => {
  redFlags ??= api(RedFlagListSchema, 'GET', '/v1/references/red-flags');
  redFlags.catch(() => {
    redFlags = undefined;
  });
  return redFlags;
};

/**
 * The red flags the exporter observed, chosen from the recognised ones by category, each with its
 * description and source (never typed as ids).
 */
export function RedFlagChoices({ draft, update }: Omit<SectionProps, 'problems'>) {
  const [loaded] = useLoad(loadRedFlags, 'red-flags');
  if (loaded.state === 'loading') return <Loading what="the red flags" />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} />;
  const categories = [...new Set(loaded.value.redFlags.map((f) => f.category))];
  const toggle = (id: string, on: boolean) => {
    update((d) => ({
      ...d,
      redFlags: on ? [...d.redFlags, id] : d.redFlags.filter((f) => f !== id),
    }));
  };
  return (
    <fieldset>
      <legend>Red flags observed (optional)</legend>
      <p className="hint">
        Tick each warning sign you noticed in this transaction; the assessment weighs them.{' '}
        {draft.redFlags.length === 0 ? 'None chosen.' : `Chosen: ${draft.redFlags.join(', ')}.`}
      </p>
      {categories.map((category) => (
        <fieldset key={category} className="checkboxes red-flags">
          <legend>{words(category.replace(/_/g, '-'))}</legend>
          {loaded.value.redFlags
            .filter((f) => f.category === category)
            .map((f) => {
              const id = `red-flag-${f.id}`;
              return (
                <span key={f.id} className="checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    checked={draft.redFlags.includes(f.id)}
                    onChange={(e) => {
                      toggle(f.id, e.target.checked);
                    }}
                  />
                  <label htmlFor={id}>
                    <strong>{f.id}</strong> {f.text}{' '}
                    <span className="muted">
                      ({f.source}, {f.textStatus})
                    </span>
                  </label>
                </span>
              );
            })}
        </fieldset>
      ))}
    </fieldset>
  );
}
