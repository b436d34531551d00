import type { Migration } from 'kysely';
import * as instance from './2026-11-22-0001-instance.ts';
import * as listSnapshots from './2026-11-22-0002-list-snapshots.ts';

/**
 * Every migration, in order. Listed by hand rather than read from the folder so that the same list
 * serves the CLI, the server, the tests and a bundled build. Names sort in the order they run;
 * never rename or edit a migration that has shipped: add a new one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-22-0001-instance': instance,
  '2026-11-22-0002-list-snapshots': listSnapshots,
};
