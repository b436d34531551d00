import type { FastifyServerOptions } from 'fastify';

/** Where the server's log goes: a terminal gets one readable line per event, anything else JSON. */
export interface LogOutput {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

const levelNames: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields of a pino line that the readable form shows in its own way (or not at all). */
const shownApart = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res']);

/**
 * One pino JSON line as a person reads it on a terminal:
 * `12:00:01 INFO  request completed  GET /v1/screenings 200 3.1 ms  reqId=req-1`.
 * A line that is not JSON is passed through unchanged.
 */
export function prettyLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time =
    typeof entry['time'] === 'number' ? new Date(entry['time']).toISOString().slice(11, 19) : '';
  const level = (levelNames[Number(entry['level'])] ?? String(entry['level'])).padEnd(5);
  const req = entry['req'] as { method?: string; url?: string } | undefined;
  const res = entry['res'] as { statusCode?: number } | undefined;
  const elapsed = entry['responseTime'];
  const request = [
    req?.method,
    req?.url,
    res?.statusCode,
    typeof elapsed === 'number' ? `${elapsed.toFixed(1)} ms` : undefined,
  ].filter((part) => part !== undefined);
  const rest = Object.entries(entry)
    .filter(([key]) => !shownApart.has(key) && key !== 'responseTime')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const reqId = entry['reqId'];
  if (typeof reqId === 'string' || typeof reqId === 'number') rest.push(`reqId=${reqId}`);
  const message = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  return `${[time, level, message, request.join(' '), rest.join(' ')].filter((p) => p !== '').join('  ')}\n`;
}

/**
 * The server's pino options: the configured level, credentials redacted, and readable lines when
 * the output is a terminal (JSON lines otherwise, for log collectors).
 */
export function serverLoggerOptions(
  level: string,
  output: LogOutput = process.stdout,
): NonNullable<FastifyServerOptions['logger']> {
  const redact = ['req.headers.authorization', 'req.headers.cookie'];
  if (output.isTTY !== true) return { level, redact };
  return {
    level,
    redact,
    stream: {
      write: (line: string) => {
        output.write(prettyLogLine(line));
      },
    },
  };
}
