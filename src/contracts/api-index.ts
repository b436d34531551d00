import { Type, type Static } from 'typebox';

export const ApiIndexSchema = Type.Object({
  name: Type.Literal('Cordon'),
  version: Type.String(),
  links: Type.Record(Type.String(), Type.String()),
});
export type ApiIndex = Static<typeof ApiIndexSchema>;
