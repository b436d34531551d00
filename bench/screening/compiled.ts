// The screening functions as Cordon runs them: the compiled JavaScript in dist/ (bin/build-cli.js;
// `cordon` and `cordon serve` run it, see bin/cordon.js), built first when it is missing or older
// than the sources. The speed figures are measured on these: through tsx's on-the-fly
// transpilation (bin/run-ts.js, which runs the benchmarks themselves), the same screening took
// about a third more CPU per name (0.21 against 0.155 ms per query, measured side by side): it
// keeps every function's name with a helper call each time a closure is created.
import { build, isFresh } from '../../bin/build-cli.js';
import type * as ScreeningIndexModule from '../../src/domain/screening/screening-index.ts';
import type * as ScreenNameModule from '../../src/domain/screening/screen-name.ts';
import type * as ScreenFileModule from '../../src/adapters/screening/screen-file.ts';

if (!isFresh()) await build();

const load = async <T>(file: string): Promise<T> =>
  (await import(new URL(`../../dist/${file}`, import.meta.url).href)) as T;

export const { buildScreeningIndex } = await load<typeof ScreeningIndexModule>(
  'domain/screening/screening-index.js',
);
export const { screenName } = await load<typeof ScreenNameModule>(
  'domain/screening/screen-name.js',
);
export const { screenFile } = await load<typeof ScreenFileModule>(
  'adapters/screening/screen-file.js',
);
