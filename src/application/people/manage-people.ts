import {
  organisationKinds,
  type ApiToken,
  type Organisation,
  type OrganisationKind,
  type User,
} from '../../domain/people/people.ts';
import { passwordProblems } from '../../domain/people/password-policy.ts';
import { roles as allRoles, type Role } from '../../domain/people/role.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor, PeopleDeps } from './people-deps.ts';

/** Which roles a user of each kind of organisation may hold. */
export const rolesByKind: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  exporter: ['exporter'],
  'licensing-authority': ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
  'advising-department': ['advisor'],
  'partner-authority': ['caseworker', 'senior-officer'],
  industry: ['commenter'],
  academia: ['commenter'],
  'civil-society': ['commenter'],
};

const invalid = (message: string, fields: readonly FieldProblem[]): CordonError =>
  cordonError('CORDON_VALIDATION_FAILED', message, fields);

export async function addOrganisation(
  deps: PeopleDeps,
  by: Actor,
  input: { readonly name: string; readonly kind: string; readonly country: string },
): Promise<Result<Organisation, CordonError>> {
  const problems: FieldProblem[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', problem: 'must not be empty' });
  if (!(organisationKinds as readonly string[]).includes(input.kind)) {
    problems.push({ field: 'kind', problem: `must be one of ${organisationKinds.join(', ')}` });
  }
  if (!/^(?:[A-Z]{2})$/.test(input.country)) {
    problems.push({ field: 'country', problem: 'must be an ISO 3166-1 alpha-2 code or EU' });
  }
  if (problems.length > 0) return err(invalid('The organisation is not valid.', problems));
  const organisation: Organisation = {
    id: `org-${deps.secrets.id()}`,
    name: input.name.trim(),
    kind: input.kind as OrganisationKind,
    country: input.country,
    createdAt: deps.clock.now(),
  };
  await deps.store.addOrganisation(organisation);
  await deps.audit.append({
    ...by,
    action: 'orgs.add',
    objectType: 'organisation',
    objectId: organisation.id,
    details: { name: organisation.name, kind: organisation.kind, country: organisation.country },
  });
  return ok(organisation);
}

export interface NewUserInput {
  readonly username: string;
  readonly displayName?: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
  /** Omitted: a one-time password is generated and returned once. */
  readonly password?: string;
}

/**
 * What is wrong with a new user's name, organisation and roles, every problem at once (used when
 * a user is added directly and when an administrator asks for one to be added).
 */
export async function newUserProblems(
  deps: Pick<PeopleDeps, 'store'>,
  input: Pick<NewUserInput, 'username' | 'organisationId' | 'roles'>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(input.username)) {
    problems.push({
      field: 'username',
      problem: '2-64 characters: lower-case letters, digits, dot, underscore, @ or hyphen',
    });
  }
  const organisation = await deps.store.getOrganisation(input.organisationId);
  if (organisation === undefined) {
    problems.push({
      field: 'organisation',
      problem: `no organisation has id ${input.organisationId}`,
    });
  }
  if (input.roles.length === 0)
    problems.push({ field: 'roles', problem: 'give at least one role' });
  problems.push(...roleProblems(input.roles, organisation?.kind));
  return problems;
}

/** Roles that are not roles, or that a user of an organisation of `kind` cannot hold. */
export function roleProblems(
  roles: readonly string[],
  kind: OrganisationKind | undefined,
): FieldProblem[] {
  return roles.flatMap((role) =>
    !(allRoles as readonly string[]).includes(role)
      ? [{ field: 'roles', problem: `${role} is not a role (${allRoles.join(', ')})` }]
      : kind !== undefined && !rolesByKind[kind].includes(role as Role)
        ? [
            {
              field: 'roles',
              problem: `a user of a ${kind} organisation cannot hold the role ${role}`,
            },
          ]
        : [],
  );
}

/**
 * Adds a user directly: the operator's way (`cordon users add`, on the store's machine), the first
 * administrator and the demo. Returns the password to hand over when Cordon generated it. Either
 * way someone other than the user set the password, so they must change it at first sign-in. Over
 * HTTP, administrators ask for users instead (`requestGrant`), and a second one approves.
 */
