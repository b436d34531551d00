import { useId, useState } from 'react';
import type { OrganisationJson } from '../../../src/contracts/people.ts';
import { roles, type Role } from '../../../src/contracts/enumerations.ts';

/** Every role, as the domain defines them. */
export const allRoles: readonly Role[] = roles;

export const orgLabel = (orgs: readonly OrganisationJson[], id: string) => {
  const org = orgs.find((o) => o.id === id);
  return org ? `${org.name} (${org.kind.replace(/-/g, ' ')}, ${org.country})` : id;
};

/**
 * A secret Cordon shows this once (a generated password, an API token): in a read-only field with a
 * copy button, and a warning that it cannot be shown again.
 */
export function OneTimeSecret({
  label,
  value,
  onDone,
}: {
  readonly label: string;
  readonly value: string;
  readonly onDone: () => void;
}) {
  const id = useId();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <div className="message warning one-time-secret" role="status">
      <p>
        <strong>Copy it now: Cordon stores only its hash and will not show it again.</strong>
      </p>
      <div className="inline-form">
        <div className="field grow">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            readOnly
            value={value}
            className="secret"
            onFocus={(e) => {
              e.target.select();
            }}
          />
        </div>
        <button
          type="button"
          aria-label={`Copy the ${label}`}
          onClick={() => {
            navigator.clipboard
              .writeText(value)
              .then(() => {
                setCopied('yes');
              })
              .catch(() => {
                setCopied('failed');
              });
          }}
        >
          Copy
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <p aria-live="polite">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'The browser did not allow copying: select the field and copy it by hand.'
            : ''}
      </p>
    </div>
  );
}

export function RoleCheckboxes({
  legend,
  choices,
  chosen,
  onChange,
  name,
}: {
  readonly legend: string;
  readonly choices: readonly Role[];
  readonly chosen: readonly Role[];
  readonly onChange: (roles: Role[]) => void;
  readonly name: string;
}) {
  return (
    <fieldset className="checkboxes">
      <legend>{legend}</legend>
      {choices.map((role) => {
        const id = `${name}-${role}`;
        return (
          <span key={role} className="checkbox">
            <input
              id={id}
              type="checkbox"
              checked={chosen.includes(role)}
              onChange={(e) => {
                onChange(e.target.checked ? [...chosen, role] : chosen.filter((r) => r !== role));
              }}
            />
            <label htmlFor={id}>{role.replace(/-/g, ' ')}</label>
          </span>
        );
      })}
    </fieldset>
  );
}
