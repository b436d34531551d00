import { countryCodes, countryNameOf } from '../../domain/lists/country-codes.ts';
import type { CaseDeps } from './case-deps.ts';

/** The pick lists of the case forms. */
export interface CaseReferenceLists {
  readonly countries: readonly { readonly code: string; readonly name: string }[];
  readonly desks: readonly string[];
  readonly criteria: readonly {
    readonly code: string;
    readonly title: string;
    readonly jurisdictions: readonly string[];
    readonly text: string;
    readonly textStatus: string;
  }[];
}

/**
 * What the case forms offer instead of free text: countries by code and name, the advising desks
 * the current routing rules can ask (so "HR desk" is never typed), and the current case policy's
 * refusal criteria with their texts (only `jurisdiction`'s when given), so an unknown code is
 * never cited.
 */
export async function getCaseReferences(
  deps: Pick<CaseDeps, 'casePolicy' | 'routing'>,
  jurisdiction: string | undefined,
): Promise<CaseReferenceLists> {
  const [policy, routing] = await Promise.all([deps.casePolicy.current(), deps.routing.current()]);
  const wanted = jurisdiction?.toUpperCase();
  return {
    countries: countryCodes.map((code) => ({ code, name: countryNameOf(code) ?? code })),
    desks: [
      ...new Set(routing.rules.flatMap((r) => (r.advice === undefined ? [] : [r.advice.desk]))),
    ].sort(),
    criteria: policy.criteria
      .filter(
        (c) =>
          wanted === undefined || c.jurisdictions.includes(wanted) || c.jurisdictions.includes('*'),
      )
      .map((c) => ({
        code: c.code,
        title: c.title,
        jurisdictions: [...c.jurisdictions],
        text: c.text.text,
        textStatus: c.text.textStatus,
      })),
  };
}
