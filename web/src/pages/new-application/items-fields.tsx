import { capabilityTags, emptyItem } from '../../application-form.ts';
import { words } from '../../components/common.tsx';
import type { SectionProps } from './section-props.ts';
import { TextField } from './text-field.tsx';

/** The items: description, the exporter's own rating, quantity, value and capabilities. */
export function ItemsFields({ draft, update, problems }: SectionProps) {
  return (
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
  );
}
