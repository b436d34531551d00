import { Type, type Static } from 'typebox';

const counts = {
  licences: Type.Integer(),
  refusals: Type.Integer(),
  noLicenceRequired: Type.Integer(),
};

export const TransparencyReportQuerySchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('pdf')]),
    ),
  },
  { additionalProperties: false },
);

export const TransparencyReportSchema = Type.Object(
  {
    authority: Type.String(),
    year: Type.Integer(),
    totals: Type.Object({ decisions: Type.Integer(), ...counts }),
    byDestination: Type.Array(Type.Object({ destination: Type.String(), ...counts })),
    byDestinationAndEntry: Type.Array(
      Type.Object({ destination: Type.String(), controlEntry: Type.String(), ...counts }),
    ),
    cyberSurveillance: Type.Object({
      entries: Type.Array(Type.String()),
      rows: Type.Array(
        Type.Object({
          controlEntry: Type.String(),
          destination: Type.String(),
          received: Type.Integer(),
          pending: Type.Integer(),
          ...counts,
        }),
      ),
    }),
  },
  {
    description:
      'The annual report in the shape of Regulation (EU) 2021/821 Art. 26(2) (paraphrased): decisions countersigned in the year by destination and control entry, and cyber-surveillance applications and decisions.',
  },
);
export type TransparencyReportJson = Static<typeof TransparencyReportSchema>;
