import {
  maxStoredProblems,
  snapshotIdOf,
  type ListSnapshot,
  type SnapshotProblem,
} from '../../domain/lists/list-snapshot.ts';
import { truncationEvidence, type ShrinkPolicy } from '../../domain/lists/shrink-guard.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContentHasher } from '../ports/content-hasher.ts';
import type { ListFile, ListParser } from '../ports/list-parser.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import { guardShrink } from './guard-shrink.ts';

export interface ImportRequest {
  readonly source: string;
  readonly files: readonly ListFile[];
  /**
   * Refuse the whole import when any row had to be skipped, also when the same files were imported
   * before (their snapshot's skipped rows count).
   */
  readonly strict: boolean;
  /** The data date when the files do not state one (YYYY-MM-DD); one of the two is required. */
  readonly dataDate?: string;
  /**
   * Why an import that removes more than the deployment's share of the active entries, or looks
   * truncated, is intended (`--allow-shrink "<reason>"`); recorded in the audit trail.
   */
  readonly allowShrink?: string;
  /** Who imports, for the audit trail (`user:<name>`, `cli:<os user>`, `system`). */
  readonly actor?: string;
  readonly requestId?: string;
  readonly provenance: string;
  readonly importerVersion: string;
}

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly snapshot: ListSnapshot }
  /** The same files were imported before: nothing is duplicated; the earlier snapshot is active again. */
  | { readonly kind: 'unchanged'; readonly snapshot: ListSnapshot; readonly reactivated: boolean };

/** A failed import: nothing was written. `problems` name the file and line or element. */
export interface ImportFailure extends CordonError {
  readonly problems: readonly SnapshotProblem[];
}

