/** The database engines a test run covers, from CORDON_TEST_DATABASE (default: PGlite). */
export type TestEngine = 'pglite' | 'postgres';

export function testEngines(): readonly TestEngine[] {
  const raw = process.env['CORDON_TEST_DATABASE'] ?? 'pglite';
  const engines = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const engine of engines) {
    if (engine !== 'pglite' && engine !== 'postgres') {
      throw new Error(
        `CORDON_TEST_DATABASE: unknown engine "${engine}" (use pglite, postgres or both)`,
      );
    }
  }
  return engines as TestEngine[];
}

/** The PostgreSQL server the `postgres` engine creates its throwaway databases on. */
export const postgresAdminUrl = () =>
  process.env['CORDON_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
