import { Type, type Static } from 'typebox';
import { textStatuses } from '../domain/policy/text-provenance.ts';
import { proposalPositions, proposalStatuses } from '../domain/proposals/control-proposal.ts';
import { list, literals } from './schema-helpers.ts';

const Text = Type.String({ minLength: 1 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD.' });
const Instant = Type.String({ format: 'date-time' });
const FactIds = list(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), {
  minItems: 1,
  description:
    "Fact ids of the control catalogue (`cordon controls show` lists each entry's questions).",
});

/** The proposed control entry, in the catalogue's format. */
export const ProposedEntrySchema = Type.Object({
  entryId: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$',
    examples: ['NL-PROP-FRT-1'],
  }),
  title: Text,
  text: Type.String({ minLength: 1, description: 'The entry text as it would be listed.' }),
  kind: literals(['equipment', 'software', 'technology'] as const),
  criteriaMode: literals(['all-of', 'any-of'] as const),
  criteria: list(
    Type.Object({
      id: Text,
      text: Text,
      facts: FactIds,
      factMode: literals(['all', 'any'] as const),
    }),
    { minItems: 1 },
  ),
  exclusions: list(Type.Object({ id: Text, text: Text, facts: FactIds }), { default: [] }),
  parameters: list(Type.Object({ name: Text, value: Type.String() }), { default: [] }),
  technicalNotes: list(Text, { default: [] }),
});

/** What a proposal says: the entry, why, the human-rights evidence and the reasons for control. */
export const ProposalContentSchema = Type.Object({
  title: Text,
  entry: ProposedEntrySchema,
  rationale: Text,
  evidence: list(Type.Object({ text: Text, source: Text, textStatus: literals(textStatuses) }), {
    default: [],
  }),
  reasonsForControl: list(Text, { minItems: 1, examples: [['HR']] }),
});

export const AmendmentInputSchema = Type.Object({
  content: ProposalContentSchema,
  changeNote: Type.String({ minLength: 1, description: 'What the amendment changes, and why.' }),
});

export const WithdrawalInputSchema = Type.Object({ reason: Type.String({ minLength: 1 }) });

export const AdoptionSchema = Type.Object({
  nationalEntryId: Text,
  legalInstrument: Text,
  effectiveOn: Day,
});

export const PositionInputSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  position: literals(proposalPositions),
  reasons: Type.Optional(Type.String({ description: 'Required when opposing or not adopting.' })),
  adoption: Type.Optional(AdoptionSchema),
});

export const ProposalIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1 }) });

const VersionSchema = Type.Object({
  version: Type.Integer(),
  content: ProposalContentSchema,
  changeNote: Type.Optional(Type.String()),
  publishedAt: Type.Optional(Instant),
  messageId: Type.Optional(Type.String()),
});

export const PositionSchema = Type.Object({
  proposalId: Type.String(),
  partner: Type.String({ description: 'The authority that holds the position.' }),
  version: Type.Integer(),
  position: literals(proposalPositions),
  reasons: Type.Optional(Type.String()),
  adoption: Type.Optional(AdoptionSchema),
  recordedAt: Instant,
  messageId: Type.Optional(Type.String()),
});

const MatrixPositionSchema = Type.Object({
  authority: Type.String(),
  version: Type.Integer(),
  position: literals(proposalPositions),
  reasons: Type.Optional(Type.String()),
  adoption: Type.Optional(AdoptionSchema),
});

export const MatrixRowSchema = Type.Object({
  authority: Type.String(),
  cells: list(
    Type.Object({ version: Type.Integer(), position: Type.Optional(MatrixPositionSchema) }),
  ),
  latest: Type.Optional(MatrixPositionSchema),
});

const ProposalFields = {
  id: Type.String(),
  authority: Type.String({ description: 'The drafting authority (`NL-ILT`).' }),
  own: Type.Boolean({ description: 'Drafted by this authority.' }),
  title: Type.String(),
  status: literals(proposalStatuses),
  currentVersion: Type.Integer(),
  withdrawal: Type.Optional(
    Type.Object({ reason: Type.String(), at: Instant, messageId: Type.Optional(Type.String()) }),
  ),
  createdBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
};

export const ProposalSummarySchema = Type.Object({
  ...ProposalFields,
  entryId: Type.String(),
  adopted: list(Type.String(), { description: 'Authorities whose latest position is adopted.' }),
});

export const ProposalListSchema = Type.Object({ proposals: list(ProposalSummarySchema) });

export const ProposalDetailSchema = Type.Object({
  ...ProposalFields,
  versions: list(VersionSchema),
  positions: list(PositionSchema),
  matrix: list(MatrixRowSchema),
});

const Tally = Type.Object({
  key: Type.String(),
  captured: Type.Integer(),
  possiblyCaptured: Type.Integer(),
  newlyControlled: Type.Integer(),
});

const Capture = literals([
  'captured',
  'possibly-captured',
  'not-captured',
  'unclassifiable',
] as const);