export interface ImportDeps {
  readonly store: ListSnapshotStore;
  readonly parse: ListParser;
  readonly hasher: ContentHasher;
  readonly clock: Clock;
  /** Told when the files are parsed and the snapshot is about to be written (for progress lines). */
  readonly onParsed?: (facts: { readonly entries: number; readonly skipped: number }) => void;
  /** How much of the active list an import may remove without a reason (default 10%). */
  readonly shrinkPolicy?: ShrinkPolicy;
  /** Where an allowed shrink is recorded with its reason; absent, it is not recorded. */
  readonly audit?: AuditLog;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a real day (not 2026-02-31). */
const isCalendarDate = (value: string): boolean => {
  if (!datePattern.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

/**
 * Imports the files of one list source as a new immutable snapshot and activates it, in one
 * transaction. Importing the same files again is detected by their content hash and creates
 * nothing. A file that cannot be read fails the import and leaves the active snapshot as it was;
 * rows that cannot be read are skipped and reported (or, with `strict`, fail the import, also on
 * a re-upload). An import that would remove more than the policy's share of the active entries,
 * or whose files look cut short, is refused unless `allowShrink` gives a reason (then audited).
 * The data date comes from the files or the request: never invented.
 */
export async function importListSnapshot(
  request: ImportRequest,
  deps: ImportDeps,
): Promise<Result<ImportOutcome, ImportFailure>> {
  if (request.files.length === 0) {
    return err(failure('CORDON_LIST_IMPORT_FAILED', 'No files to import.', []));
  }
  if (request.dataDate !== undefined && !isCalendarDate(request.dataDate)) {
    return err({
      ...cordonError(
        'CORDON_VALIDATION_FAILED',
        `dataDate must be a date YYYY-MM-DD, got "${request.dataDate}".`,
        [{ field: 'dataDate', problem: 'must be a date YYYY-MM-DD' }],
      ),
      problems: [],
    });
  }
  // Parsers and reports see base names: `alt.csv`, not the folder it was uploaded from.
  const named = request.files.map((file) => ({ name: baseName(file.name), bytes: file.bytes }));
  const files = named
    .map((file) => ({
      name: file.name,
      sha256: deps.hasher.sha256(file.bytes),
      bytes: file.bytes.byteLength,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const contentHash = deps.hasher.sha256(
    `${request.source}\n${files.map((f) => `${f.name} ${f.sha256}`).join('\n')}`,
  );

  const existing = await deps.store.findByContentHash(request.source, contentHash);
  if (existing !== undefined) {
    if (request.strict && existing.skippedCount > 0) {
      const first = existing.problems[0];
      return err(
        failure(
          'CORDON_LIST_IMPORT_FAILED',
          `Refused (--strict): these files were imported before as ${existing.id} with ${String(existing.skippedCount)} row(s) that could not be read${first ? `, the first: ${describeProblem(first)}` : ''}.`,
          existing.problems,
        ),
      );
    }
    const active = (await deps.store.activeSnapshots()).find((a) => a.source === request.source);
    const reactivated = active?.snapshot.id !== existing.id;
    if (reactivated) {
      const guarded = await guardShrink(
        deps,
        {
          source: request.source,
          newIds: new Set((await deps.store.entries(existing.id)).map((e) => e.entityId)),
          truncation: truncationEvidence(named, existing.problems),
          into: existing.id,
          action: 'lists.import',
        },
        request,
      );
      if (!guarded.ok) return err({ ...guarded.error, problems: existing.problems });
      await deps.store.activate(existing.id);
    }
    return ok({ kind: 'unchanged', snapshot: existing, reactivated });
  }

  const parsed = deps.parse(request.source, named);
  if (!parsed.ok) {
    const first = parsed.error.problems[0];
    return err(
      failure(
        'CORDON_LIST_IMPORT_FAILED',
        `Cannot import ${request.source}: ${first ? describeProblem(first) : 'the files could not be read'}.`,
        parsed.error.problems,
      ),
    );
  }
  const { records, skipped } = parsed.value;
  const firstSkipped = skipped[0];
  if (request.strict && firstSkipped !== undefined) {
    return err(
      failure(
        'CORDON_LIST_IMPORT_FAILED',
        `Refused (--strict): ${skipped.length} row(s) could not be read, the first: ${describeProblem(firstSkipped)}.`,
        skipped,
      ),
    );
  }
  if (records.length === 0) {
    return err(
      failure(
        'CORDON_LIST_IMPORT_FAILED',
        `Cannot import ${request.source}: the files hold no entries.`,
        skipped,
      ),
    );
  }

  const importedAt = deps.clock.now();
  const dataDate = parsed.value.dataDate ?? request.dataDate;
  if (dataDate === undefined) {
    return err({
      ...cordonError(
        'CORDON_VALIDATION_FAILED',
        `The files of ${request.source} do not state the date their data is as of: give it (dataDate, --data-date YYYY-MM-DD).`,
        [{ field: 'dataDate', problem: 'is required: the files state no data date' }],
      ),
      problems: [],
    });
  }
  if (dataDate > importedAt.toISOString().slice(0, 10)) {
    return err({
      ...cordonError('CORDON_VALIDATION_FAILED', `The data date ${dataDate} is in the future.`, [
        { field: 'dataDate', problem: 'must not be after today' },
      ]),
      problems: [],
    });
  }
  const guarded = await guardShrink(
    deps,
    {
      source: request.source,
      newIds: new Set(records.map((r) => r.entityId)),
      truncation: truncationEvidence(named, skipped),
      into: snapshotIdOf(request.source, dataDate, contentHash),
      action: 'lists.import',
    },
    request,
  );
  if (!guarded.ok) return err({ ...guarded.error, problems: skipped });
  deps.onParsed?.({ entries: records.length, skipped: skipped.length });
  const snapshot: ListSnapshot = {
    id: snapshotIdOf(request.source, dataDate, contentHash),
    source: request.source,
    dataDate,
    importedAt,
    contentHash,
    files,
    entryCount: records.length,
    skippedCount: skipped.length,
    problems: skipped.slice(0, maxStoredProblems),
    importerVersion: request.importerVersion,
    provenance: request.provenance,
  };
  await deps.store.saveAndActivate(snapshot, records);
  return ok({ kind: 'imported', snapshot });
}

/** One line naming where a problem is: `alt.csv line 12: ...` or `part744.xml <TR> 31: ...`. */
export function describeProblem(problem: SnapshotProblem): string {
  const where = [
    problem.file,
    problem.line !== undefined ? `line ${problem.line}` : undefined,
    problem.element,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  return `${where}: ${problem.message}`;
}

const failure = (
  code: ImportFailure['code'],
  message: string,
  problems: readonly SnapshotProblem[],
): ImportFailure => ({ ...cordonError(code, message), problems });

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;
