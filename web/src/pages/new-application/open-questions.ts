import type { AssessmentResponse } from '../../../../src/contracts/assessment.ts';

/** One question the assessment could not decide without the exporter, and how it is answered. */
export type OpenQuestion =
  | {
      readonly kind: 'item-fact';
      readonly field: string;
      readonly question: string;
      readonly item: number;
      readonly fact: string;
    }
  | {
      readonly kind: 'end-use-fact';
      readonly field: string;
      readonly question: string;
      readonly fact: 'informedByAuthority' | 'awareOfMisuse' | 'suspectsMisuse';
    }
  | { readonly kind: 'military-end-use'; readonly field: string; readonly question: string }
  /** Answered elsewhere in the form (a rating, the capabilities, the region). */
  | { readonly kind: 'elsewhere'; readonly field: string; readonly question: string };

const itemFact = /^items\[(\d+)\]\.answers\.(.+)$/;
const endUseFacts = ['informedByAuthority', 'awareOfMisuse', 'suspectsMisuse'] as const;

/**
 * The questions of an assessment (each jurisdiction's `licence.missing`), once each, in order:
 * classification facts of an item (yes / no / not known), what the exporter knows of the end use,
 * and what only another field of the form can answer.
 */
export function openQuestions(assessment: AssessmentResponse): readonly OpenQuestion[] {
  const seen = new Set<string>();
  const questions: OpenQuestion[] = [];
  for (const licence of Object.values(assessment.licence)) {
    for (const { field, question } of licence.missing) {
      if (seen.has(field)) continue;
      seen.add(field);
      const fact = itemFact.exec(field);
      const endUse = endUseFacts.find((f) => field === `endUse.${f}`);
      if (fact?.[1] !== undefined && fact[2] !== undefined) {
        questions.push({
          kind: 'item-fact',
          field,
          question,
          item: Number(fact[1]),
          fact: fact[2],
        });
      } else if (endUse !== undefined) {
        questions.push({ kind: 'end-use-fact', field, question, fact: endUse });
      } else if (field === 'endUse.militaryEndUse') {
        questions.push({ kind: 'military-end-use', field, question });
      } else {
        questions.push({ kind: 'elsewhere', field, question });
      }
    }
  }
  return questions;
}
