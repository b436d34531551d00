import type { OrganisationKind } from '../people/people.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import type { CaseCommand } from './case-transitions.ts';
import type { Actor, LicenceCase } from './licence-case.ts';

/** The duties on a case that separation of duties keeps apart, each done by one command. */
export const caseDuties = [
  'advise',
  'recommend',
  'decide',
  'countersign',
  'decide-appeal',
] as const;
export type CaseDuty = (typeof caseDuties)[number];

/**
 * The four-eyes floor: on one case, the advisor, the recommending caseworker, the deciding senior
 * officer and the countersigning one are four different people. A case policy may add duties to
 * keep apart (`decide-appeal`), never remove these.
 */
export const fourEyesFloor: readonly CaseDuty[] = ['advise', 'recommend', 'decide', 'countersign'];

/** Who may do what on the authority's cases, as versioned policy data (the case policy). */
export interface SeparationOfDuties {
  /** Duties of which one person may hold at most one on a case (repeating the same one is fine). */
  readonly distinctDuties: readonly CaseDuty[];
  /** Organisations whose users may see and work the authority's cases as officers. */
  readonly officerOrganisationKinds: readonly OrganisationKind[];
  /** Organisations whose users may give advice on a case (an advising department, the authority). */
  readonly advisorOrganisationKinds: readonly OrganisationKind[];
  /** Where the rule comes from (never presented as legal text unless verbatim). */
  readonly basis?: CitedText;
}

/** The rule when no case policy states one: the four-eyes floor plus an independent appeal. */
export const defaultSeparationOfDuties: SeparationOfDuties = {
  distinctDuties: [...fourEyesFloor, 'decide-appeal'],
  officerOrganisationKinds: ['licensing-authority'],
  advisorOrganisationKinds: ['licensing-authority', 'advising-department'],
};

/** The duty a command performs, if it is one that separation of duties counts. */
export function dutyOf(kind: CaseCommand['kind']): CaseDuty | undefined {
  switch (kind) {
    case 'give-advice':
      return 'advise';
    case 'recommend':
      return 'recommend';
    case 'decide':
      return 'decide';
    case 'countersign':
      return 'countersign';
    case 'decide-appeal':
      return 'decide-appeal';
    default:
      return undefined;
  }
}

/** One duty a person performed on a case, recorded on the case and never removed. */
export interface DutyRecord {
  readonly duty: CaseDuty;
  readonly userId: string;
  readonly at: Date;
}

/**
 * Every duty performed on a case so far: the case's own record, plus what its advice,
 * recommendation, decision and appeal show (cases recorded before the record existed). A decision
 * returned for review is gone from the case but stays in the record, so its author cannot come
 * back as the countersigner.
 */
export function dutiesOn(c: LicenceCase): readonly DutyRecord[] {
  const derived: DutyRecord[] = [
    ...c.advice.map((a) => ({ duty: 'advise' as const, userId: a.by.userId, at: a.givenAt })),
    ...(c.recommendation
      ? [
          {
            duty: 'recommend' as const,
            userId: c.recommendation.by.userId,
            at: c.recommendation.at,
          },
        ]
      : []),
    ...(c.decision
      ? [{ duty: 'decide' as const, userId: c.decision.by.userId, at: c.decision.at }]
      : []),
    ...(c.decision?.countersignedBy && c.decision.countersignedAt
      ? [
          {
            duty: 'countersign' as const,
            userId: c.decision.countersignedBy.userId,
            at: c.decision.countersignedAt,
          },
        ]
      : []),
    ...(c.appeal?.decidedBy && c.appeal.decidedAt
      ? [
          {
            duty: 'decide-appeal' as const,
            userId: c.appeal.decidedBy.userId,
            at: c.appeal.decidedAt,
          },
        ]
      : []),
  ];
  return [...(c.duties ?? []), ...derived];
}

/**
 * Why `actor` may not perform `duty` on the case, or undefined when they may: they already hold
 * another of the policy's distinct duties there. Automatic steps (`system`) hold no duty.
 *
 * @example
 * separationProblem(caseAdvisedByAnna, 'countersign', anna, defaultSeparationOfDuties)
 * // 'anna gave advice on GB-2026-00001: the countersignature must come from someone else ...'
 */
export function separationProblem(
  c: LicenceCase,
  duty: CaseDuty,
  actor: Actor,
  policy: SeparationOfDuties,
): string | undefined {
  if (actor.role === 'system' || !policy.distinctDuties.includes(duty)) return undefined;
  const clash = dutiesOn(c).find(
    (held) =>
      held.userId === actor.userId &&
      held.duty !== duty &&
      policy.distinctDuties.includes(held.duty),
  );
  if (clash === undefined) return undefined;
  return `${actor.name ?? actor.userId} already ${pastTense[clash.duty]} on ${c.reference}: separation of duties needs someone else to ${presentTense[duty]} (advisor, recommender, decider and countersigner are different people).`;
}

const pastTense: Readonly<Record<CaseDuty, string>> = {
  advise: 'gave advice',
  recommend: 'recommended',
  decide: 'decided',
  countersign: 'countersigned',
  'decide-appeal': 'decided the appeal',
};
const presentTense: Readonly<Record<CaseDuty, string>> = {
  advise: 'give advice',
  recommend: 'recommend',
  decide: 'decide',
  countersign: 'countersign',
  'decide-appeal': 'decide the appeal',
};

/** The case's duty record after `actor` performed `duty`. */
export const withDuty = (c: LicenceCase, duty: CaseDuty, actor: Actor, at: Date): LicenceCase =>
  actor.role === 'system'
    ? c
    : { ...c, duties: [...(c.duties ?? []), { duty, userId: actor.userId, at }] };

/**
 * Whether a user of an organisation of `kind` may see the authority's cases: the authority's own
 * staff and advising departments do; exporters see their own organisation's cases (checked
 * elsewhere); a partner authority's users see none of them.
 */
export const organisationSeesCases = (
  kind: OrganisationKind,
  policy: SeparationOfDuties = defaultSeparationOfDuties,
): boolean =>
  kind === 'exporter' ||
  policy.officerOrganisationKinds.includes(kind) ||
  policy.advisorOrganisationKinds.includes(kind);

/**
 * Why a user of an organisation of `kind` may not issue `command` on the authority's cases, or
 * undefined when they may. Exporters act on their own cases (the transition table says which
 * commands); advice may come from an advising department; every other officer step only from the
 * licensing authority's own users.
 */
export function organisationProblem(
  kind: OrganisationKind,
  command: CaseCommand['kind'],
  policy: SeparationOfDuties,
): string | undefined {
  if (kind === 'exporter') return undefined;
  const allowed =
    command === 'give-advice' ? policy.advisorOrganisationKinds : policy.officerOrganisationKinds;
  return allowed.includes(kind)
    ? undefined
    : `Users of a ${kind} organisation may not ${command.replace(/-/g, ' ')} on this authority's cases.`;
}
