import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import {
  cordonError,
  errorCatalogue,
  type CordonError,
  type ErrorCode,
  type FieldProblem,
} from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';

/** A `cordon serve` holding an embedded data directory, found from its lock file. */
export interface RunningServer {
  readonly url: string;
  readonly pid: number;
}

/**
 * The server that holds the embedded data directory now, if one does and listens: read from the
 * lock file it keeps there (`cordon.lock`, with the address it announced). Undefined on
 * PostgreSQL (any number of processes share it) and when no live server on this host holds it.
 */
export function runningServer(config: Config): RunningServer | undefined {
  if (config.database.engine !== 'embedded') return undefined;
  let owner: { pid?: unknown; hostname?: unknown; command?: unknown; url?: unknown };
  try {
    owner = JSON.parse(
      fs.readFileSync(path.join(config.database.dataDir, 'cordon.lock'), 'utf8'),
    ) as typeof owner;
  } catch {
    return undefined;
  }
  const { pid, hostname, url } = owner;
  if (typeof pid !== 'number' || typeof url !== 'string' || hostname !== os.hostname()) {
    return undefined;
  }
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return { url, pid };
}

/** What the CLI asks a running server's API (a read: screening, list status, an assessment). */
export interface ServerRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

/**
 * Asks the server holding the data directory, authenticated as the user whose API token is in
 * CORDON_TOKEN, so the server's own access rules apply to the CLI's question. Without a token,
 * the error says exactly how to go on.
 */
export async function askRunningServer(
  server: RunningServer,
  token: string | undefined,
  command: string,
  request: ServerRequest,
): Promise<Result<unknown, CordonError>> {
  if (token === undefined || token === '') {
    return err(
      cordonError(
        'CORDON_DATA_DIR_LOCKED',
        `The data directory is held by \`cordon serve\` (pid ${server.pid}) at ${server.url}. ` +
          `To run \`${command}\` through that server's API, set CORDON_TOKEN to an API token ` +
          '(create one in the web UI under API tokens, or with `cordon tokens create` while the server is stopped) ' +
          `and run the command again; or ask the API directly: curl -H "Authorization: Bearer $CORDON_TOKEN" ` +
          `${request.method === 'POST' ? `-H 'content-type: application/json' -d '${JSON.stringify(request.body)}' ` : ''}${server.url}${request.path}`,
      ),
    );
  }
  let response: Response;
  try {
    response = await fetch(new URL(request.path, server.url), {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return err(
      cordonError(
        'CORDON_DATA_DIR_LOCKED',
        `The data directory is held by \`cordon serve\` (pid ${server.pid}), but its API at ${server.url} did not answer: ${error instanceof Error ? error.message : String(error)}.`,
      ),
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return ok(body);
  const problem = (
    body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined
  )?.error;
  const message = typeof problem?.message === 'string' ? problem.message : response.statusText;
  // The server's own code (a field it refused, say) when it is one of ours, with its fields.
  const code =
    typeof problem?.code === 'string' && Object.hasOwn(errorCatalogue, problem.code)
      ? (problem.code as ErrorCode)
      : response.status === 401
        ? 'CORDON_UNAUTHENTICATED'
        : response.status === 403
          ? 'CORDON_FORBIDDEN'
          : 'CORDON_INTERNAL';
  return err(
    cordonError(
      code,
      `The server at ${server.url} answered ${response.status}: ${message}`,
      Array.isArray(problem?.fields) ? (problem.fields as FieldProblem[]) : undefined,
    ),
  );
}

/**
 * The error of a read-only command that a running server cannot answer for the CLI (no API
 * counterpart, or an option the API does not take): it names the server and says how to go on.
 */
export function notThroughServer(server: RunningServer, command: string, why: string): CordonError {
  return cordonError(
    'CORDON_DATA_DIR_LOCKED',
    `The data directory is held by \`cordon serve\` (pid ${server.pid}) at ${server.url}, and \`${command}\` ` +
      `cannot go through its API: ${why}. Stop the server (kill ${server.pid}), run the command, and start the server again.`,
  );
}
