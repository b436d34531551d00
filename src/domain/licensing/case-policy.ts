import type { LegalTexts } from '../policy/legal-texts.ts';
import type { CitedText, TextStatus } from '../policy/text-provenance.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { CriterionCitation } from './licence-case.ts';
import { organisationKinds, type OrganisationKind } from '../people/people.ts';
import {
  caseDuties,
  defaultSeparationOfDuties,
  fourEyesFloor,
  type CaseDuty,
  type SeparationOfDuties,
} from './separation-of-duties.ts';

/**
 * How cases are handled once decided, per jurisdiction, as versioned data
 * (`data/routing/case-policy-v<N>.json`): how long an exporter has to appeal a refusal, and the
 * refusal criteria officers cite, each with the text a refusal letter quotes. A decision records
 * the policy id and version it applied, so that a past letter can be explained.
 */
export interface CasePolicy {
  readonly id: string;
  readonly version: number;
  /** Appeal periods; the one for `*` applies where no jurisdiction has its own. */
  readonly appeals: readonly AppealRule[];
  readonly criteria: readonly RefusalCriterion[];
  /**
   * Who may act on the authority's cases and which duties one person may not combine on a case
   * (from version 2; a policy without it gets `defaultSeparationOfDuties`, the four-eyes floor).
   */
  readonly separationOfDuties: SeparationOfDuties;
  /** What follows an exporter's withdrawal while a refusal awaits its countersignature. */
  readonly withdrawal: WithdrawalRule;
}

/**
 * A refusal that is decided but not countersigned is not final; an exporter who withdraws then
 * avoids a denial. The withdrawal is always recorded with the pending refusal; whether partners
 * are notified of it (as a withdrawal under a pending refusal, not as a denial) is policy.
 */
export interface WithdrawalRule {
  readonly notifyPartnersOfPendingRefusal: boolean;
  readonly basis?: CitedText;
}

const defaultWithdrawalRule: WithdrawalRule = { notifyPartnersOfPendingRefusal: false };

export interface AppealRule {
  /** Country codes (or `EU`), or `['*']` for the default. */
  readonly jurisdictions: readonly string[];
  /** Calendar days from the countersignature of the refusal. */
  readonly days: number;
  /** Where the period comes from, with its status (never presented as legal text unless verbatim). */
  readonly basis: CitedText;
}

export interface RefusalCriterion {
  /** The code officers cite, e.g. `UK-SELC-2`; matched without regard to case. */
  readonly code: string;
  readonly jurisdictions: readonly string[];
  readonly title: string;
  readonly text: CitedText;
}

/** The appeal period a refusal is given, recorded on the decision. */
export interface AppealPeriodRule {
  readonly days: number;
  readonly basis: CitedText;
  readonly policy: { readonly id: string; readonly version: number };
}

/** The appeal period of a jurisdiction: its own rule, else the policy's default (`*`). */
export function appealPeriodFor(policy: CasePolicy, jurisdiction: string): AppealPeriodRule {
  const rule =
    policy.appeals.find((a) => a.jurisdictions.includes(jurisdiction)) ??
    policy.appeals.find((a) => a.jurisdictions.includes('*'));
  // resolveCasePolicy guarantees a default; a policy built by hand without one is a bug.
  if (rule === undefined) throw new Error(`Case policy ${policy.id} has no default appeal period.`);
  return { days: rule.days, basis: rule.basis, policy: { id: policy.id, version: policy.version } };
}

/** A cited criterion with the text it refers to, when the shipped data has one. */
export interface CitedCriterion {
  readonly code: string;
  readonly reason: string;
  readonly title?: string;
  readonly text?: CitedText;
  /** Where the text was found: the case policy, a legal text id, or the frozen assessment. */
  readonly from?: 'case-policy' | 'legal-text' | 'assessment';
}

/** A criterion the frozen assessment cited, with its text as it was at submission. */
export interface AssessedCriterion {
  readonly id: string;
  readonly title?: string;
  readonly text?: CitedText;
}

/**
 * Finds the text of each cited criterion: first the case policy's refusal criteria of the
 * jurisdiction (`UK-SELC-2`), then a shipped legal text by its id (`hr:UK-SELC-2021-C2`,
 * `eu-2021/821:art-15(1)`, or the code with `hr:` before it), then the criteria of the assessment
 * frozen into the case (`uk-selc-c2`). A code found nowhere keeps only the officer's reason: the
 * letter then says that no text is on record, rather than invent one.
 *
 * @example
 * citeCriteria([{ code: 'UK-SELC-2', reason: 'Clear risk' }], { policy, jurisdiction: 'GB', texts })
 * // [{ code: 'UK-SELC-2', reason: 'Clear risk', title: 'Strategic Export Licensing Criterion 2 ...', text: { textStatus: 'paraphrase', ... }, from: 'case-policy' }]
 */
