// The dependency direction of Cordon, as lint rules: main -> adapters -> application -> domain.
// Each layer lists what it may not import. The rules are plain ESLint rules (no type information)
// so that test/architecture/lint-rules.test.ts can prove they bite on fixtures.
import { builtinModules } from 'node:module';

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Anchored regular expressions: a gitignore-style pattern such as `domain` (a Node built-in) would
// also match our own `../domain/...` paths.
const nodeBuiltins = `^(node:.*|(${builtinModules
  .filter((n) => !n.startsWith('_'))
  .map(escape)
  .join('|')})(/.*)?)$`;
const ioLibraries = `^(fastify|@fastify/.*|kysely(/.*)?|pg|pg-.*|@electric-sql/.*|pino(-.*)?|commander|cli-progress|jose|playwright-core)$`;

const message = (layer) =>
  `The ${layer} layer may not import this: dependencies point main -> adapters -> application -> domain (see ARCHITECTURE.md).`;
/** @param {string} layer @param {string[]} groups */
const forbid = (layer, groups) => ({ group: groups, message: message(layer) });
/** @param {string} layer @param {string} regex */
const forbidRegex = (layer, regex) => ({ regex, message: message(layer) });

// Tests sit beside the code but are not part of a layer: they may wire real adapters.
const testFiles = ['**/*.test.ts'];

const outer = (...names) => names.map((name) => `**/${name}/**`);

/** @type {import('eslint').Linter.Config[]} */
export const architectureRules = [
  {
    name: 'cordon/architecture/domain',
    files: ['src/domain/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('domain', outer('application', 'adapters', 'main', 'config', 'contracts')),
            forbidRegex('domain', nodeBuiltins),
            forbidRegex('domain', ioLibraries),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'fetch', 'setTimeout', 'setInterval', 'require', 'console'].map(
          (name) => ({ name, message: 'The domain is pure: pass this in through a port.' }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain reads no clock: take a Clock.' },
        { object: 'Math', property: 'random', message: 'The domain is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain reads no clock: take the time as an argument.',
        },
      ],
    },
  },
  {
    name: 'cordon/architecture/application',
    files: ['src/application/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('application', outer('adapters', 'main', 'config', 'contracts')),
            forbidRegex('application', nodeBuiltins),
            forbidRegex('application', ioLibraries),
          ],
        },
      ],
    },
  },
  {
    name: 'cordon/architecture/contracts',
    files: ['src/contracts/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // The pure domain defines each enumeration once; the contract builds its schemas on it.
            forbid('contracts', outer('application', 'adapters', 'main', 'config')),
            forbidRegex('contracts', nodeBuiltins),
            forbidRegex('contracts', ioLibraries),
          ],
        },
      ],
    },
  },
  {
    name: 'cordon/architecture/config',
    files: ['src/config/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [forbid('config', outer('application', 'adapters', 'main'))] },
      ],
    },
  },
  {
    name: 'cordon/architecture/adapters',
    files: ['src/adapters/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid('adapters', outer('main'))] }],
    },
  },
  {
    name: 'cordon/architecture/web',
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('web', ['**/src/domain/**', '**/src/application/**', '**/src/adapters/**']),
            forbid('web', ['**/src/main/**', '**/src/config/**']),
            forbidRegex('web', nodeBuiltins),
          ],
        },
      ],
    },
  },
];