export const DryRunSchema = Type.Object({
  proposalId: Type.String(),
  version: Type.Integer(),
  report: Type.Object({
    entryId: Type.String(),
    examined: Type.Integer({ description: 'Cases read (every case but drafts).' }),
    captured: Type.Integer(),
    possiblyCaptured: Type.Integer(),
    newlyControlled: Type.Integer({
      description:
        'Captured cases no current entry lists: the proposal alone would require a licence.',
    }),
    byDestination: list(Tally),
    byEndUserType: list(Tally),
    cases: list(
      Type.Object({
        caseId: Type.String(),
        reference: Type.String(),
        stage: Type.String(),
        open: Type.Boolean(),
        outcome: Type.Optional(Type.String()),
        destination: Type.String(),
        endUserType: Type.String(),
        capture: Capture,
        newlyControlled: Type.Boolean(),
        items: list(
          Type.Object({
            description: Type.String(),
            capture: Capture,
            status: Type.Optional(Type.String()),
            alreadyListedUnder: list(Type.String()),
            summary: Type.String(),
          }),
        ),
      }),
    ),
  }),
});

/** One item of an exporter's catalogue: an application item's description and facts, and its own reference. */
export const CatalogueItemSchema = Type.Object(
  {
    ref: Type.Optional(
      Type.String({
        maxLength: 100,
        description: "The exporter's own reference for the item (part number, SKU), echoed back.",
      }),
    ),
    description: Type.String({ maxLength: 4000 }),
    controlEntries: Type.Optional(
      list(Type.String({ maxLength: 60 }), { description: "The exporter's own rating." }),
    ),
    capabilities: Type.Optional(
      list(Type.String({ maxLength: 60 }), {
        description:
          'Capability tags (`facial-recognition`, `none`...); an unknown tag makes the item unclassifiable, with the reason.',
      }),
    ),
    answers: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Answers to the classification questions by fact id: yes, no or unknown.',
      }),
    ),
    quantity: Type.Optional(Type.Number()),
    value: Type.Optional(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  },
  // A misspelt field ("capabilites") is refused by name, not silently dropped.
  { additionalProperties: false },
);

export const CatalogueDryRunRequestSchema = Type.Object({
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Default: the current version.' }),
  ),
  items: list(CatalogueItemSchema, { minItems: 1, maxItems: 2000 }),
});

export const CatalogueDryRunSchema = Type.Object({
  proposalId: Type.String(),
  version: Type.Integer(),
  entryId: Type.String(),
  examined: Type.Integer(),
  counts: Type.Object({
    captured: Type.Integer(),
    'possibly-captured': Type.Integer(),
    'not-captured': Type.Integer(),
    unclassifiable: Type.Integer(),
  }),
  newlyControlled: Type.Integer({
    description: 'Captured items no current entry lists: the proposal alone would control them.',
  }),
  items: list(
    Type.Object({
      position: Type.Integer({ description: "1-based: the item's place in the catalogue sent." }),
      ref: Type.Optional(Type.String()),
      description: Type.String(),
      capture: Capture,
      status: Type.Optional(Type.String()),
      alreadyListedUnder: list(Type.String()),
      reason: Type.String(),
    }),
  ),
});

export const DryRunQuerySchema = Type.Object({
  version: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Default: the current version.' }),
  ),
});

export const SyncGapAlertSchema = Type.Object({
  id: Type.String(),
  proposalId: Type.String(),
  version: Type.Integer(),
  partner: Type.String({ description: 'The partner that adopted the control.' }),
  nationalEntryId: Type.String(),
  effectiveOn: Day,
  caseId: Type.String(),
  caseReference: Type.String(),
  capture: literals(['captured', 'possibly-captured'] as const),
  items: list(Type.Object({ description: Type.String(), summary: Type.String() })),
  raisedAt: Instant,
});

export const SyncGapQuerySchema = Type.Object({
  caseId: Type.Optional(Type.String()),
  proposalId: Type.Optional(Type.String()),
});

export const SyncGapListSchema = Type.Object({ alerts: list(SyncGapAlertSchema) });

export type ProposalContentInput = Static<typeof ProposalContentSchema>;
export type ProposalSummaryJson = Static<typeof ProposalSummarySchema>;
export type ProposalDetailJson = Static<typeof ProposalDetailSchema>;
export type DryRunJson = Static<typeof DryRunSchema>;
export type CatalogueDryRunJson = Static<typeof CatalogueDryRunSchema>;
export type CatalogueItemJson = Static<typeof CatalogueItemSchema>;
export type SyncGapAlertJson = Static<typeof SyncGapAlertSchema>;

// The bodies of the proposal messages in a partner's feed (src/domain/proposals/control-proposal.ts).
export const ControlProposalBodySchema = Type.Object({
  ...ProposalContentSchema.properties,
  proposalId: Text,
  version: Type.Integer({ minimum: 1 }),
  changeNote: Type.Optional(Type.String()),
});

export const ControlProposalWithdrawalBodySchema = Type.Object({ proposalId: Text, reason: Text });

export const ProposalPositionBodySchema = Type.Object({
  proposalId: Text,
  version: Type.Integer({ minimum: 1 }),
  position: literals(proposalPositions),
  reasons: Type.Optional(Type.String()),
  adoption: Type.Optional(AdoptionSchema),
});
