import { Type, type Static } from 'typebox';

export const LivenessSchema = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String({ description: 'The running code version.' }),
});
export type Liveness = Static<typeof LivenessSchema>;

export const ReadinessSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Array(
    Type.Object({
      name: Type.String(),
      ok: Type.Boolean(),
      detail: Type.String(),
    }),
  ),
});
export type Readiness = Static<typeof ReadinessSchema>;
