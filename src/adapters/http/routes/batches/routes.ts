import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import type { BatchStore, BatchStatus } from '../../../../application/batch/batch-store.ts';
import type { SubmittedBatch } from '../../../../application/batch/submit-batch.ts';
import { batchChanges } from '../../../../application/batch/batch-changes.ts';
import { getBatchStatus } from '../../../../application/batch/get-batch-status.ts';
import { maxBatchSize } from '../../../../application/screening/screen-batch.ts';
import {
  cordonError,
  type CordonError,
  type FieldProblem,
} from '../../../../domain/shared/errors.ts';
import { err, type Result } from '../../../../domain/shared/result.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import {
  BatchChangesSchema,
  BatchIdParamsSchema,
  BatchResultsQuerySchema,
  BatchResultsSchema,
  BatchStatusSchema,
  SubmittedBatchSchema,
} from './schema.ts';
import { errorResponses } from '../../error-responses.ts';

/** An uploaded CSV file saved to disk, and how to read it. */
export interface UploadedBatch {
  /** Where the upload was saved (deleted once the submission ends). */
  readonly file: string;
  /** The file name the client gave. */
  readonly fileName: string;
  readonly column: string;
  readonly countryColumn?: string;
  readonly kindColumn?: string;
  readonly referenceColumn?: string;
  readonly chunkSize?: number;
  readonly matchLimit?: number;
  /** A chunk still held by a worker after this long is retried elsewhere. */
  readonly chunkTimeoutSeconds?: number;
  /** Keep the rows, to screen them again after every list update (a customer list). */
  readonly standing?: boolean;
}

/** What `/v1/batches` needs: the batch store, and the submission wired to the job queue. */
export interface BatchRouteDeps {
  readonly store: BatchStore;
  /** Splits the uploaded file into chunks, stores them and queues them for `cordon worker`. */
  readonly submit: (upload: UploadedBatch) => Promise<Result<SubmittedBatch, CordonError>>;
  /** Largest file accepted by `POST /v1/batches`. */
  readonly maxFileBytes: number;
  /** Releases what the submission holds (the queue's connections), when the app closes. */
  readonly close?: () => Promise<void>;
}

// Batches belong to no organisation yet, so only the authority's own staff submit and read them.
const staff: RouteAccess = { roles: ['caseworker', 'senior-officer', 'administrator'] };

// What a CSV upload may be labelled as by browsers, curl and spreadsheet programs.
const csvTypes = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

const statusJson = (s: BatchStatus) => ({
  ...s,
  submittedAt: s.submittedAt.toISOString(),
  completedAt: s.completedAt?.toISOString() ?? null,
  failingChunks: [...s.failingChunks],
  reruns: s.reruns.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
});

/** Reads a whole-number form field, or records why it is not one. */
function integerField(
  fields: Readonly<Record<string, string>>,
  name: string,
  min: number,
  max: number,
  problems: FieldProblem[],
): number | undefined {
  const raw = fields[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push({
      field: `body.${name}`,
      problem: `must be a whole number from ${String(min)} to ${String(max)}`,
    });
    return undefined;
  }
  return value;
}

/** Maps a multipart stream failure to a catalogue error (never an internal error: it is the upload). */
function uploadError(error: unknown): CordonError {
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 413
    ? cordonError('CORDON_PAYLOAD_TOO_LARGE', 'The uploaded file is too large.')
    : cordonError('CORDON_MALFORMED_REQUEST', 'The multipart upload cannot be read.');
}

/**
 * `/v1/batches`: distributed batch screening over HTTP. A CSV upload is split into chunks that
 * `cordon worker` processes on any machine; status and results can be read through any instance.
 */
