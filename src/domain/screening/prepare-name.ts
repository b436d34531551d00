import type { LegalForm } from './legal-forms.ts';
import {
  defaultNameLimits,
  normaliseName,
  type NameLimits,
  type NameProblem,
  type NormalisedName,
} from './normalise-name.ts';
import type { Script } from './scripts.ts';
import { transliterate, type NameForm } from './transliterate.ts';
import type { ChineseSegment } from './chinese.ts';

/** A name ready for comparison: normalised, with every Latin-letter reading of it. */
export interface PreparedName {
  readonly normalised: NormalisedName;
  /** One or more readings; empty only for an empty name. */
  readonly forms: readonly NameForm[];
  /** Legal forms of the name, from any script. */
  readonly legalForms: readonly LegalForm[];
  readonly scripts: readonly Script[];
  readonly problems: readonly NameProblem[];
  readonly chineseSegments?: readonly ChineseSegment[];
}

/**
 * Normalises and transliterates a name: the one entry point through which both queries and
 * listed names pass, so that both sides are always treated alike.
 *
 * @example
 * prepareName('Позитив Текнолоджиз').forms.map((f) => f.tokens.join(' '))
 * // ['pozitiv teknolodzhiz', 'pozitiv teknolodziz', ...]
 */
export function prepareName(raw: string, limits: NameLimits = defaultNameLimits): PreparedName {
  const normalised = normaliseName(raw, limits);
  const transliteration = transliterate(normalised.tokens);
  const problems = [...normalised.problems];
  const scripts = transliteration.scripts;
  if (scripts.length > 1) problems.push({ kind: 'mixed-scripts', scripts });
  const forms = transliteration.forms.map((form) =>
    form.tokens.length > limits.maxTokens
      ? {
          ...form,
          tokens: form.tokens.slice(0, limits.maxTokens),
          skeleton: form.skeleton.slice(0, limits.maxTokens),
        }
      : form,
  );
  if (forms.length === 0 && !problems.some((p) => p.kind === 'empty'))
    problems.push({ kind: 'empty' });
  return {
    normalised,
    forms,
    legalForms: [...normalised.legalForms, ...transliteration.legalForms],
    scripts,
    problems,
    ...(transliteration.chineseSegments
      ? { chineseSegments: transliteration.chineseSegments }
      : {}),
  };
}
