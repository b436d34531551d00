import { passwordProblems } from '../../domain/people/password-policy.ts';
import {
  commenterOrganisationKinds,
  type CommenterOrganisationKind,
  type User,
} from '../../domain/people/people.ts';
import {
  publicConsultationLimits,
  publicConsultationStatus,
  textProblem,
} from '../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { PeopleDeps } from '../people/people-deps.ts';
import type { PublicConsultationStore } from '../ports/public-consultation-store.ts';

/** A person of the public asking for a commenter account. */
export interface CommenterRegistration {
  readonly username: string;
  readonly password: string;
  /** Kept internal; published only if they choose to, comment by comment. */
  readonly displayName: string;
  readonly kind: string;
}

/** The shared organisation of each kind of commenter (one per kind, created on first use). */
export const commenterOrganisationId = (kind: CommenterOrganisationKind): string =>
  `org-public-${kind}`;

const organisationNames: Readonly<Record<CommenterOrganisationKind, string>> = {
  industry: 'Public commenters: industry',
  academia: 'Public commenters: academia',
  'civil-society': 'Public commenters: civil society',
};

/**
 * Self-registration of a commenter: open to anyone while at least one public consultation is
 * open (the door is shut otherwise), and only ever to the `commenter` role in the shared
 * organisation of the chosen kind (industry, academia, civil society), which sees no case,
 * screening, assessment or person. No e-mail address is asked for or verified; the name is kept
 * internal. The password rules apply as for anyone; the route is rate limited per address.
 * Audited.
 */
export async function registerPublicConsultationCommenter(
  deps: PeopleDeps & { readonly consultations: PublicConsultationStore; readonly country: string },
  input: CommenterRegistration,
  requestId?: string,
): Promise<Result<User, CordonError>> {
  const now = deps.clock.now();
  const open = (await deps.consultations.listConsultations()).some(
    (c) => publicConsultationStatus(c, now) === 'open',
  );
  if (!open) {
    return err(
      cordonError(
        'CORDON_PUBLIC_CONSULTATION_NOT_NOW',
        'Registration is open only while a public consultation is open, and none is.',
      ),
    );
  }
  const problems: FieldProblem[] = [];
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username)) {
    problems.push({
      field: 'username',
      problem: '2-64 characters: lower-case letters, digits, dot, underscore or hyphen',
    });
  }
  const name = textProblem(input.displayName, publicConsultationLimits.nameChars);
  if (name !== undefined) problems.push({ field: 'displayName', problem: name });
  const kind = commenterOrganisationKinds.find((k) => k === input.kind);
  if (kind === undefined) {
    problems.push({
      field: 'kind',
      problem: `must be one of ${commenterOrganisationKinds.join(', ')}`,
    });
  }
  problems.push(
    ...passwordProblems(
      input.password,
      { username: input.username, displayName: input.displayName },
      deps.commonPasswords,
    ).map((problem) => ({ field: 'password', problem })),
  );
  if (problems.length > 0 || kind === undefined) {
    return err(cordonError('CORDON_VALIDATION_FAILED', 'The registration is not valid.', problems));
  }
  const organisationId = await commenterOrganisation(deps, kind);
  const user: User = {
    id: `usr-${deps.secrets.id()}`,
    username: input.username,
    displayName: input.displayName.trim(),
    organisationId,
    roles: ['commenter'],
    disabled: false,
    createdAt: now,
    mustChangePassword: false,
  };
  if (!(await deps.store.addUser(user, await deps.passwords.hash(input.password)))) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The registration is not valid.', [
        { field: 'username', problem: 'is already taken' },
      ]),
    );
  }
  await deps.audit.append({
    actor: `user:${user.username}`,
    action: 'public-consultation.register',
    objectType: 'user',
    objectId: user.username,
    requestId,
    details: { organisationId, roles: user.roles },
  });
  return ok(user);
}

/** The shared organisation of `kind`'s commenters, created (and audited) on first use. */
async function commenterOrganisation(
  deps: PeopleDeps & { readonly country: string },
  kind: CommenterOrganisationKind,
): Promise<string> {
  const id = commenterOrganisationId(kind);
  if ((await deps.store.getOrganisation(id)) !== undefined) return id;
  try {
    await deps.store.addOrganisation({
      id,
      name: organisationNames[kind],
      kind,
      country: deps.country,
      createdAt: deps.clock.now(),
    });
  } catch (error) {
    // Two first registrations at once: the other one created it.
    if ((await deps.store.getOrganisation(id)) !== undefined) return id;
    throw error;
  }
  await deps.audit.append({
    actor: 'system',
    action: 'orgs.add',
    objectType: 'organisation',
    objectId: id,
    details: { name: organisationNames[kind], kind, country: deps.country },
  });
  return id;
}