export const batchRoutes: FastifyPluginAsyncTypebox<BatchRouteDeps> = async (app, deps) => {
  await app.register(import('@fastify/multipart'), {
    limits: { fileSize: deps.maxFileBytes, files: 1, fields: 10, fieldSize: 1_000 },
  });
  const close = deps.close;
  if (close) app.addHook('onClose', async () => close());

  app.post(
    '/batches',
    {
      config: { access: staff },
      schema: {
        tags: ['screening'],
        summary: 'Submit a CSV file of names for screening by the workers (multipart/form-data)',
        description:
          'Fields: `column` (the name column, default `name`), optional `countryColumn`, `kindColumn`, `referenceColumn`, `chunkSize` (rows per chunk, default 500), `limit` (matches kept per row) and `chunkTimeout` (seconds before a chunk held by a lost worker is retried), `standing` (`true` keeps the rows as a customer list, screened again on the job queue after every list update, each time as a re-run listed in the `reruns` of its status); then one UTF-8 CSV file with a header row. Answers once every chunk is stored and queued; follow it with `GET /v1/batches/{id}`. Needs PostgreSQL and at least one `cordon worker`.',
        consumes: ['multipart/form-data'],
        response: {
          201: SubmittedBatchSchema,
          ...errorResponses(400, 413, 415),
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return sendError(
          reply,
          cordonError('CORDON_UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file as multipart/form-data.'),
        );
      }
      const dir = await mkdtemp(path.join(os.tmpdir(), 'cordon-batch-upload-'));
      // The upload is removed before the answer leaves, whatever the outcome.
      let outcome: Result<SubmittedBatch, CordonError>;
      try {
        outcome = await (async (): Promise<Result<SubmittedBatch, CordonError>> => {
          const fields: Record<string, string> = {};
          let upload: { file: string; fileName: string } | undefined;
          try {
            for await (const part of request.parts()) {
              if (part.type === 'field') {
                if (typeof part.value === 'string') fields[part.fieldname] = part.value;
                continue;
              }
              if (!csvTypes.has(part.mimetype.split(';')[0]?.trim().toLowerCase() ?? '')) {
                part.file.resume();
                return err(
                  cordonError(
                    'CORDON_UNSUPPORTED_MEDIA_TYPE',
                    `The file must be CSV (text/csv), not ${part.mimetype}.`,
                  ),
                );
              }
              const file = path.join(dir, 'upload.csv');
              await pipeline(part.file, createWriteStream(file));
              upload = { file, fileName: part.filename || 'upload.csv' };
            }
          } catch (error) {
            return err(uploadError(error));
          }
          const problems: FieldProblem[] = [];
          const chunkSize = integerField(fields, 'chunkSize', 1, maxBatchSize, problems);
          const matchLimit = integerField(fields, 'limit', 1, 100, problems);
          const chunkTimeoutSeconds = integerField(fields, 'chunkTimeout', 5, 86_400, problems);
          const standingField = fields['standing'];
          if (standingField !== undefined && !['true', 'false'].includes(standingField)) {
            problems.push({ field: 'body.standing', problem: 'must be true or false' });
          }
          for (const name of ['column', 'countryColumn', 'kindColumn', 'referenceColumn']) {
            const value = fields[name];
            if (value !== undefined && (value.trim() === '' || value.length > 200)) {
              problems.push({
                field: `body.${name}`,
                problem: 'must be a column name (1-200 characters)',
              });
            }
          }
          if (upload === undefined) {
            problems.push({ field: 'body.file', problem: 'a CSV file is required' });
          }
          if (problems.length > 0 || upload === undefined) {
            return err(
              cordonError('CORDON_VALIDATION_FAILED', 'Invalid batch submission.', problems),
            );
          }
          const optional = (name: string) => {
            const value = fields[name];
            return value === undefined ? {} : { [name]: value };
          };
          const submitted = await deps.submit({
            ...upload,
            column: fields['column'] ?? 'name',
            ...optional('countryColumn'),
            ...optional('kindColumn'),
            ...optional('referenceColumn'),
            ...(chunkSize === undefined ? {} : { chunkSize }),
            ...(matchLimit === undefined ? {} : { matchLimit }),
            ...(chunkTimeoutSeconds === undefined ? {} : { chunkTimeoutSeconds }),
            ...(standingField === 'true' ? { standing: true } : {}),
          });
          if (!submitted.ok) {
            // The CSV reader names the temporary file; the client knows its file by its own name.
            return err(
              cordonError(
                submitted.error.code,
                submitted.error.message.replaceAll(upload.file, upload.fileName),
                submitted.error.fields,
              ),
            );
          }
          return submitted;
        })();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return outcome.ok ? reply.code(201).send(outcome.value) : sendError(reply, outcome.error);
    },
  );

  app.get(
    '/batches/:id',
    {
      config: { access: staff },
      schema: {
        tags: ['screening'],
        summary: 'Where a batch stands: rows and chunks done, rows with matches, failing chunks',
        params: BatchIdParamsSchema,
        response: { 200: BatchStatusSchema, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const status = await getBatchStatus(deps.store, request.params.id);
      return status.ok ? statusJson(status.value) : sendError(reply, status.error);
    },
  );

  app.get(
    '/batches/:id/results',
    {
      config: { access: staff },
      schema: {
        tags: ['screening'],
        summary: 'The per-row results of a batch, in row order, a page at a time',
        params: BatchIdParamsSchema,
        querystring: BatchResultsQuerySchema,
        response: { 200: BatchResultsSchema, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const status = await getBatchStatus(deps.store, request.params.id);
      if (!status.ok) return sendError(reply, status.error);
      const { after, limit } = request.query;
      const page = await deps.store.results(request.params.id, after, limit);
      const last = page.at(-1);
      return {
        batchId: request.params.id,
        // The stored items are the batch report's (readonly) rows, as the schema types them.
        results: page.map((r) => r.item) as Static<typeof BatchResultsSchema>['results'],
        nextAfter: last !== undefined && page.length === limit ? last.row : null,
      };
    },
  );

  app.get(
    '/batches/:id/changes',
    {
      config: { access: staff },
      schema: {
        tags: ['screening'],
        summary: 'What a re-run found that the run before it did not (and what it no longer finds)',
        description:
          'For a re-run of a standing batch: the rows whose matches differ from the previous run of the same customer list, `limit` rows looked at after row `after`. Both runs must be finished (503 `CORDON_NOT_READY` until then); a batch that is not a re-run gets 400.',
        params: BatchIdParamsSchema,
        querystring: BatchResultsQuerySchema,
        response: {
          200: BatchChangesSchema,
          ...errorResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const page = await batchChanges(deps.store, request.params.id, request.query);
      if (!page.ok) return sendError(reply, page.error);
      // The stored matches are the batch report's (readonly) values, as the schema types them.
      return page.value as Static<typeof BatchChangesSchema>;
    },
  );
};
