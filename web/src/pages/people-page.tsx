import { useState } from 'react';
import { api, send } from '../api/client.ts';
import {
  NewTokenResponseSchema,
  OrganisationListSchema,
  TokenListSchema,
  UserListSchema,
  UserSchema,
} from '../../../src/contracts/people.ts';
import type {
  ApiTokenJson,
  NewTokenRequest,
  NewTokenResponse,
  OrganisationJson,
  UserJson,
} from '../../../src/contracts/people.ts';
import type { Role } from '../../../src/contracts/enumerations.ts';
import {
  Badge,
  ErrorMessage,
  PageTitle,
  Show,
  formatDate,
  useLoad,
} from '../components/common.tsx';
import { useSession } from '../session.tsx';
import { AskForUserForm, Grants } from './people-grants.tsx';
import { OneTimeSecret, RoleCheckboxes, orgLabel } from './people-parts.tsx';

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
      api(
        UserListSchema,
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
    api(UserSchema, 'PATCH', `/v1/users/${encodeURIComponent(user.username)}`, {
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

function Tokens({ canChange }: { readonly canChange: boolean }) {
  const [loaded, reload] = useLoad(
    () => api(TokenListSchema, 'GET', '/v1/tokens').then((r) => r.tokens),
    'tokens',
  );
  // A token acts as the person who creates it: nobody mints one for someone else.
  const { principal } = useSession();
  const owner = principal ?? undefined;
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
              name: name.trim(),
              ...(chosenScopes.length > 0 ? { scopes: chosenScopes } : {}),
              ...(days.trim() ? { days: Number(days) } : {}),
            };
            setBusy(true);
            setError(null);
            setCreated(null);
            setNotice(null);
            api(NewTokenResponseSchema, 'POST', '/v1/tokens', body)
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
          <h3 id="create-token-heading">Create an API token for yourself</h3>
          <div className="grid">
            <p className="hint">
              Acts as you ({owner?.username ?? '—'}): a token acts as the person who creates it.
            </p>
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
                                send('DELETE', `/v1/tokens/${encodeURIComponent(t.id)}`)
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
 * Administration of people: the users of each organisation with their roles (disable, enable),
 * grants that take two administrators (a new user, roles, a new enrolment: one asks, another
 * approves), and API tokens (each acts as its creator; list, revoke). Auditors see the same lists
 * without the actions.
 */
export function PeoplePage() {
  const { principal, has } = useSession();
  const canChange = has('administrator');
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
  };
  const [loaded] = useLoad(
    () => api(OrganisationListSchema, 'GET', '/v1/organisations').then((r) => r.organisations),
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
              <AskForUserForm
                organisations={organisations}
                defaultOrganisation={principal?.organisationId ?? organisations[0]?.id ?? ''}
                onAsked={changed}
              />
            )}
            <Grants canDecide={canChange} version={version} onDecided={changed} />
            <Tokens canChange={canChange} />
          </>
        )}
      </Show>
    </>
  );
}
