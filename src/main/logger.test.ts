import { describe, expect, it } from 'vitest';
import { prettyLogLine, serverLoggerOptions } from './logger.ts';

describe(prettyLogLine.name, () => {
  it('shows a request log as time, level, message, request and the other fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 0, 2, 12, 0, 1),
      pid: 1,
      hostname: 'h',
      reqId: 'req-1',
      req: { method: 'GET', url: '/v1/lists/status' },
      res: { statusCode: 200 },
      responseTime: 3.14159,
      msg: 'request completed',
    });
    expect(prettyLogLine(line)).toBe(
      '12:00:01  INFO   request completed  GET /v1/lists/status 200 3.1 ms  reqId=req-1\n',
    );
  });

  it('keeps extra fields and passes a line that is not JSON through', () => {
    expect(prettyLogLine(JSON.stringify({ level: 50, msg: 'failed', code: 'X' }))).toBe(
      'ERROR  failed  code=X\n',
    );
    expect(prettyLogLine('plain text\n')).toBe('plain text\n');
  });
});

describe(serverLoggerOptions.name, () => {
  it('writes JSON lines when the output is not a terminal, readable lines when it is', () => {
    const written: string[] = [];
    const output = { write: (text: string) => written.push(text) };
    expect(serverLoggerOptions('info', { ...output, isTTY: false })).toEqual({
      level: 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    });
    const options = serverLoggerOptions('info', { ...output, isTTY: true }) as {
      stream: { write(line: string): void };
    };
    options.stream.write(JSON.stringify({ level: 40, msg: 'slow' }));
    expect(written).toEqual(['WARN   slow\n']);
  });
});
