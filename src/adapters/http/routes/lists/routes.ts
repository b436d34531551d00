import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { diffListSnapshots } from '../../../../application/lists/diff-list-snapshots.ts';
import { getListStatus } from '../../../../application/lists/get-list-status.ts';
import {
  describeProblem,
  type ImportFailure,
  type ImportOutcome,
  type ImportRequest,
} from '../../../../application/lists/import-list-snapshot.ts';
import type { Clock } from '../../../../application/ports/clock.ts';
import type { ListSnapshotStore } from '../../../../application/ports/list-snapshot-store.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import {
  ListEntriesQuerySchema,
  ListEntriesResponseSchema,
  ListImportResponseSchema,
  ListSnapshotSchema,
  ListStatusResponseSchema,
  SnapshotDiffResponseSchema,
} from '../../../../contracts/lists.ts';
import { listSources } from '../../../../domain/lists/list-source.ts';
import type { ListSnapshot } from '../../../../domain/lists/list-snapshot.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import type { Result } from '../../../../domain/shared/result.ts';
import { sendError } from '../../errors.ts';
import { listedPartyJson } from '../../listed-party-json.ts';
import type { RouteAccess } from '../../route-access.ts';

export interface ListsRouteDeps {
  readonly store: ListSnapshotStore;
  readonly clock: Clock;
  /** The import use case, wired with its parser and hasher; refreshes screening when it activates a snapshot. */
  readonly importSnapshot: (
    request: Omit<ImportRequest, 'importerVersion'>,
  ) => Promise<Result<ImportOutcome, ImportFailure>>;
  /** Largest file accepted by `POST /v1/lists/import`. */
  readonly maxFileBytes: number;
}