export function citeCriteria(
  citations: readonly CriterionCitation[],
  context: {
    readonly policy: CasePolicy;
    readonly jurisdiction: string;
    readonly texts: LegalTexts;
    readonly assessed?: readonly AssessedCriterion[];
  },
): CitedCriterion[] {
  return citations.map((citation) => {
    const code = citation.code.trim();
    const upper = code.toUpperCase();
    const listed = context.policy.criteria.find(
      (c) => c.code.toUpperCase() === upper && c.jurisdictions.includes(context.jurisdiction),
    );
    if (listed !== undefined) {
      return { ...citation, title: listed.title, text: listed.text, from: 'case-policy' };
    }
    const legal = context.texts.get(code) ?? context.texts.get(`hr:${code}`);
    if (legal !== undefined) return { ...citation, text: legal, from: 'legal-text' };
    const assessed = context.assessed?.find((c) => c.id.toUpperCase() === upper);
    if (assessed?.text !== undefined) {
      return {
        ...citation,
        ...(assessed.title === undefined ? {} : { title: assessed.title }),
        text: assessed.text,
        from: 'assessment',
      };
    }
    return { ...citation };
  });
}

/** One problem of a case policy document, named by its JSON pointer. */
export interface CasePolicyProblem {
  readonly path: string;
  readonly message: string;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ownStatuses: readonly TextStatus[] = ['paraphrase', 'seed-unverified'];

/**
 * Checks a case policy document (the JSON of `case-policy-v<N>.json`) and resolves the texts it
 * cites, listing every problem at once. A text is either `{ "ref": "<legal text id>" }` (it brings
 * its own status and source) or the author's words `{ "text", "textStatus": "paraphrase" |
 * "seed-unverified", "source": { "title", "date" } }`: the file may not call its own words verbatim.
 */
export function resolveCasePolicy(
  doc: unknown,
  texts: LegalTexts,
  file: string,
): Result<CasePolicy, readonly CasePolicyProblem[]> {
  const problems: CasePolicyProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(doc)) return err([{ path: '', message: 'must be a JSON object' }]);

  const text = (value: unknown, path: string): CitedText => {
    const fallback: CitedText = {
      text: '',
      textStatus: 'seed-unverified',
      source: { title: 'unresolved', date: '' },
    };
    if (!isRecord(value)) {
      problem(path, 'must be { "ref": ... } or { "text", "textStatus", "source" }');
      return fallback;
    }
    if (typeof value.ref === 'string') {
      const found = texts.get(value.ref);
      if (found === undefined) problem(`${path}/ref`, `no legal text "${value.ref}" is shipped`);
      return found ?? fallback;
    }
    const source = isRecord(value.source) ? value.source : {};
    if (typeof value.text !== 'string' || value.text.trim() === '') {
      problem(`${path}/text`, 'must be a non-empty string');
    }
    if (!ownStatuses.includes(value.textStatus as TextStatus)) {
      problem(
        `${path}/textStatus`,
        'must be paraphrase or seed-unverified (cite verbatim law by "ref")',
      );
    }
    if (typeof source.title !== 'string' || typeof source.date !== 'string') {
      problem(`${path}/source`, 'must have a title and a date');
    }
    return {
      text: typeof value.text === 'string' ? value.text : '',
      textStatus: ownStatuses.includes(value.textStatus as TextStatus)
        ? (value.textStatus as TextStatus)
        : 'seed-unverified',
      source: {
        title: typeof source.title === 'string' ? source.title : '',
        date: typeof source.date === 'string' ? source.date : '',
        ...(typeof source.url === 'string' ? { url: source.url } : {}),
        file,
        pointer: path,
      },
    };
  };
  const jurisdictions = (value: unknown, path: string): string[] => {
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      !value.every((j) => typeof j === 'string' && /^([A-Z]{2}|\*)$/.test(j))
    ) {
      problem(path, 'must be a non-empty list of country codes (or EU, or * for the default)');
      return [];
    }
    return value as string[];
  };

  if (typeof doc.id !== 'string' || doc.id === '') problem('/id', 'must be a non-empty string');
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1) {
    problem('/version', 'must be a whole number, at least 1');
  }
  const appeals = (Array.isArray(doc.appeals) ? doc.appeals : []).map((a: unknown, i) => {
    const path = `/appeals/${String(i)}`;
    const rule = isRecord(a) ? a : {};
    const days = rule.days;
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 366) {
      problem(`${path}/days`, 'must be a whole number of days from 1 to 366');
    }
    return {
      jurisdictions: jurisdictions(rule.jurisdictions, `${path}/jurisdictions`),
      days: days as number,
      basis: text(rule.basis, `${path}/basis`),
    };
  });
  if (!Array.isArray(doc.appeals)) problem('/appeals', 'must be a list');
  else if (!appeals.some((a) => a.jurisdictions.includes('*'))) {
    problem('/appeals', 'must have a default period for jurisdictions ["*"]');
  }
  const seen = new Set<string>();
  const criteria = (Array.isArray(doc.criteria) ? doc.criteria : []).map((c: unknown, i) => {
    const path = `/criteria/${String(i)}`;
    const criterion = isRecord(c) ? c : {};
    const code = typeof criterion.code === 'string' ? criterion.code.trim() : '';
    if (code === '') problem(`${path}/code`, 'must be a non-empty string');
    const listed = jurisdictions(criterion.jurisdictions, `${path}/jurisdictions`);
    for (const j of listed) {
      const key = `${j}:${code.toUpperCase()}`;
      if (seen.has(key)) problem(`${path}/code`, `${code} is listed twice for ${j}`);
      seen.add(key);
    }
    if (typeof criterion.title !== 'string' || criterion.title.trim() === '') {
      problem(`${path}/title`, 'must be a non-empty string');
    }
    return {
      code,
      jurisdictions: listed,
      title: typeof criterion.title === 'string' ? criterion.title : '',
      text: text(criterion.text, `${path}/text`),
    };
  });
  if (!Array.isArray(doc.criteria)) problem('/criteria', 'must be a list');
  const separationOfDuties =
    doc.separationOfDuties === undefined
      ? defaultSeparationOfDuties
      : separation(doc.separationOfDuties, problem, text);
  const withdrawal =
    doc.withdrawal === undefined
      ? defaultWithdrawalRule
      : withdrawalRule(doc.withdrawal, problem, text);
  if (problems.length > 0) return err(problems);
  return ok({
    id: doc.id as string,
    version: doc.version as number,
    appeals,
    criteria,
    separationOfDuties,
    withdrawal,
  });
}

