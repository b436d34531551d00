import { Type } from 'typebox';
import { riskLevels } from '../domain/human-rights/human-rights-policy.ts';
import { caseStages } from '../domain/licensing/case-state.ts';
import { literals } from './schema-helpers.ts';

/** Filters, search and order of the officers' work queue (`GET /v1/work/queue`). */
export const QueueQuerySchema = Type.Object(
  {
    stage: Type.Optional(Type.String({ description: 'A case stage, e.g. `under-review`.' })),
    queue: Type.Optional(Type.String({ maxLength: 100 })),
    destination: Type.Optional(
      Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code.' }),
    ),
    risk: Type.Optional(
      literals(['unknown', ...riskLevels] as const, {
        description: 'The frozen assessment’s human-rights risk.',
      }),
    ),
    assignee: Type.Optional(
      Type.String({ maxLength: 100, description: '`me`, `none`, or a user id.' }),
    ),
    search: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Words found in the reference, exporter, destination or queue.',
      }),
    ),
    sort: Type.Optional(
      Type.Union(
        ['age', 'reference', 'risk', 'destination', 'exporter', 'stage'].map((k) =>
          Type.Literal(k),
        ),
      ),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  },
  { additionalProperties: false },
);

/** One case as a row of the work queue. */
export const QueueRowSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  jurisdiction: Type.String(),
  stage: literals(caseStages),
  version: Type.Integer(),
  queue: Type.Optional(Type.String()),
  exporter: Type.String({ description: 'The exporter’s name as applied.' }),
  destination: Type.String({ description: 'The destination country code.' }),
  risk: Type.String({
    description: 'low, medium, high, unacceptable, or unknown before assessment',
  }),
  automatedOutcome: Type.Optional(Type.String()),
  assignee: Type.Optional(Type.Object({ userId: Type.String(), name: Type.String() })),
  since: Type.String({ format: 'date-time', description: 'Submitted (or created) at.' }),
  ageDays: Type.Integer({ minimum: 0 }),
});

export const QueueSchema = Type.Object({ cases: Type.Array(QueueRowSchema) });

/** The steps the caller may take on a case now; the ones their role allows but the case withholds, with why. */
export const AllowedActionsSchema = Type.Object({
  version: Type.Integer({ description: 'The case version these were computed for.' }),
  allowed: Type.Array(Type.String()),
  withheld: Type.Array(Type.Object({ kind: Type.String(), reason: Type.String() })),
});

export const AssignBodySchema = Type.Object(
  { expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

/** A case after "assign to me": who holds it now. */
export const AssignmentSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  version: Type.Integer(),
  assignee: Type.Object({ userId: Type.String(), name: Type.String(), at: Type.String() }),
});
