import { emptyParty, partyRoles, partyTypes } from '../../application-form.ts';
import { words } from '../../components/common.tsx';
import type { SectionProps } from './section-props.ts';
import { TextField } from './text-field.tsx';

/** The parties to the transaction (at least one end user), each with role, name, country and type. */
export function PartiesFields({ draft, update, problems }: SectionProps) {
  return (
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
  );
}
