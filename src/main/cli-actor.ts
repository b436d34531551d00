import os from 'node:os';

/** Whoever runs the CLI on the store's machine acts as `cli:<OS user>` in the audit trail. */
export function cliActor(): string {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return `cli:${name}`;
}
