import type { CordonError } from '../../domain/shared/errors.ts';

/** Where a command writes: injected so that tests capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

/** What a command produced: text for a person, and the same facts as JSON for `--json`. */
export interface CommandOutput {
  readonly text: string;
  readonly json: unknown;
}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** Prints a command's output in the form asked for. */
export function printOutput(io: CliIo, output: CommandOutput, json: boolean): void {
  io.stdout(json ? `${JSON.stringify(output.json, null, 2)}\n` : ensureNewline(output.text));
}

/** Prints an error as one clear line (or a JSON object with `--json`) on stderr; never a stack trace. */
export function printError(io: CliIo, error: CordonError, json: boolean): void {
  if (json) {
    io.stderr(`${JSON.stringify({ error })}\n`);
    return;
  }
  // A field whose problem the message already states (`"9Z999" is not a control entry id`) is
  // not repeated after it.
  const fields = (error.fields ?? []).filter((f) => !error.message.includes(f.problem));
  const details =
    fields.length > 0 ? `: ${fields.map((f) => `${f.field} ${f.problem}`).join('; ')}` : '';
  io.stderr(`cordon: ${error.message}${details}\n`);
}

/** The exit code for an error: 2 for usage and configuration mistakes, 1 for everything else. */
export const exitCodeFor = (error: CordonError): ExitCode =>
  error.code === 'CORDON_USAGE' || error.code === 'CORDON_CONFIG_INVALID'
    ? exitCodes.usage
    : exitCodes.failure;

const ensureNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
