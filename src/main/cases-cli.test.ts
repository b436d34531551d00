import { describe, expect, it } from 'vitest';
import { caseSettingsFrom } from './cases-cli.ts';
import { createCliContext } from './cli-context.ts';

const quiet = { stdout: () => undefined, stderr: () => undefined, isTty: false };

describe(caseSettingsFrom.name, () => {
  it('gives letters the address of the port the server listens on when no public URL is set', async () => {
    const context = createCliContext({}, process.cwd(), 'test', quiet);
    expect(await caseSettingsFrom(context, 9443)).toMatchObject({
      ok: true,
      value: { letters: { publicUrl: 'http://localhost:9443' } },
    });
  });

  it('keeps CORDON_PUBLIC_URL when it is set, whatever the port', async () => {
    const env = { CORDON_PUBLIC_URL: 'https://licences.example.gov' };
    const context = createCliContext(env, process.cwd(), 'test', quiet);
    expect(await caseSettingsFrom(context, 9443)).toMatchObject({
      ok: true,
      value: { letters: { publicUrl: 'https://licences.example.gov' } },
    });
  });
});
