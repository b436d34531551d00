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
import {
  ListEntriesQuerySchema,
  ListEntriesResponseSchema,
  ListImportResponseSchema,
  ListSnapshotListSchema,
  ListSnapshotSchema,
  ListStatusResponseSchema,
  SnapshotDiffResponseSchema,
} from '../../../../contracts/lists.ts';
import { listSources } from '../../../../domain/lists/list-source.ts';
import { cordonError, type CordonError } from '../../../../domain/shared/errors.ts';
import type { Activation } from '../../../../application/lists/activate-list-snapshot.ts';
import { actorOf } from '../../../../domain/people/people.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import type { Result } from '../../../../domain/shared/result.ts';
import { sendError } from '../../errors.ts';
import { readMultipart } from '../../read-multipart.ts';
import { listedPartyJson } from '../../listed-party-json.ts';
import type { RouteAccess } from '../../route-access.ts';
import { errorResponses } from '../../error-responses.ts';
import { diffJson, snapshotJson, sourceStatusJson } from '../../../lists/lists-json.ts';

export interface ListsRouteDeps {
  readonly store: ListSnapshotStore;
  readonly clock: Clock;
  /** The import use case, wired with its parser and hasher; refreshes screening when it activates a snapshot. */
  readonly importSnapshot: (
    request: Omit<ImportRequest, 'importerVersion'>,
  ) => Promise<Result<ImportOutcome, ImportFailure>>;
  /**
   * The roll-back: makes a stored snapshot active (with the shrink guard) and re-screens open
   * cases as an import does. Absent (tests, the document generator), the route is not ready.
   */
  readonly activateSnapshot?: (request: {
    readonly source: string;
    readonly snapshotId: string;
    readonly allowShrink?: string;
    readonly actor: string;
    readonly requestId?: string;
  }) => Promise<Result<Activation, CordonError>>;
  /** Largest file accepted by `POST /v1/lists/import`. */
  readonly maxFileBytes: number;
}

const everyone: RouteAccess = {
  roles: ['exporter', 'caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const administrators: RouteAccess = { roles: ['administrator'] };

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
      return { sources: status.map(sourceStatusJson) };
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
        response: { 200: ListSnapshotListSchema },
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
        response: { 200: ListEntriesResponseSchema, ...errorResponses(404) },
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
          ...errorResponses(400, 404),
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
      return diffJson(diff.value);
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
          "Fields: `source` (a list source id), optional `strict` (true refuses any skipped row, also when the same files were imported before), `dataDate` (YYYY-MM-DD; required when the files do not state it), optional `provenance`, optional `allowShrink` (a reason, at least 10 characters: see below); then one or more files. All or nothing: on failure the previous snapshot stays active and the error lists each problem by file and line. An import that would remove more than the deployment's share of the active entries (CORDON_LIST_MAX_REMOVED_SHARE, default 10%) or whose files look cut short is refused (409 CORDON_LIST_SHRINK_REFUSED) unless `allowShrink` gives the reason, which is audited.",
        consumes: ['multipart/form-data'],
        response: {
          200: ListImportResponseSchema,
          201: ListImportResponseSchema,
          ...errorResponses(400, 409, 413, 415, 422),
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
      const upload = await readMultipart(request);
      if (!upload.ok) return sendError(reply, upload.error);
      const { fields } = upload.value;
      const files = upload.value.files.map((f) => ({ name: f.name, bytes: f.bytes }));
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
        ...(fields['dataDate'] !== undefined && !isDate(fields['dataDate'])
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
        actor: actorOf(principalOf(request)),
        requestId: request.id,
        ...(fields['allowShrink'] === undefined ? {} : { allowShrink: fields['allowShrink'] }),
        provenance:
          fields['provenance'] ??
          `uploaded through the API: ${files.map((f) => f.name).join(', ')}`,
        ...(fields['dataDate'] !== undefined ? { dataDate: fields['dataDate'] } : {}),
      });
      if (!result.ok) {
        const problems = result.error.problems.slice(0, 200).map((p) => ({
          field: describeProblem(p).split(': ')[0] ?? p.file,
          problem: p.message,
        }));
        return sendError(
          reply,
          cordonError(result.error.code, result.error.message, [
            ...(result.error.fields ?? []).map((f) => ({ ...f, field: `body.${f.field}` })),
            ...problems,
          ]),
        );
      }
      return reply
        .code(result.value.kind === 'imported' ? 201 : 200)
        .send({ outcome: result.value.kind, snapshot: snapshotJson(result.value.snapshot) });
    },
  );

  app.post(
    '/lists/:source/activate',
    {
      config: { access: administrators },
      schema: {
        tags: ['lists'],
        summary: 'Make a stored snapshot of a source active again (roll back an import)',
        description:
          "Open cases and issued licences are re-screened against it, as after an import. The shrink guard of imports applies: dropping more than the deployment's share of the active entries needs `allowShrink` (a reason, audited). Activating the active snapshot changes nothing.",
        params: Type.Object({ source: Type.String({ maxLength: 100 }) }),
        body: Type.Object(
          {
            snapshot: Type.String({ minLength: 1, maxLength: 200 }),
            allowShrink: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            outcome: Type.Union([Type.Literal('activated'), Type.Literal('already-active')]),
            snapshot: ListSnapshotSchema,
            previous: Type.Optional(Type.String()),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 503),
        },
      },
    },
    async (request, reply) => {
      if (deps.activateSnapshot === undefined) {
        return sendError(reply, cordonError('CORDON_NOT_READY', 'Activation is not set up here.'));
      }
      const activated = await deps.activateSnapshot({
        source: request.params.source,
        snapshotId: request.body.snapshot,
        actor: actorOf(principalOf(request)),
        requestId: request.id,
        ...(request.body.allowShrink === undefined
          ? {}
          : { allowShrink: request.body.allowShrink }),
      });
      if (!activated.ok) return sendError(reply, activated.error);
      return {
        outcome: activated.value.changed ? ('activated' as const) : ('already-active' as const),
        snapshot: snapshotJson(activated.value.snapshot),
        ...(activated.value.previous === undefined ? {} : { previous: activated.value.previous }),
      };
    },
  );
};

/** A real calendar date YYYY-MM-DD (not 2026-02-31). */
const isDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};
