import { splitEnrolmentCode } from '../../domain/people/grant-request.ts';
import { passwordProblems } from '../../domain/people/password-policy.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  backedOff,
  countSignInFailure,
  signInBackoff,
  type SignInRefusal,
} from './authenticate.ts';
import { constantTimeEqual } from './constant-time-equal.ts';
import type { PeopleDeps } from './people-deps.ts';

/**
 * A person sets their own first password (or a new one after a reset) with the enrolment code the
 * two administrators who approved it each gave half of. An unknown user, a wrong or expired code
 * all get the same answer, and count towards the back-off; only with a valid code is a weak
 * password named. The code is used up.
 */
export async function enrolWithCode(
  deps: PeopleDeps,
  input: {
    readonly username: string;
    readonly code: string;
    readonly newPassword: string;
    readonly address: string;
    readonly requestId?: string;
  },
): Promise<Result<void, SignInRefusal | CordonError>> {
  const backoff = await signInBackoff(deps, input.username, input.address);
  if (backoff.until !== undefined) return err(backedOff(backoff.until));
  const credentials = await deps.store.findCredentials(input.username);
  const enrolment =
    credentials === undefined
      ? undefined
      : await deps.credentials.findEnrolment(credentials.user.id);
  const halves = splitEnrolmentCode(input.code);
  const valid =
    credentials !== undefined &&
    !credentials.user.disabled &&
    enrolment !== undefined &&
    enrolment.expiresAt > deps.clock.now() &&
    halves !== undefined &&
    constantTimeEqual(deps.sha256(halves.requesterHalf), enrolment.requesterHalfHash) &&
    constantTimeEqual(deps.sha256(halves.approverHalf), enrolment.approverHalfHash);
  if (!valid) {
    await countSignInFailure(deps, backoff.key);
    return err(
      cordonError('CORDON_UNAUTHENTICATED', 'Unknown username, or the code is wrong or expired.'),
    );
  }
  const problems = passwordProblems(
    input.newPassword,
    { username: credentials.user.username, displayName: credentials.user.displayName },
    deps.commonPasswords,
  );
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
    { mustChange: false },
  );
  await deps.audit.append({
    actor: `user:${credentials.user.username}`,
    action: 'auth.enrolled',
    objectType: 'user',
    objectId: credentials.user.username,
    requestId: input.requestId,
  });
  return ok(undefined);
}
