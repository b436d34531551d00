import { Type, type Static } from 'typebox';

export const CaseReferencesQuerySchema = Type.Object(
  {
    jurisdiction: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z]{2}$',
        description: 'Only the criteria of this jurisdiction (e.g. `GB`); all when absent.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The pick lists of the case forms: what may be chosen, with the texts behind each choice. */
export const CaseReferencesSchema = Type.Object({
  countries: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
    description: 'ISO 3166-1 alpha-2 codes with their English short names.',
  }),
  desks: Type.Array(Type.String(), {
    description: 'The advising desks the routing rules can ask for advice.',
  }),
  criteria: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      jurisdictions: Type.Array(Type.String()),
      text: Type.String(),
      textStatus: Type.String({ description: 'verbatim, paraphrase or seed-unverified' }),
    }),
    { description: 'The refusal criteria of the case policy, with the text a letter quotes.' },
  ),
});
export type CaseReferences = Static<typeof CaseReferencesSchema>;
