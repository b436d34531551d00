import { passwordProblems } from '../../domain/people/password-policy.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  backedOff,
  countSignInFailure,
  signInBackoff,
  type SignInRefusal,
} from './authenticate.ts';
import type { PeopleDeps } from './people-deps.ts';

/**
 * A person changes their own password, proving the current one (a stolen session alone cannot).
 * The new one must pass the password policy; the person's other sessions end (the one they use
 * stays when `keepSessionHash` names it), and the forced change, if any, is done.
 */
export async function changePassword(
  deps: PeopleDeps,
  input: {
    readonly username: string;
    readonly currentPassword: string;
    readonly newPassword: string;
    /** The client address (HTTP) or `cli`, for the back-off of wrong current passwords. */
    readonly address: string;
    readonly keepSessionHash?: string;
    /** Who is acting, for the audit trail (`user:<name>`, or `cli:<os user>`). */
    readonly actor: string;
    readonly requestId?: string;
  },
): Promise<Result<void, SignInRefusal | CordonError>> {
  const backoff = await signInBackoff(deps, input.username, input.address);
  if (backoff.until !== undefined) return err(backedOff(backoff.until));
  const credentials = await deps.store.findCredentials(input.username);
  const matches =
    credentials?.passwordHash != null &&
    (await deps.passwords.verify(input.currentPassword, credentials.passwordHash));
  if (credentials === undefined || !matches || credentials.user.disabled) {
    await countSignInFailure(deps, backoff.key);
    return err(
      cordonError('CORDON_UNAUTHENTICATED', 'The current password is wrong.', [
        { field: 'currentPassword', problem: 'is not your current password' },
      ]),
    );
  }
  const problems = passwordProblems(
    input.newPassword,
    { username: credentials.user.username, displayName: credentials.user.displayName },
    deps.commonPasswords,
  );
  if (input.newPassword === input.currentPassword)
    problems.push('must differ from the current one');
  if (problems.length > 0) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        'The new password is not acceptable.',
        problems.map((problem) => ({ field: 'newPassword', problem })),
      ),
    );
  }
  await deps.loginFailures.clear(backoff.key);
  await deps.credentials.setPassword(
    credentials.user.id,
    await deps.passwords.hash(input.newPassword),
    {
      mustChange: false,
      ...(input.keepSessionHash === undefined ? {} : { keepSessionHash: input.keepSessionHash }),
    },
  );
  await deps.audit.append({
    actor: input.actor,
    action: 'auth.password-changed',
    objectType: 'user',
    objectId: credentials.user.username,
    requestId: input.requestId,
    details: credentials.user.mustChangePassword ? { forcedChangeDone: true } : {},
  });
  return ok(undefined);
}
