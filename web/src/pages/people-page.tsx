import { useId, useState } from 'react';
import { api } from '../api/client.ts';
import type {
  ApiTokenJson,
  NewTokenRequest,
  NewTokenResponse,
  NewUserRequest,
  NewUserResponse,
  OrganisationJson,
  Role,
  UserJson,
} from '../api/view-types.ts';
import {
  Badge,
  ErrorMessage,
  PageTitle,
  Show,
  formatDate,
  useLoad,
} from '../components/common.tsx';
import { useSession } from '../session.tsx';

const allRoles: readonly Role[] = [
  'exporter',
  'caseworker',
  'advisor',
  'senior-officer',
  'administrator',
  'auditor',
];

const orgLabel = (orgs: readonly OrganisationJson[], id: string) => {
  const org = orgs.find((o) => o.id === id);
  return org ? `${org.name} (${org.kind.replace(/-/g, ' ')}, ${org.country})` : id;
};

/**
 * A secret Cordon shows this once (a generated password, an API token): in a read-only field with a
 * copy button, and a warning that it cannot be shown again.
 */
function OneTimeSecret({
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

function RoleCheckboxes({
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

function AddUserForm({
  organisations,
  defaultOrganisation,
  onAdded,
}: {
  readonly organisations: readonly OrganisationJson[];
  readonly defaultOrganisation: string;
  readonly onAdded: () => void;
}) {
  const blank = {
    username: '',
    displayName: '',
    organisationId: defaultOrganisation,
    roles: [] as Role[],
    password: '',
  };
  const [draft, setDraft] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<NewUserResponse | null>(null);
  return (
    <section aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Add a user</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const body: NewUserRequest = {
            username: draft.username.trim(),
            organisationId: draft.organisationId,
            roles: draft.roles,
            ...(draft.displayName.trim() ? { displayName: draft.displayName.trim() } : {}),
            ...(draft.password ? { password: draft.password } : {}),
          };
          setBusy(true);
          setError(null);
          setAdded(null);
          api<NewUserResponse>('POST', '/v1/users', body)
            .then((answer) => {
              setAdded(answer);
              setDraft(blank);
              onAdded();
            })
            .catch((e: unknown) => {
              setError(e);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <div className="grid">
          <div className="field">
            <label htmlFor="user-username">Username</label>
            <input
              id="user-username"
              autoComplete="off"
              value={draft.username}
              aria-describedby="user-username-hint"
              onChange={(e) => {
                setDraft({ ...draft, username: e.target.value });
              }}
            />
            <span id="user-username-hint" className="hint">
              Lower-case letters, digits, dot, underscore, @ or hyphen
            </span>
          </div>
          <div className="field">
            <label htmlFor="user-display-name">Display name (optional)</label>
            <input
              id="user-display-name"
              value={draft.displayName}
              onChange={(e) => {
                setDraft({ ...draft, displayName: e.target.value });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="user-organisation">Organisation</label>
            <select
              id="user-organisation"
              value={draft.organisationId}
              onChange={(e) => {
                setDraft({ ...draft, organisationId: e.target.value });
              }}
            >
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {orgLabel(organisations, o.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="user-password">Password (optional)</label>
            <input
              id="user-password"
              type="password"
              autoComplete="new-password"
              value={draft.password}
              aria-describedby="user-password-hint"
              onChange={(e) => {
                setDraft({ ...draft, password: e.target.value });
              }}
            />
            <span id="user-password-hint" className="hint">
              At least 12 characters; leave empty and Cordon generates a one-time password
            </span>
          </div>
        </div>
        <RoleCheckboxes
          legend="Roles"
          name="user-role"
          choices={allRoles}
          chosen={draft.roles}
          onChange={(roles) => {
            setDraft({ ...draft, roles });
          }}
        />
        <p className="hint muted">
          Exporters&apos; users hold the exporter role only; advising departments&apos; the advisor
          role; the licensing authority&apos;s the officer, administrator and auditor roles.
        </p>
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add the user'}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {added && (
        <div className="message info" role="status">
          <p>
            Added <strong>{added.user.username}</strong> with the roles{' '}
            {added.user.roles.join(', ')}.
          </p>
        </div>
      )}
      {added?.generatedPassword !== undefined && (
        <OneTimeSecret
          label={`One-time password of ${added.user.username}`}
          value={added.generatedPassword}
          onDone={() => {
            setAdded(null);
          }}
        />
      )}
    </section>
  );
}

function Users({
  organisations,
  canChange,
  version,
  onChanged,
}: {
  readonly organisations: readonly OrganisationJson[];
  readonly canChange: boolean;
  /** Bumped when a user is added elsewhere on the page: the list reloads. */
  readonly version: number;
  readonly onChanged: () => void;
}) {
  const { principal } = useSession();
  const own = principal?.organisationId ?? '';
  const [organisation, setOrganisation] = useState(own);
  const [loaded] = useLoad(
    () =>
      api<{ users: UserJson[] }>(
        'GET',
        organisation ? `/v1/users?organisationId=${encodeURIComponent(organisation)}` : '/v1/users',
      ).then((r) => r.users),
    `${organisation}|${version}`,
  );
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = (user: UserJson) => {
    setError(null);
    setNotice(null);
    api<UserJson>('PATCH', `/v1/users/${encodeURIComponent(user.username)}`, {
      disabled: !user.disabled,
    })
      .then((changed) => {
        setNotice(`${changed.username} is now ${changed.disabled ? 'disabled' : 'enabled'}.`);
        onChanged();
      })
      .catch((e: unknown) => {
        setError(e);
      });
  };
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <div className="field narrow-field">
        <label htmlFor="users-organisation">Organisation</label>
        <select
          id="users-organisation"
          value={organisation}
          onChange={(e) => {
            setOrganisation(e.target.value);
          }}
        >
          <option value="">All organisations</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {orgLabel(organisations, o.id)}
            </option>
          ))}
        </select>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {notice && (
        <p className="message info" role="status">
          {notice}
        </p>
      )}
      <Show loaded={loaded} what="the users">
        {(users) => (
          <table>
            <caption>
              Users of {organisation ? orgLabel(organisations, organisation) : 'every organisation'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Name</th>
                <th scope="col">Organisation</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
                {canChange && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.username}</th>
                  <td>{u.displayName}</td>
                  <td>{orgLabel(organisations, u.organisationId)}</td>
                  <td>{u.roles.join(', ')}</td>
                  <td>
                    {u.disabled ? (
                      <Badge tone="danger">disabled</Badge>
                    ) : (
                      <Badge tone="ok">active</Badge>
                    )}
                  </td>
                  <td>{formatDate(u.createdAt)}</td>
                  {canChange && (
                    <td>
                      {u.username === principal?.username ? (
                        'you'
                      ) : (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}
                          onClick={() => {
                            if (
                              u.disabled ||
                              window.confirm(
                                `Disable ${u.username}? Their sessions and API tokens stop working at once.`,
                              )
                            )
                              toggle(u);
                          }}
                        >
                          {u.disabled ? 'Enable' : 'Disable'}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}

const tokenStatus = (t: ApiTokenJson, now: number) =>
  t.revokedAt !== null ? 'revoked' : Date.parse(t.expiresAt) <= now ? 'expired' : 'active';

function Tokens({
  canChange,
  version,
}: {
  readonly canChange: boolean;
  /** Bumped when users change: the choice of user reloads. */
  readonly version: number;
}) {
  const [loaded, reload] = useLoad(
    () => api<{ tokens: ApiTokenJson[] }>('GET', '/v1/tokens').then((r) => r.tokens),
    'tokens',
  );
  const [loadedUsers] = useLoad(
    () => api<{ users: UserJson[] }>('GET', '/v1/users').then((r) => r.users),
    `token-users-${version}`,
  );
  const users = loadedUsers.state === 'ready' ? loadedUsers.value : [];
  const active = users.filter((u) => !u.disabled);
  const [picked, setUsername] = useState('');
  const username = active.some((u) => u.username === picked) ? picked : (active[0]?.username ?? '');
  const owner = active.find((u) => u.username === username);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Role[] | null>(null);
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<NewTokenResponse | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chosenScopes = scopes ?? [...(owner?.roles ?? [])];
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      {canChange && (
        <form
          aria-labelledby="create-token-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const body: NewTokenRequest = {
              username,
              name: name.trim(),
              ...(chosenScopes.length > 0 ? { scopes: chosenScopes } : {}),
              ...(days.trim() ? { days: Number(days) } : {}),
            };
            setBusy(true);
            setError(null);
            setCreated(null);
            setNotice(null);
            api<NewTokenResponse>('POST', '/v1/tokens', body)
              .then((answer) => {
                setCreated(answer);
                setName('');
                reload();
              })
              .catch((e: unknown) => {
                setError(e);
              })
              .finally(() => {
                setBusy(false);
              });
          }}
        >
          <h3 id="create-token-heading">Create an API token</h3>
          <div className="grid">
            <div className="field">
              <label htmlFor="token-user">Acts as user</label>
              <select
                id="token-user"
                value={username}
                onChange={(e) => {
                  setUsername(e.target.value);
                  setScopes(null);
                }}
              >
                {active.map((u) => (
                  <option key={u.id} value={u.username}>
                    {u.username} ({u.roles.join(', ')})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="token-name">What it is for</label>
              <input
                id="token-name"
                value={name}
                placeholder="e.g. erp-integration"
                onChange={(e) => {
                  setName(e.target.value);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="token-days">Expires after (days, 1–366)</label>
              <input
                id="token-days"
                type="number"
                min={1}
                max={366}
                value={days}
                onChange={(e) => {
                  setDays(e.target.value);
                }}
              />
            </div>
          </div>
          {owner && (
            <RoleCheckboxes
              legend="Scopes: the roles the token may act under"
              name="token-scope"
              choices={owner.roles}
              chosen={chosenScopes}
              onChange={setScopes}
            />
          )}
          <button type="submit" disabled={busy || !owner}>
            {busy ? 'Creating…' : 'Create the token'}
          </button>
        </form>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {notice && (
        <p className="message info" role="status">
          {notice}
        </p>
      )}
      {created && (
        <OneTimeSecret
          label={`API token “${created.token.name}” of ${created.token.username}`}
          value={created.secret}
          onDone={() => {
            setCreated(null);
          }}
        />
      )}
      <Show loaded={loaded} what="the API tokens">
        {(tokens) => {
          const now = Date.now();
          return tokens.length === 0 ? (
            <p>No API tokens yet.</p>
          ) : (
            <table>
              <caption>API tokens, newest first (their secrets are never shown again)</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Token id</th>
                  <th scope="col">User</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                  {canChange && <th scope="col">Action</th>}
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => {
                  const status = tokenStatus(t, now);
                  return (
                    <tr key={t.id}>
                      <th scope="row">{t.name}</th>
                      <td>
                        <code>{t.id}</code>
                      </td>
                      <td>{t.username}</td>
                      <td>{t.scopes.join(', ')}</td>
                      <td>{formatDate(t.createdAt)}</td>
                      <td>{formatDate(t.expiresAt)}</td>
                      <td>
                        <Badge tone={status === 'active' ? 'ok' : 'danger'}>
                          {status === 'revoked'
                            ? `revoked ${formatDate(t.revokedAt ?? '')}`
                            : status}
                        </Badge>
                      </td>
                      {canChange && (
                        <td>
                          {status === 'active' && (
                            <button
                              type="button"
                              className="secondary"
                              aria-label={`Revoke the token ${t.name} of ${t.username}`}
                              onClick={() => {
                                if (
                                  !window.confirm(
                                    `Revoke the token “${t.name}” of ${t.username}? Anything using it stops working at once.`,
                                  )
                                )
                                  return;
                                setError(null);
                                setNotice(null);
                                api('DELETE', `/v1/tokens/${encodeURIComponent(t.id)}`)
                                  .then(() => {
                                    setNotice(`The token “${t.name}” was revoked.`);
                                    reload();
                                  })
                                  .catch((e: unknown) => {
                                    setError(e);
                                  });
                              }}
                            >
                              Revoke
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        }}
      </Show>
    </section>
  );
}

/**
 * Administration of people: the users of each organisation with their roles (add, disable,
 * enable) and the API tokens machines use (create with scopes and expiry, list, revoke). Auditors
 * see the same lists without the actions.
 */
export function PeoplePage() {
  const { principal, has } = useSession();
  const canChange = has('administrator');
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
  };
  const [loaded] = useLoad(
    () =>
      api<{ organisations: OrganisationJson[] }>('GET', '/v1/organisations').then(
        (r) => r.organisations,
      ),
    'organisations',
  );
  return (
    <>
      <PageTitle title="Users and tokens">Users and API tokens</PageTitle>
      <Show loaded={loaded} what="the organisations">
        {(organisations) => (
          <>
            <Users
              organisations={organisations}
              canChange={canChange}
              version={version}
              onChanged={changed}
            />
            {canChange && (
              <AddUserForm
                organisations={organisations}
                defaultOrganisation={principal?.organisationId ?? organisations[0]?.id ?? ''}
                onAdded={changed}
              />
            )}
            <Tokens canChange={canChange} version={version} />
          </>
        )}
      </Show>
    </>
  );
}