const everyone: RouteAccess = {
  roles: ['exporter', 'caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const administrators: RouteAccess = { roles: ['administrator'] };

const snapshotJson = (s: ListSnapshot) => ({
  ...s,
  importedAt: s.importedAt.toISOString(),
  files: [...s.files],
  problems: [...s.problems],
});

/** `/v1/lists`: list sources and snapshots, browsing, diffs, and imports by administrators. */
export const listsRoutes: FastifyPluginAsyncTypebox<ListsRouteDeps> = async (app, deps) => {
  await app.register(import('@fastify/multipart'), {
    limits: { fileSize: deps.maxFileBytes, files: 10, fields: 10 },
  });

  app.get(
    '/lists',
    {
      config: { access: everyone },
      schema: {
        tags: ['lists'],
        summary: 'Every list source with its active snapshot, data date, age and entry count',
        response: { 200: ListStatusResponseSchema },
      },
    },
    async () => {
      const status = await getListStatus(deps.store, deps.clock);
      return {
        sources: status.map((s) => ({
          source: s.source,
          name: s.name,
          authority: s.authority,
          active: s.active ? snapshotJson(s.active) : null,
          activatedAt: s.activatedAt?.toISOString() ?? null,
          dataDate: s.active?.dataDate ?? null,
          ageDays: s.ageDays ?? null,
          entryCount: s.active?.entryCount ?? 0,
          snapshotCount: s.snapshotCount,
        })),
      };
    },
  );

  app.get(
    '/lists/:source/snapshots',
    {
      config: { access: everyone },
      schema: {
        tags: ['lists'],
        summary: 'Every stored snapshot of one source, newest first',
        params: Type.Object({ source: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Object({ snapshots: Type.Array(ListSnapshotSchema) }) },
      },
    },
    async (request) => ({
      snapshots: (await deps.store.listSnapshots(request.params.source)).map(snapshotJson),
    }),
  );

  app.get(
    '/lists/:source/entries',
    {
      config: { access: everyone },
      schema: {
        tags: ['lists'],
        summary: 'Browse the active snapshot of a source by name',
        params: Type.Object({ source: Type.String({ maxLength: 100 }) }),
        querystring: ListEntriesQuerySchema,
        response: { 200: ListEntriesResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const active = (await deps.store.activeSnapshots()).find(
        (a) => a.source === request.params.source,
      );
      if (!active) {
        return sendError(
          reply,
          cordonError(
            'CORDON_SNAPSHOT_NOT_FOUND',
            `No snapshot of ${request.params.source} is active.`,
          ),
        );
      }
      const { page, pageSize, query } = request.query;
      const found = await deps.store.browse(active.snapshot.id, query, {
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return {
        snapshot: active.snapshot.id,
        total: found.total,
        page,
        pageSize,
        entries: found.entries.map(listedPartyJson),
      };
    },
  );

  app.get(
    '/lists/:snapshot/diff/:other',
    {
      config: { access: everyone },
      schema: {
        tags: ['lists'],
        summary:
          'Entries added, removed and changed from one snapshot to another of the same source',
        params: Type.Object({
          snapshot: Type.String({ maxLength: 200 }),
          other: Type.String({ maxLength: 200 }),
        }),
        response: {
          200: SnapshotDiffResponseSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const diff = await diffListSnapshots(
        deps.store,
        request.params.snapshot,
        request.params.other,
      );
      if (!diff.ok) return sendError(reply, diff.error);
      const d = diff.value;
      return {
        before: snapshotJson(d.before),
        after: snapshotJson(d.after),
        added: [...d.added],
        removed: [...d.removed],
        changed: d.changed.map((c) => ({
          ...c,
          fields: [...c.fields],
          namesAdded: [...c.namesAdded],
          namesRemoved: [...c.namesRemoved],
        })),
        unchangedCount: d.unchangedCount,
      };
    },
  );

  app.post(
    '/lists/import',
    {
      config: { access: administrators },
      schema: {
        tags: ['lists'],
        summary: 'Import uploaded list files as a new snapshot (multipart/form-data)',
        description:
          'Fields: `source` (a list source id), optional `strict` (true refuses any skipped row), optional `dataDate` (YYYY-MM-DD), optional `provenance`; then one or more files. All or nothing: on failure the previous snapshot stays active and the error lists each problem by file and line.',
        consumes: ['multipart/form-data'],
        response: {
          200: ListImportResponseSchema,
          201: ListImportResponseSchema,
          400: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return sendError(
          reply,
          cordonError(
            'CORDON_UNSUPPORTED_MEDIA_TYPE',
            'Send the list files as multipart/form-data.',
          ),
        );
      }
      const fields: Record<string, string> = {};
      const files: { name: string; bytes: Uint8Array }[] = [];
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const buffer = await part.toBuffer();
          files.push({ name: part.filename || part.fieldname, bytes: new Uint8Array(buffer) });
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      const problems = [
        ...(fields['source'] ? [] : [{ field: 'body.source', problem: 'is required' }]),
        ...(fields['source'] && !listSources.some((s) => s.id === fields['source'])
          ? [
              {
                field: 'body.source',
                problem: `must be one of ${listSources.map((s) => s.id).join(', ')}`,
              },
            ]
          : []),
        ...(files.length === 0
          ? [{ field: 'body.files', problem: 'at least one file is required' }]
          : []),
        ...(fields['strict'] !== undefined && !['true', 'false'].includes(fields['strict'])
          ? [{ field: 'body.strict', problem: 'must be true or false' }]
          : []),
        ...(fields['dataDate'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fields['dataDate'])
          ? [{ field: 'body.dataDate', problem: 'must be a date YYYY-MM-DD' }]
          : []),
      ];
      if (problems.length > 0) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', 'Invalid import request.', problems),
        );
      }
      const result = await deps.importSnapshot({
        source: fields['source'] ?? '',
        files,
        strict: fields['strict'] === 'true',
        provenance:
          fields['provenance'] ??
          `uploaded through the API: ${files.map((f) => f.name).join(', ')}`,
        ...(fields['dataDate'] !== undefined ? { dataDate: fields['dataDate'] } : {}),
      });
      if (!result.ok) {
        return sendError(
          reply,
          cordonError(
            result.error.code,
            result.error.message,
            result.error.problems.slice(0, 200).map((p) => ({
              field: describeProblem(p).split(': ')[0] ?? p.file,
              problem: p.message,
            })),
          ),
        );
      }
      return reply
        .code(result.value.kind === 'imported' ? 201 : 200)
        .send({ outcome: result.value.kind, snapshot: snapshotJson(result.value.snapshot) });
    },
  );
};
