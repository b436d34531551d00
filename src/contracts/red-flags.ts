import { Type, type Static } from 'typebox';
import { list } from './schema-helpers.ts';

/** A red flag an exporter may report in an application (`GET /v1/references/red-flags`). */
export const RedFlagListSchema = Type.Object({
  redFlags: list(
    Type.Object({
      id: Type.String(),
      source: Type.String({
        description: '`BIS-KYC`, `EU-2024/2659`, `DOS-2020`, `platform-derived`.',
      }),
      category: Type.String(),
      text: Type.String(),
      textStatus: Type.String({ description: 'verbatim, paraphrase or seed-unverified' }),
    }),
  ),
});
export type RedFlagList = Static<typeof RedFlagListSchema>;
