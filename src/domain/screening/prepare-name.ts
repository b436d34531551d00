import { cutAtFieldLength, endsWithOwnWord } from './truncated-names.ts';
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
import { embeddedNames, mayEmbedNames } from './further-readings.ts';
import { shippedWordFrequencies } from './shipped-word-frequencies.ts';
import { genericOrganisationWords, geographicWords, wordWeight } from './word-frequency.ts';

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
  /**
   * True when the name is exactly as long as a message field that cuts names (35, 70, 105 or
   * 140 characters, see `cutAtFieldLength`): its last word may be the start of a longer one.
   */
  readonly cutAtFieldLength: boolean;
  /** True when, cut at a field length, the name ends in one of its own words, maybe cut short. */
  readonly lastWordMayBeCut: boolean;
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
  const forms = [
    ...transliteration.forms,
    ...furtherForms(normalised, limits, transliteration.forms),
  ].map((form) =>
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
  const cut = cutAtFieldLength(normalised.original);
  return {
    normalised,
    forms,
    legalForms: [...normalised.legalForms, ...transliteration.legalForms],
    scripts,
    problems,
    cutAtFieldLength: cut,
    lastWordMayBeCut: cut && endsWithOwnWord(normalised.original, normalised.tokens),
    ...(transliteration.chineseSegments
      ? { chineseSegments: transliteration.chineseSegments }
      : {}),
  };
}

/**
 * A word that can tell a body apart: in fewer than one ordinary name in 512 (weight 0.75, see
 * `wordWeight`), and neither a generic word of organisation names nor a word of geography.
 */
function distinctiveWord(word: string): boolean {
  if (genericOrganisationWords.has(word) || geographicWords().has(word)) return false;
  return wordWeight(shippedWordFrequencies(), word, 'latin', () => false) >= 0.75;
}

/**
 * The readings a name has beyond its transliterations: each name it embeds ("A/K/A", a slash
 * between words; see `embeddedNames`). Their as-written forms say so in their scheme
 * (`alternative`), which the explanation prints beside the form that matched.
 */
function furtherForms(
  normalised: NormalisedName,
  limits: NameLimits,
  own: readonly NameForm[],
): NameForm[] {
  if (!mayEmbedNames(normalised.cleaned)) return [];
  const out: NameForm[] = [];
  const seen = new Set(own.map((f) => `${f.consonantal ? 's' : 'l'}${f.tokens.join(' ')}`));
  const add = (forms: readonly NameForm[]): void => {
    for (const form of forms) {
      const key = `${form.consonantal ? 's' : 'l'}${form.tokens.join(' ')}`;
      if (form.tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push(form.scheme === 'as-written' ? { ...form, scheme: 'alternative' } : form);
    }
  };
  const words = {
    ownWords: (text: string) => normaliseName(text, limits).tokens,
    distinctive: distinctiveWord,
  };
  for (const name of embeddedNames(normalised.cleaned, words))
    add(transliterate(normaliseName(name, limits).tokens).forms);
  return out;
}
