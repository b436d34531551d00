import { Type, type Static } from 'typebox';

/** One problem with one named input field. */
export const FieldProblemSchema = Type.Object(
  {
    field: Type.String({ description: 'Where the problem is, e.g. `body.parties.0.name`.' }),
    problem: Type.String({ description: 'What is wrong and what was expected.' }),
  },
  { description: 'One problem with one named input field.' },
);

/** The one shape of every error response, whatever the endpoint or status. */
export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description: 'Stable code from the error catalogue (docs/errors.md).',
        examples: ['CORDON_VALIDATION_FAILED'],
      }),
      message: Type.String({ description: 'One line for a human.' }),
      requestId: Type.String({ description: 'Quote it when asking for help; it is in the logs.' }),
      fields: Type.Optional(Type.Array(FieldProblemSchema)),
    }),
  },
  { description: 'Every error, in one shape.' },
);

export type ErrorResponse = Static<typeof ErrorResponseSchema>;