type Problem = (path: string, message: string) => void;
type TextOf = (value: unknown, path: string) => CitedText;

// Organisations that may never act on the authority's cases, whatever a policy file says.
const neverOfficers: readonly OrganisationKind[] = [
  'exporter',
  'partner-authority',
  'industry',
  'academia',
  'civil-society',
];

function separation(value: unknown, problem: Problem, text: TextOf): SeparationOfDuties {
  const path = '/separationOfDuties';
  if (!isRecord(value)) {
    problem(path, 'must be an object');
    return defaultSeparationOfDuties;
  }
  const duties = value.distinctDuties;
  if (!Array.isArray(duties) || !duties.every((d) => caseDuties.includes(d as CaseDuty))) {
    problem(`${path}/distinctDuties`, `must be a list of ${caseDuties.join(', ')}`);
  } else {
    const missing = fourEyesFloor.filter((d) => !duties.includes(d));
    if (missing.length > 0) {
      problem(
        `${path}/distinctDuties`,
        `must keep the four-eyes floor (${fourEyesFloor.join(', ')}); missing ${missing.join(', ')}`,
      );
    }
  }
  const kinds = (key: string): OrganisationKind[] => {
    const list = value[key];
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every(
        (k) =>
          organisationKinds.includes(k as OrganisationKind) &&
          !neverOfficers.includes(k as OrganisationKind),
      )
    ) {
      problem(
        `${path}/${key}`,
        "must be a non-empty list of licensing-authority or advising-department (exporters and partner authorities never act on the authority's cases)",
      );
      return [];
    }
    return list as OrganisationKind[];
  };
  return {
    distinctDuties: Array.isArray(duties) ? (duties as CaseDuty[]) : [],
    officerOrganisationKinds: kinds('officerOrganisationKinds'),
    advisorOrganisationKinds: kinds('advisorOrganisationKinds'),
    ...(value.basis === undefined ? {} : { basis: text(value.basis, `${path}/basis`) }),
  };
}

function withdrawalRule(value: unknown, problem: Problem, text: TextOf): WithdrawalRule {
  const path = '/withdrawal';
  if (!isRecord(value) || typeof value.notifyPartnersOfPendingRefusal !== 'boolean') {
    problem(`${path}/notifyPartnersOfPendingRefusal`, 'must be true or false');
    return defaultWithdrawalRule;
  }
  return {
    notifyPartnersOfPendingRefusal: value.notifyPartnersOfPendingRefusal,
    ...(value.basis === undefined ? {} : { basis: text(value.basis, `${path}/basis`) }),
  };
}
