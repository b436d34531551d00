import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/cordon.js');

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cordon ARGS` to completion in a child process. */
export function runCordon(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Finished> {
  return runProcess(process.execPath, [bin, ...args], { LOG_LEVEL: 'warn', ...env });
}

/** Runs `cordon ARGS` and returns its standard output; a non-zero exit throws with its stderr. */
export async function cordonOutput(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  const r = await runCordon(args, env);
  if (r.code !== 0) throw new Error(`cordon ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Runs a command to completion from the repository root, collecting its output. */
export function runProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** A `cordon serve` child process, once it listens. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `cordon serve --port 0` and waits for the line that says where it listens. */
export function startCordonServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  extraArgs: readonly string[] = [],
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...extraArgs], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    const exited = new Promise<number | null>((done) =>
      child.on('exit', (code) => {
        done(code);
      }),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cordon serve did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`cordon serve exited with ${code} before listening:\n${output}`));
    });
  });
}
