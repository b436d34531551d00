import type { CitedText } from './text-provenance.ts';

/**
 * Every rule text of the shipped reference data, by a stable id, with its status and source:
 * `eu-2021/821:art-5(1)`, `eu-359/2011:art-1b(2)`, `uk-si-2019/135:sch-3:para-1`,
 * `hr:US-EAR-744.11`, `echri:ECHRI-1`... Policies and licence bases cite texts by these ids, so
 * that a policy file never carries a legal text of its own that nobody checked.
 */
export type LegalTexts = ReadonlyMap<string, CitedText>;

/** The text with this id, if the shipped data has it. */
export const legalText = (texts: LegalTexts, id: string): CitedText | undefined => texts.get(id);
