import { Type } from 'typebox';
import {
  BatchScreenResponseSchema,
  ScreeningMatchSchema,
} from '../../../../contracts/screening.ts';

/** One row's result, in the shape `POST /v1/screen/batch` reports it, numbered in the whole file. */
export const BatchRowResultSchema = BatchScreenResponseSchema.properties.results.items;

export const BatchIdParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
});

export const SubmittedBatchSchema = Type.Object({
  batchId: Type.String(),
  rows: Type.Integer(),
  chunks: Type.Integer(),
});

export const BatchStatusSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.Union([Type.Literal('submitting'), Type.Literal('queued'), Type.Literal('done')]),
  submittedAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  standing: Type.Boolean({
    description: 'Kept to be screened again after every list update (a customer list).',
  }),
  rerun: Type.Optional(
    Type.Object(
      { of: Type.String(), cause: Type.String() },
      { description: 'This batch re-screens the rows of standing batch `of` after a list update.' },
    ),
  ),
  reruns: Type.Array(
    Type.Object({
      id: Type.String(),
      cause: Type.String(),
      status: Type.Union([
        Type.Literal('submitting'),
        Type.Literal('queued'),
        Type.Literal('done'),
      ]),
      submittedAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'A standing batch: its re-runs after list updates, latest first (at most 20).' },
  ),
  rows: Type.Integer(),
  chunks: Type.Integer(),
  chunksDone: Type.Integer(),
  rowsDone: Type.Integer(),
  rowsRejected: Type.Integer(),
  rowsWithMatches: Type.Integer(),
  rowsWithStrongMatches: Type.Integer(),
  failingChunks: Type.Array(
    Type.Object({ chunk: Type.Integer(), attempts: Type.Integer(), error: Type.String() }),
    { description: 'Chunks whose last attempt failed and that are not done yet.' },
  ),
});

export const BatchResultsQuerySchema = Type.Object({
  after: Type.Integer({
    minimum: -1,
    default: -1,
    description: 'Rows after this one (exclusive); -1 starts at the first row.',
  }),
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 1_000 }),
});

export const BatchResultsSchema = Type.Object({
  batchId: Type.String(),
  results: Type.Array(BatchRowResultSchema, {
    description: 'In row order; rows not screened yet are absent.',
  }),
  nextAfter: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `after` for the next page; null when this page was the last one.',
  }),
});

const BandSchema = Type.Union([Type.Literal('strong'), Type.Literal('review')]);

export const BatchChangesSchema = Type.Object({
  batchId: Type.String(),
  comparedWith: Type.String({
    description:
      'The earlier run: the previous re-run of the same standing batch, or the standing batch itself.',
  }),
  changes: Type.Array(
    Type.Object({
      row: Type.Integer(),
      reference: Type.Optional(Type.String()),
      name: Type.String(),
      added: Type.Array(ScreeningMatchSchema, {
        description: 'Listings this run found and the earlier one did not, with explanations.',
      }),
      removed: Type.Array(
        Type.Object({
          entityId: Type.String(),
          source: Type.String(),
          name: Type.String(),
          score: Type.Number(),
          band: BandSchema,
        }),
        { description: 'Listings the earlier run found and this one does not.' },
      ),
      bandChanged: Type.Array(
        Type.Object({
          entityId: Type.String(),
          name: Type.String(),
          before: Type.Object({ score: Type.Number(), band: BandSchema }),
          after: Type.Object({ score: Type.Number(), band: BandSchema }),
        }),
      ),
    }),
    { description: 'Only the rows whose matches changed, in row order.' },
  ),
  nextAfter: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `after` for the next page; null when this page reached the last row.',
  }),
});