export async function addUser(
  deps: PeopleDeps,
  by: Actor,
  input: NewUserInput,
): Promise<Result<{ readonly user: User; readonly generatedPassword?: string }, CordonError>> {
  const problems = await newUserProblems(deps, input);
  if (input.password !== undefined) {
    problems.push(
      ...passwordProblems(
        input.password,
        {
          username: input.username,
          ...(input.displayName ? { displayName: input.displayName } : {}),
        },
        deps.commonPasswords,
      ).map((problem) => ({ field: 'password', problem })),
    );
  }
  if (problems.length > 0) return err(invalid('The user is not valid.', problems));
  const password = input.password ?? deps.secrets.password();
  const user: User = {
    id: `usr-${deps.secrets.id()}`,
    username: input.username,
    displayName: input.displayName ?? input.username,
    organisationId: input.organisationId,
    roles: [...new Set(input.roles as Role[])],
    disabled: false,
    createdAt: deps.clock.now(),
    mustChangePassword: true,
  };
  if (!(await deps.store.addUser(user, await deps.passwords.hash(password)))) {
    return err(
      invalid('The user is not valid.', [{ field: 'username', problem: 'is already taken' }]),
    );
  }
  await deps.audit.append({
    ...by,
    action: 'users.add',
    objectType: 'user',
    objectId: user.username,
    details: { organisationId: user.organisationId, roles: user.roles, mustChangePassword: true },
  });
  return ok(input.password === undefined ? { user, generatedPassword: password } : { user });
}

export async function setUserDisabled(
  deps: PeopleDeps,
  by: Actor,
  username: string,
  disabled: boolean,
): Promise<Result<void, CordonError>> {
  if (!(await deps.store.setDisabled(username, disabled))) {
    return err(cordonError('CORDON_NOT_FOUND', `No user is called ${username}.`));
  }
  await deps.audit.append({
    ...by,
    action: disabled ? 'users.disable' : 'users.enable',
    objectType: 'user',
    objectId: username,
  });
  return ok(undefined);
}

/** Creates an API token for a user; the token string is returned once and stored only hashed. */
export async function createToken(
  deps: PeopleDeps,
  by: Actor,
  input: {
    readonly username: string;
    readonly name: string;
    readonly scopes?: readonly string[];
    readonly days?: number;
  },
): Promise<Result<{ readonly token: ApiToken; readonly secret: string }, CordonError>> {
  const credentials = await deps.store.findCredentials(input.username);
  const problems: FieldProblem[] = [];
  if (credentials === undefined) {
    problems.push({ field: 'user', problem: `no user is called ${input.username}` });
  }
  const days = input.days ?? 90;
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    problems.push({ field: 'days', problem: 'must be a whole number of days from 1 to 366' });
  }
  const scopes = input.scopes ?? credentials?.user.roles ?? [];
  for (const scope of scopes) {
    if (credentials && !(credentials.user.roles as readonly string[]).includes(scope)) {
      problems.push({
        field: 'scopes',
        problem: `${scope} is not one of the user's roles (${credentials.user.roles.join(', ')})`,
      });
    }
  }
  if (problems.length > 0 || credentials === undefined) {
    return err(invalid('The token cannot be created.', problems));
  }
  const now = deps.clock.now();
  const id = deps.secrets.id();
  const secret = deps.secrets.secret();
  const token: ApiToken = {
    id,
    userId: credentials.user.id,
    name: input.name,
    scopes: scopes as Role[],
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * 86_400_000),
    revokedAt: null,
  };
  await deps.store.addToken(token, deps.sha256(secret));
  await deps.audit.append({
    ...by,
    action: 'tokens.create',
    objectType: 'api-token',
    objectId: id,
    details: { user: input.username, scopes, expiresAt: token.expiresAt.toISOString() },
  });
  return ok({ token, secret: `cdn_${id}_${secret}` });
}

export async function revokeToken(
  deps: PeopleDeps,
  by: Actor,
  id: string,
): Promise<Result<void, CordonError>> {
  if (!(await deps.store.revokeToken(id, deps.clock.now()))) {
    return err(cordonError('CORDON_NOT_FOUND', `No active API token has id ${id}.`));
  }
  await deps.audit.append({
    ...by,
    action: 'tokens.revoke',
    objectType: 'api-token',
    objectId: id,
  });
  return ok(undefined);
}

/**
 * On an empty store, creates the licensing authority and its first administrator. The password is
 * taken from `password` (an environment variable for unattended installs) or generated, and
 * returned so that the caller prints it once. Does nothing when any user exists.
 */
export async function bootstrapAdministrator(
  deps: PeopleDeps,
  input: { readonly password?: string | undefined; readonly country?: string | undefined },
): Promise<
  Result<{ readonly username: string; readonly password?: string } | undefined, CordonError>
> {
  if ((await deps.store.countUsers()) > 0) return ok(undefined);
  const by: Actor = { actor: 'system' };
  const organisation = await addOrganisation(deps, by, {
    name: 'Licensing authority',
    kind: 'licensing-authority',
    country: input.country ?? 'GB',
  });
  if (!organisation.ok) return organisation;
  const added = await addUser(deps, by, {
    username: 'admin',
    displayName: 'First administrator',
    organisationId: organisation.value.id,
    roles: ['administrator', 'auditor'],
    ...(input.password === undefined ? {} : { password: input.password }),
  });
  if (!added.ok) return added;
  return ok(
    added.value.generatedPassword === undefined
      ? { username: 'admin' }
      : { username: 'admin', password: added.value.generatedPassword },
  );
}
