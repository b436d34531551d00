import {
  actorOf,
  effectiveRoles,
  type ApiToken,
  type Principal,
} from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import { createToken } from './manage-people.ts';
import type { PeopleDeps } from './people-deps.ts';

/**
 * A person creates an API token that acts as themselves, within the roles they act under now (a
 * token cannot mint a token wider than itself). Nobody, administrators included, mints a token
 * acting as someone else.
 */
export async function createOwnToken(
  deps: PeopleDeps,
  principal: Principal,
  input: {
    readonly username?: string;
    readonly name: string;
    readonly scopes?: readonly string[];
    readonly days?: number;
  },
  requestId?: string,
): Promise<Result<{ readonly token: ApiToken; readonly secret: string }, CordonError>> {
  if (input.username !== undefined && input.username !== principal.username) {
    return err(
      cordonError(
        'CORDON_FORBIDDEN',
        'A token acts as the person who creates it: nobody mints tokens for someone else.',
        [{ field: 'username', problem: `must be your own (${principal.username}) or left out` }],
      ),
    );
  }
  const allowed = effectiveRoles(principal);
  const scopes = input.scopes ?? allowed;
  const wider = scopes.filter((s) => !(allowed as readonly string[]).includes(s));
  if (wider.length > 0) {
    return err(
      cordonError('CORDON_FORBIDDEN', 'A token cannot carry roles you do not act under now.', [
        { field: 'scopes', problem: `${wider.join(', ')} not among ${allowed.join(', ')}` },
      ]),
    );
  }
  return createToken(
    deps,
    { actor: actorOf(principal), requestId },
    {
      username: principal.username,
      name: input.name,
      scopes,
      ...(input.days === undefined ? {} : { days: input.days }),
    },
  );
}
