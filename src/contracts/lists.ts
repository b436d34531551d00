import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const SnapshotProblemSchema = Type.Object({
  file: Type.String(),
  line: Type.Optional(Type.Integer()),
  element: Type.Optional(Type.String()),
  message: Type.String(),
});

export const ListSnapshotSchema = Type.Object(
  {
    id: Type.String({ examples: ['us-ofac-sdn@2024-05-03.1a2b3c4d'] }),
    source: Type.String({ examples: ['us-ofac-sdn'] }),
    dataDate: Type.String({ format: 'date', description: 'The date the data is as of.' }),
    importedAt: Type.String({ format: 'date-time' }),
    contentHash: Type.String({ description: 'SHA-256 over the names and hashes of the files.' }),
    files: Type.Array(
      Type.Object({ name: Type.String(), sha256: Type.String(), bytes: Type.Integer() }),
    ),
    entryCount: Type.Integer(),
    skippedCount: Type.Integer(),
    problems: Type.Array(SnapshotProblemSchema, {
      description: 'The rows that were skipped (at most 2,000).',
    }),
    importerVersion: Type.String(),
    provenance: Type.String(),
  },
  { description: 'An immutable imported version of one list source.' },
);
export type ListSnapshotJson = Static<typeof ListSnapshotSchema>;

/** A source's snapshots, newest first (`GET /v1/lists/{source}/snapshots`). */
export const ListSnapshotListSchema = Type.Object({ snapshots: Type.Array(ListSnapshotSchema) });

export const SourceStatusSchema = Type.Object({
  source: Type.String(),
  name: Type.String(),
  authority: Type.String(),
  active: Nullable(ListSnapshotSchema),
  activatedAt: Nullable(Type.String({ format: 'date-time' })),
  dataDate: Nullable(Type.String({ format: 'date' })),
  ageDays: Nullable(Type.Integer({ description: 'Days since the data date.' })),
  entryCount: Type.Integer(),
  snapshotCount: Type.Integer(),
});

export const ListStatusResponseSchema = Type.Object({ sources: Type.Array(SourceStatusSchema) });
export type ListStatusResponse = Static<typeof ListStatusResponseSchema>;

export const ListedPartySchema = Type.Object(
  {
    source: Type.String(),
    entityId: Type.String(),
    entityNumber: Type.String(),
    kind: Type.Union([
      Type.Literal('person'),
      Type.Literal('organisation'),
      Type.Literal('vessel'),
      Type.Literal('aircraft'),
      Type.Literal('unknown'),
    ]),
    names: Type.Array(
      Type.Object({
        value: Type.String(),
        type: Type.Union([
          Type.Literal('primary'),
          Type.Literal('aka'),
          Type.Literal('fka'),
          Type.Literal('nka'),
          Type.Literal('weak-aka'),
        ]),
      }),
    ),
    addresses: Type.Array(
      Type.Object({
        text: Type.String(),
        city: Type.Optional(Type.String()),
        region: Type.Optional(Type.String()),
        postalCode: Type.Optional(Type.String()),
        country: Type.Optional(Type.String()),
      }),
    ),
    countries: Type.Array(Type.String()),
    programmes: Type.Array(Type.String()),
    identifiers: Type.Array(
      Type.Object({
        type: Type.String(),
        value: Type.String(),
        country: Type.Optional(Type.String()),
      }),
    ),
    dates: Type.Array(Type.Object({ type: Type.String(), value: Type.String() })),
    remarks: Type.Optional(Type.String()),
    subList: Type.Optional(Type.String()),
    licenceRequirement: Type.Optional(Type.String()),
    licenceReviewPolicy: Type.Optional(Type.String()),
    citations: Type.Array(Type.String()),
    entryText: Type.Optional(Type.String()),
    sourceUrl: Type.Optional(Type.String()),
  },
  {
    additionalProperties: true,
    description: 'A listed party, normalised from its official format.',
  },
);
export type ListedPartyJson = Static<typeof ListedPartySchema>;

export const ListEntriesQuerySchema = Type.Object({
  query: Type.Optional(
    Type.String({ maxLength: 200, description: 'Text any name of the entry contains.' }),
  ),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});

export const ListEntriesResponseSchema = Type.Object({
  snapshot: Type.String(),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  entries: Type.Array(ListedPartySchema),
});
export type ListEntriesResponse = Static<typeof ListEntriesResponseSchema>;

const EntryRefSchema = Type.Object({ entityId: Type.String(), name: Type.String() });

export const SnapshotDiffResponseSchema = Type.Object({
  before: ListSnapshotSchema,
  after: ListSnapshotSchema,
  added: Type.Array(EntryRefSchema),
  removed: Type.Array(EntryRefSchema),
  changed: Type.Array(
    Type.Object({
      entityId: Type.String(),
      name: Type.String(),
      fields: Type.Array(Type.String()),
      namesAdded: Type.Array(Type.String()),
      namesRemoved: Type.Array(Type.String()),
    }),
  ),
  unchangedCount: Type.Integer(),
});
export type SnapshotDiffResponse = Static<typeof SnapshotDiffResponseSchema>;

export const ListImportResponseSchema = Type.Object({
  outcome: Type.Union([Type.Literal('imported'), Type.Literal('unchanged')]),
  snapshot: ListSnapshotSchema,
});
export type ListImportResponse = Static<typeof ListImportResponseSchema>;
