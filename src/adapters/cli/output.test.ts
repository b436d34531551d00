import { describe, expect, it } from 'vitest';
import { cordonError } from '../../domain/shared/errors.ts';
import { printError, type CliIo } from './output.ts';

function capture() {
  const errors: string[] = [];
  const io: CliIo = { stdout: () => undefined, stderr: (t) => errors.push(t), isTty: false };
  return { io, errors };
}

describe(printError.name, () => {
  it('names each field after the message', () => {
    const { io, errors } = capture();
    printError(
      io,
      cordonError('CORDON_CONFIG_INVALID', 'Invalid configuration', [
        { field: 'PORT', problem: 'must be a number' },
      ]),
      false,
    );
    expect(errors).toEqual(['cordon: Invalid configuration: PORT must be a number\n']);
  });

  it('does not repeat a problem the message already states', () => {
    const { io, errors } = capture();
    const problem = '"9Z999" is not a control entry id (expected e.g. 5A001.j)';
    printError(
      io,
      cordonError('CORDON_VALIDATION_FAILED', problem, [{ field: 'id', problem }]),
      false,
    );
    expect(errors).toEqual([`cordon: ${problem}\n`]);
  });
});
