import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Role } from '../../../src/contracts/enumerations.ts';
import {
  GrantDecidedSchema,
  GrantListSchema,
  GrantRequestedSchema,
  type GrantSchema,
  type NewUserRequest,
  type OrganisationJson,
} from '../../../src/contracts/people.ts';
import type { Static } from 'typebox';
import { Badge, ErrorMessage, Show, formatDate, useLoad } from '../components/common.tsx';
import { useSession } from '../session.tsx';
import { OneTimeSecret, RoleCheckboxes, allRoles, orgLabel } from './people-parts.tsx';

type Grant = Static<typeof GrantSchema>;
type GrantRequested = Static<typeof GrantRequestedSchema>;
type GrantDecided = Static<typeof GrantDecidedSchema>;

/**
 * Ask for a new user: a second administrator approves. No password: each administrator hands the
 * person one half of an enrolment code, and the person sets their own password with both.
 */
export function AskForUserForm({
  organisations,
  defaultOrganisation,
  onAsked,
}: {
  readonly organisations: readonly OrganisationJson[];
  readonly defaultOrganisation: string;
  readonly onAsked: () => void;
}) {
  const blank = {
    username: '',
    displayName: '',
    organisationId: defaultOrganisation,
    roles: [] as Role[],
    reason: '',
  };
  const [draft, setDraft] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [asked, setAsked] = useState<GrantRequested | null>(null);
  return (
    <section aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Ask for a user</h2>
      <p className="hint">
        A second administrator approves the request. Nobody chooses the person&apos;s password: you
        and the approver each give them half of an enrolment code, and they set their own password
        with both (at /enrol).
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const body: NewUserRequest = {
            username: draft.username.trim(),
            organisationId: draft.organisationId,
            roles: draft.roles,
            reason: draft.reason.trim(),
            ...(draft.displayName.trim() ? { displayName: draft.displayName.trim() } : {}),
          };
          setBusy(true);
          setError(null);
          setAsked(null);
          api(GrantRequestedSchema, 'POST', '/v1/users', body)
            .then((answer) => {
              setAsked(answer);
              setDraft(blank);
              onAsked();
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
            <label htmlFor="user-reason">Why they need the account</label>
            <input
              id="user-reason"
              value={draft.reason}
              onChange={(e) => {
                setDraft({ ...draft, reason: e.target.value });
              }}
            />
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
        <button type="submit" disabled={busy}>
          {busy ? 'Asking…' : 'Ask for the user'}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {asked && (
        <div className="message info" role="status">
          <p>
            Asked for <strong>{asked.grant.username}</strong> ({asked.grant.roles.join(', ')}): a
            second administrator approves it.
          </p>
        </div>
      )}
      {asked?.requesterHalf !== undefined && (
        <OneTimeSecret
          label={`First half of the enrolment code of ${asked.grant.username}`}
          value={asked.requesterHalf}
          onDone={() => {
            setAsked(null);
          }}
        />
      )}
    </section>
  );
}

/** Grants asked for; a second administrator approves or rejects those asked by others. */
export function Grants({
  canDecide,
  version,
  onDecided,
}: {
  readonly canDecide: boolean;
  readonly version: number;
  readonly onDecided: () => void;
}) {
  const { principal } = useSession();
  const [loaded, reload] = useLoad(
    () => api(GrantListSchema, 'GET', '/v1/grants').then((r) => r.grants),
    `grants-${String(version)}`,
  );
  const [error, setError] = useState<unknown>(null);
  const [decided, setDecided] = useState<GrantDecided | null>(null);
  const decide = (grant: Grant, verb: 'approve' | 'reject') => {
    setError(null);
    setDecided(null);
    api(GrantDecidedSchema, 'POST', `/v1/grants/${encodeURIComponent(grant.id)}/${verb}`)
      .then((answer) => {
        setDecided(answer);
        reload();
        onDecided();
      })
      .catch((e: unknown) => {
        setError(e);
      });
  };
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">Grants awaiting a second administrator</h2>
      {error !== null && <ErrorMessage error={error} />}
      {decided?.approverHalf !== undefined && (
        <OneTimeSecret
          label={`Second half of the enrolment code of ${decided.grant.username}`}
          value={decided.approverHalf}
          onDone={() => {
            setDecided(null);
          }}
        />
      )}
      <Show loaded={loaded} what="the grants">
        {(grants) =>
          grants.length === 0 ? (
            <p>No grants asked for.</p>
          ) : (
            <table>
              <caption>Grants, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Grant</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Why</th>
                  <th scope="col">Asked by</th>
                  <th scope="col">Status</th>
                  {canDecide && <th scope="col">Action</th>}
                </tr>
              </thead>
              <tbody>
                {grants.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.username}</th>
                    <td>{g.kind.replace(/-/g, ' ')}</td>
                    <td>{g.roles.join(', ')}</td>
                    <td>{g.reason}</td>
                    <td>
                      {g.requestedBy}, {formatDate(g.requestedAt)}
                    </td>
                    <td>
                      <Badge
                        tone={
                          g.status === 'approved'
                            ? 'ok'
                            : g.status === 'rejected'
                              ? 'danger'
                              : 'warn'
                        }
                      >
                        {g.status}
                        {g.decidedBy === undefined ? '' : ` by ${g.decidedBy}`}
                      </Badge>
                    </td>
                    {canDecide && (
                      <td>
                        {g.status === 'pending' && g.requestedBy !== principal?.username && (
                          <>
                            <button
                              type="button"
                              aria-label={`Approve the grant for ${g.username}`}
                              onClick={() => {
                                decide(g, 'approve');
                              }}
                            >
                              Approve
                            </button>{' '}
                            <button
                              type="button"
                              className="secondary"
                              aria-label={`Reject the grant for ${g.username}`}
                              onClick={() => {
                                decide(g, 'reject');
                              }}
                            >
                              Reject
                            </button>
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </section>
  );
}
