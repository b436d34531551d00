import fs from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import { actOnCase } from '../application/cases/act-on-case.ts';
import type { CaseDeps } from '../application/cases/case-deps.ts';
import { parseCaseAction, type CaseActionInput } from '../application/cases/parse-case-action.ts';
import { createDraft } from '../application/cases/create-draft.ts';
import { submitCase } from '../application/cases/submit-case.ts';
import type { CaseRecord } from '../application/ports/case-store.ts';
import { addOrganisation, addUser } from '../application/people/manage-people.ts';
import type { PeopleDeps } from '../application/people/people-deps.ts';
import type { CaseOutcome } from '../domain/licensing/case-state.ts';
import type { Principal } from '../domain/people/people.ts';
import type { Role } from '../domain/people/role.ts';
import { passwordProblems } from '../domain/people/password-policy.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';

const demoTag = '[DEMO]';
const examplesDir = path.join(repositoryRoot, 'docs', 'examples', 'applications');

export interface DemoCredentials {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

/**
 * Demo data for a newcomer: an authority, two exporters, one user per role, a case submitted from
 * each example application, and the whole life of a case: a finalised refusal to an end user
 * written in Chinese script, with its letter; an approved licence; and a case awaiting the
 * exporter's answer to a question. Every user gets `password` when given (CORDON_DEMO_PASSWORD;
 * it must meet the password rules), else a generated one, printed; either way it must be changed
 * at first sign-in. Every organisation's name starts with [DEMO]. Does nothing (undefined) when
 * demo data is already there.
 */
export async function seedDemo(
  people: PeopleDeps,
  cases: CaseDeps,
  password?: string,
): Promise<Result<readonly DemoCredentials[] | undefined, CordonError>> {
  const existing = await people.store.listOrganisations();
  if (existing.some((o) => o.name.startsWith(demoTag))) return ok(undefined);
  const users: [string, Role[]][] = [
    ['demo-exporter', ['exporter']],
    ['demo-exporter2', ['exporter']],
    ['demo-caseworker', ['caseworker']],
    ['demo-advisor', ['advisor']],
    ['demo-senior', ['senior-officer']],
    ['demo-senior2', ['senior-officer']],
    ['demo-auditor', ['auditor']],
  ];
  if (password !== undefined) {
    // Checked for every user before anything is stored, so a bad password leaves no half demo.
    const problems = users.flatMap(([username]) =>
      passwordProblems(
        password,
        { username, displayName: `${demoTag} ${username}` },
        people.commonPasswords,
      ),
    );
    if (problems.length > 0) {
      return err(
        cordonError(
          'CORDON_VALIDATION_FAILED',
          'CORDON_DEMO_PASSWORD is not usable.',
          [...new Set(problems)].map((problem) => ({ field: 'CORDON_DEMO_PASSWORD', problem })),
        ),
      );
    }
  }
  const by = { actor: 'system:demo' };
  const org = async (name: string, kind: string) => {
    const added = await addOrganisation(people, by, {
      name: `${demoTag} ${name}`,
      kind,
      country: 'GB',
    });
    if (!added.ok) throw new Error(added.error.message);
    return added.value.id;
  };
  const authority = await org('Export Control Joint Unit', 'licensing-authority');
  const exporter = await org('Vista Vision Analytics Ltd', 'exporter');
  const rival = await org('Example Networks Ltd', 'exporter');
  const organisationOf: Record<string, string> = {
    'demo-exporter': exporter,
    'demo-exporter2': rival,
  };
  const credentials: DemoCredentials[] = [];
  const principals = new Map<string, Principal>();
  for (const [username, roles] of users) {
    const organisationId = organisationOf[username] ?? authority;
    const added = await addUser(people, by, {
      username,
      organisationId,
      roles,
      displayName: `${demoTag} ${username}`,
      ...(password === undefined ? {} : { password }),
    });
    if (!added.ok) throw new Error(added.error.message);
    credentials.push({ username, password: added.value.generatedPassword ?? '', roles });
    principals.set(username, {
      userId: added.value.user.id,
      username,
      organisationId,
      organisationKind: organisationId === authority ? 'licensing-authority' : 'exporter',
      roles,
      via: 'demo',
    });
  }
  const files = (await fs.readdir(examplesDir)).filter((f) => f.endsWith('.json')).sort();
  for (const [i, file] of files.entries()) {
    const application = JSON.parse(
      await fs.readFile(path.join(examplesDir, file), 'utf8'),
    ) as unknown;
    const applicant = principals.get(i % 2 === 0 ? 'demo-exporter' : 'demo-exporter2');
    if (applicant === undefined) continue;
    const draft = await createDraft(cases, applicant, application);
    if (!draft.ok) throw new Error(`demo case from ${file}: ${draft.error.message}`);
    await submitCase(cases, applicant, draft.value.licenceCase.id, draft.value.licenceCase.version);
  }
  await caseLife(cases, (username) => {
    const principal = principals.get(username);
    if (principal === undefined) throw new Error(`no demo user ${username}`);
    return principal;
  });
  return ok(credentials);
}

const example = async (file: string): Promise<Record<string, unknown>> =>
  JSON.parse(await fs.readFile(path.join(examplesDir, file), 'utf8')) as Record<string, unknown>;

/**
 * Cases at the three ends of a case's life, driven through the workflow as officers would: every
 * step is a real, audited action by the demo user of the role.
 */
async function caseLife(cases: CaseDeps, as: (username: string) => Principal): Promise<void> {
  const xinjiang = await example('video-analytics-to-xinjiang-police.json');
  const refusal = await submitted(cases, as('demo-exporter'), {
    ...xinjiang,
    parties: [
      {
        role: 'end-user',
        name: '乌鲁木齐市公安局',
        country: 'CN',
        address: '新疆维吾尔自治区乌鲁木齐市',
        type: 'police',
      },
      ...(Array.isArray(xinjiang.parties) ? (xinjiang.parties as unknown[]).slice(1) : []),
    ],
  });
  await decide(cases, as, refusal, {
    outcome: 'refused',
    criteria: [
      {
        code: 'UK-SELC-2',
        reason:
          'Clear risk that face recognition for the Urumqi police would be used for internal repression.',
      },
    ],
    text: 'The licence is refused.',
  });

  const licence = await submitted(
    cases,
    as('demo-exporter2'),
    await example('mass-market-messaging-app-to-germany.json'),
  );
  await decide(cases, as, licence, {
    outcome: 'approved',
    criteria: [],
    text: 'The licence is granted.',
    justification: 'Mass-market software for a business customer in Germany: no concerns.',
  });

  const question = await submitted(
    cases,
    as('demo-exporter'),
    await example('ip-surveillance-to-telecom.json'),
  );
  await act(cases, as('demo-caseworker'), question, {
    kind: 'request-information',
    question:
      'Please upload the end-user undertaking signed by the operator, and say which lawful-interception standard the system implements.',
  });
}

async function submitted(
  cases: CaseDeps,
  exporter: Principal,
  application: unknown,
): Promise<CaseRecord> {
  const draft = await createDraft(cases, exporter, application);
  if (!draft.ok) throw new Error(`demo case: ${draft.error.message}`);
  const sent = await submitCase(
    cases,
    exporter,
    draft.value.licenceCase.id,
    draft.value.licenceCase.version,
  );
  if (!sent.ok) throw new Error(`demo case: ${sent.error.message}`);
  return sent.value;
}

async function act(
  cases: CaseDeps,
  principal: Principal,
  record: CaseRecord,
  input: CaseActionInput,
): Promise<CaseRecord> {
  const command = parseCaseAction(input, undefined);
  if (!command.ok) throw new Error(`demo ${input.kind}: ${command.error.message}`);
  const { id, version } = record.licenceCase;
  const acted = await actOnCase(cases, principal, id, version, command.value);
  if (!acted.ok) throw new Error(`demo ${input.kind}: ${acted.error.message}`);
  return acted.value;
}

/** Takes a submitted case through advice, recommendation, decision and countersignature. */
async function decide(
  cases: CaseDeps,
  as: (username: string) => Principal,
  start: CaseRecord,
  plan: {
    readonly outcome: CaseOutcome;
    readonly criteria: NonNullable<CaseActionInput['criteria']>;
    readonly text: string;
    readonly justification?: string;
  },
): Promise<CaseRecord> {
  let record = start;
  const { criteria, text } = plan;
  for (let step = 0; step < 12; step++) {
    const c = record.licenceCase;
    switch (c.stage) {
      case 'awaiting-advice': {
        const desk = c.adviceRequests.find((r) => !c.advice.some((a) => a.desk === r.desk))?.desk;
        if (desk === undefined) throw new Error(`demo ${c.reference}: no advice outstanding`);
        const outcome = plan.outcome === 'refused' ? 'refuse' : 'approve';
        record = await act(cases, as('demo-advisor'), record, {
          kind: 'give-advice',
          desk,
          outcome,
          criteria,
          text: `Advise: ${outcome}.`,
        });
        break;
      }
      case 'under-review':
        record = await act(cases, as('demo-caseworker'), record, {
          kind: 'recommend',
          outcome: plan.outcome,
          criteria,
          text,
        });
        break;
      case 'final-review':
        record = await act(cases, as('demo-senior'), record, {
          kind: 'decide',
          outcome: plan.outcome,
          criteria,
          text,
          ...(plan.justification === undefined ? {} : { justification: plan.justification }),
        });
        break;
      case 'awaiting-countersignature':
        record = await act(cases, as('demo-senior2'), record, { kind: 'countersign' });
        break;
      case 'finalised':
        return record;
      default:
        throw new Error(`demo ${c.reference}: unexpected stage ${c.stage}`);
    }
  }
  throw new Error(`demo ${record.licenceCase.reference}: not finalised`);
}
