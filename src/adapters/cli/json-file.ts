import fs from 'node:fs/promises';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/**
 * Reads a file named on the command line, or says why it cannot (`Cannot read x.csv: no such
 * file.`, `...: it is a folder.`).
 */
export async function readFileBytes(path: string): Promise<Result<Uint8Array, CordonError>> {
  try {
    return ok(new Uint8Array(await fs.readFile(path)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code);
    return err(cordonError('CORDON_FILE_UNREADABLE', `Cannot read ${path}: ${why}.`));
  }
}

/**
 * Reads a JSON file named on the command line. A file that is not JSON is refused with the line
 * and column of the first mistake (`item.json is not valid JSON: line 3, column 12: unexpected
 * "x"`), which `JSON.parse` alone does not always say.
 */
export async function readJsonFile(path: string): Promise<Result<unknown, CordonError>> {
  const bytes = await readFileBytes(path);
  if (!bytes.ok) return bytes;
  return parseJsonText(path, new TextDecoder().decode(bytes.value));
}

/** Parses JSON text, or says where it first goes wrong. */
export function parseJsonText(name: string, text: string): Result<unknown, CordonError> {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return ok(JSON.parse(source));
  } catch {
    const { offset, problem } = firstSyntaxError(source) ?? { offset: 0, problem: 'unreadable' };
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return err(
      cordonError(
        'CORDON_MALFORMED_REQUEST',
        `${name} is not valid JSON: line ${line}, column ${column}: ${problem}.`,
      ),
    );
  }
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** The offset and nature of the first syntax error in `text`, or undefined when it is valid JSON. */
export function firstSyntaxError(text: string): { offset: number; problem: string } | undefined {
  let i = 0;
  const fail = (problem: string): never => {
    throw new SyntaxAt(i, problem);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const found = () =>
    i >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text.charAt(i))}`;
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') i += 2;
      else if (c < ' ') fail('a line break or control character inside a string');
      else i++;
    }
    fail('a string is not closed');
  };
  const value = (): void => {
    space();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      space();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(i) !== '"') {
          fail(
            text.charAt(i) === '}'
              ? 'a trailing comma before "}"'
              : `expected a double-quoted property name, ${found()}`,
          );
        }
        string();
        space();
        if (text.charAt(i) !== ':') fail(`expected ":" after the property name, ${found()}`);
        i++;
        value();
        space();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') {
          i++;
          return;
        } else fail(`expected "," or "}", ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(i) === ']') fail('a trailing comma before "]"');
        value();
        space();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') {
          i++;
          return;
        } else fail(`expected "," or "]", ${found()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (number.test(text)) {
      i = number.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail(`expected a value, ${found()}`);
  };
  try {
    value();
    space();
    if (i < text.length) fail(`unexpected content after the JSON value, ${found()}`);
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxAt) return { offset: error.offset, problem: error.problem };
    throw error;
  }
}
