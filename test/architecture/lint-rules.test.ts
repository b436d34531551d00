import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { architectureRules } from '../../eslint/architecture.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) =>
  fs.readFileSync(path.join(root, 'test/fixtures/lint', name), 'utf8');

/** Lints `code` as if it lived at `filePath`, with the project's architecture rules only. */
async function lintAs(filePath: string, code: string) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: (await import('typescript-eslint')).parser },
      },
      ...architectureRules,
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result?.messages.map((m) => `${m.ruleId ?? ''}: ${m.message}`) ?? [];
}

describe('the dependency-direction lint rules', () => {
  it('fail a domain file that imports an adapter, node:*, an I/O library, the clock or randomness', async () => {
    const messages = await lintAs(
      'src/domain/screening/broken.ts',
      fixture('domain-imports-adapter.ts'),
    );
    const rules = messages.map((m) => m.split(':')[0]);
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
    expect(rules).toContain('no-restricted-properties');
    expect(rules).toContain('no-restricted-syntax');
    expect(rules).toContain('no-restricted-globals');
    expect(messages.join('\n')).toContain('main -> adapters -> application -> domain');
  });

  it('pass a pure domain file', async () => {
    expect(await lintAs('src/domain/screening/fine.ts', fixture('domain-pure.ts'))).toEqual([]);
  });

  it('fail an application file that imports an adapter', async () => {
    const messages = await lintAs(
      'src/application/screening/screen.ts',
      "import { buildApp } from '../../adapters/http/build-app.ts';\nexport const x = buildApp;\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('fail an adapter that imports the composition root', async () => {
    const messages = await lintAs(
      'src/adapters/http/x.ts',
      "import { startServer } from '../../main/server.ts';\nexport const x = startServer;\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('fail contracts that import the application, and web code that imports an adapter', async () => {
    expect(
      await lintAs(
        'src/contracts/x.ts',
        "import { a } from '../application/assessment/assess-application.ts';\nexport const x = a;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lintAs(
        'web/src/x.ts',
        "import { a } from '../../src/adapters/http/build-app.ts';\nexport const x = a;\n",
      ),
    ).toHaveLength(1);
  });

  it('let contracts build on the enumerations of the pure domain', async () => {
    expect(
      await lintAs(
        'src/contracts/x.ts',
        "import { partyRoles } from '../domain/classification/licence-query.ts';\nexport const x = partyRoles;\n",
      ),
    ).toEqual([]);
  });

  it('let web code import the contracts', async () => {
    expect(
      await lintAs(
        'web/src/x.ts',
        "import { a } from '../../src/contracts/health.ts';\nexport const x = a;\n",
      ),
    ).toEqual([]);
  });
});
