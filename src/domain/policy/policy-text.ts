import type { LegalTexts } from './legal-texts.ts';
import type { CitedText } from './text-provenance.ts';

/** A text in a policy file: a reference to the shipped legal texts, or the author's own words. */
export type PolicyTextDocument =
  | { readonly ref: string }
  | {
      readonly text: string;
      /** A policy file never carries verbatim law of its own: cite it by `ref` instead. */
      readonly textStatus: 'paraphrase' | 'seed-unverified';
      readonly source: { readonly title: string; readonly date: string; readonly url?: string };
    };

/**
 * How the texts of one policy file are resolved, the same way for jurisdiction and human-rights
 * policies: a `ref` becomes the shipped legal text it names; the author's own words become a cited
 * text whose source points back at the file and the JSON pointer. An unknown `ref` is reported to
 * `problem` at `<path>/ref` and comes back as an unresolved seed text, so that resolution goes on
 * and every problem of the file is reported at once.
 *
 * @example
 * const text = policyTextResolver(context.texts, 'data/policies/NO/policy-v2.json', problem);
 * text({ ref: 'no-for-2014-1076:dual-use' }, '/controls/rules/0/citations/0'); // the shipped text
 */
export function policyTextResolver(
  texts: LegalTexts,
  file: string,
  problem: (path: string, message: string) => void,
): (t: PolicyTextDocument, path: string) => CitedText {
  return (t, path) => {
    if ('ref' in t) {
      const found = texts.get(t.ref);
      if (found) return found;
      problem(`${path}/ref`, `no legal text "${t.ref}" in the shipped regulation data`);
      return {
        text: t.ref,
        textStatus: 'seed-unverified',
        source: { title: 'unresolved', date: '' },
      };
    }
    return {
      text: t.text,
      textStatus: t.textStatus,
      source: {
        title: t.source.title,
        date: t.source.date,
        ...(t.source.url !== undefined ? { url: t.source.url } : {}),
        file,
        pointer: path,
      },
    };
  };
}
