import fs from 'node:fs/promises';
import type { PeopleCliHandlers } from '../adapters/cli/commands/people.ts';
import {
  auditHead,
  exportAudit,
  verifyAnchoredTrail,
  verifyAuditTrail,
} from '../application/audit/verify-audit.ts';
import { parseExpectedHead } from '../domain/audit/audit-chain.ts';
import {
  addOrganisation,
  addUser,
  createToken,
  revokeToken,
  setUserDisabled,
} from '../application/people/manage-people.ts';
import type { Actor, PeopleDeps } from '../application/people/people-deps.ts';
import { changePassword } from '../application/people/change-password.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { ConfigFlags } from '../config/config.ts';
import { cordonError, type CordonError, type FieldProblem } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import { cliActor as cliActorName } from './cli-actor.ts';
import { peopleDepsFor, sha256Text } from './people-wiring.ts';

const cliActor = (): Actor => ({ actor: cliActorName() });

const parseInstant = (
  value: string | undefined,
  field: string,
): Date | FieldProblem | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? { field, problem: `"${value}" is not an ISO 8601 date or instant` }
    : date;
};

/** The CLI handlers of `cordon orgs|users|tokens|audit`. */
export function peopleCliHandlers(context: CliContext): PeopleCliHandlers {
  const withPeople = (
    flags: ConfigFlags,
    command: string,
    work: (deps: PeopleDeps) => Promise<Result<CommandOutput, CordonError>>,
  ) => context.withReadyDatabase(flags, command, (database) => work(peopleDepsFor(database.db)));

  return {
    orgsAdd: (flags, args) =>
      withPeople(flags, 'orgs add', async (deps) => {
        const added = await addOrganisation(deps, cliActor(), args);
        if (!added.ok) return added;
        const o = added.value;
        return ok({
          text: `Added ${o.kind} organisation ${o.name} (${o.country}): ${o.id}`,
          json: o,
        });
      }),
    orgsList: (flags) =>
      withPeople(flags, 'orgs list', async (deps) => {
        const orgs = await deps.store.listOrganisations();
        return ok({
          text:
            orgs
              .map((o) => `${o.id.padEnd(18)} ${o.kind.padEnd(20)} ${o.country}  ${o.name}`)
              .join('\n') || 'No organisations.',
          json: { organisations: orgs },
        });
      }),
    usersAdd: (flags, args) =>
      withPeople(flags, 'users add', async (deps) => {
        let password: string | undefined;
        if (args.passwordFromEnv !== undefined) {
          password = context.env[args.passwordFromEnv];
          if (password === undefined || password === '') {
            return err(
              cordonError(
                'CORDON_USAGE',
                `The environment variable ${args.passwordFromEnv} is not set.`,
              ),
            );
          }
        }
        const added = await addUser(deps, cliActor(), {
          username: args.username,
          organisationId: args.organisation,
          roles: args.roles,
          ...(args.displayName === undefined ? {} : { displayName: args.displayName }),
          ...(password === undefined ? {} : { password }),
        });
        if (!added.ok) return added;
        const { user, generatedPassword } = added.value;
        return ok({
          text: [
            `Added ${user.username} (${user.roles.join(', ')}) to ${user.organisationId}.`,
            ...(generatedPassword === undefined
              ? []
              : [`One-time password (shown once, hand it over securely): ${generatedPassword}`]),
            'They must change it at first sign-in.',
          ].join('\n'),
          json: {
            user,
            ...(generatedPassword === undefined ? {} : { password: generatedPassword }),
          },
        });
      }),
    usersChangePassword: (flags, args) =>
      withPeople(flags, 'users change-password', async (deps) => {
        const read = (variable: string) => context.env[variable];
        const current = read(args.currentFromEnv);
        const next = read(args.newFromEnv);
        const missing = [
          ...(current ? [] : [args.currentFromEnv]),
          ...(next ? [] : [args.newFromEnv]),
        ];
        if (current === undefined || next === undefined || missing.length > 0) {
          return err(
            cordonError(
              'CORDON_USAGE',
              `The environment variable(s) ${missing.join(', ')} are not set.`,
            ),
          );
        }
        const changed = await changePassword(deps, {
          username: args.username,
          currentPassword: current,
          newPassword: next,
          address: 'cli',
          actor: `${cliActor().actor} as user:${args.username}`,
        });
        if (!changed.ok) {
          const { code, message, fields } = changed.error;
          return err(cordonError(code, message, fields));
        }
        return ok({
          text: `Changed the password of ${args.username}; their other sessions have ended.`,
          json: { username: args.username, changed: true },
        });
      }),
    usersList: (flags) =>
      withPeople(flags, 'users list', async (deps) => {
        const users = await deps.store.listUsers();
        return ok({
          text:
            users
              .map(
                (u) =>
                  `${u.username.padEnd(20)} ${u.organisationId.padEnd(18)} ${u.roles.join(',')}${u.disabled ? '  (disabled)' : ''}`,
              )
              .join('\n') || 'No users.',
          json: { users },
        });
      }),
    usersDisable: (flags, username, disabled) =>
      withPeople(flags, disabled ? 'users disable' : 'users enable', async (deps) => {
        const changed = await setUserDisabled(deps, cliActor(), username, disabled);
        if (!changed.ok) return changed;
        return ok({
          text: `${username} is ${disabled ? 'disabled' : 'enabled'}.`,
          json: { username, disabled },
        });
      }),
    tokensCreate: (flags, args) =>
      withPeople(flags, 'tokens create', async (deps) => {
        const created = await createToken(deps, cliActor(), args);
        if (!created.ok) return created;
        const { token, secret } = created.value;
        return ok({
          text: [
            `Token ${token.id} for ${args.username}, scopes ${token.scopes.join(', ')}, expires ${token.expiresAt.toISOString()}.`,
            `Shown once; send it as "Authorization: Bearer <token>":`,
            secret,
          ].join('\n'),
          json: { token, secret },
        });
      }),
    tokensList: (flags, username) =>
      withPeople(flags, 'tokens list', async (deps) => {
        let userId: string | undefined;
        if (username !== undefined) {
          const found = await deps.store.findCredentials(username);
          if (found === undefined) {
            return err(cordonError('CORDON_NOT_FOUND', `No user is called ${username}.`));
          }
          userId = found.user.id;
        }
        const tokens = await deps.store.listTokens(userId);
        return ok({
          text:
            tokens
              .map(
                (t) =>
                  `${t.id}  ${t.name.padEnd(20)} ${t.scopes.join(',')}  expires ${t.expiresAt.toISOString()}${t.revokedAt ? '  (revoked)' : ''}`,
              )
              .join('\n') || 'No tokens.',
          json: { tokens },
        });
      }),
    tokensRevoke: (flags, id) =>
      withPeople(flags, 'tokens revoke', async (deps) => {
        const revoked = await revokeToken(deps, cliActor(), id);
        if (!revoked.ok) return revoked;
        return ok({ text: `Token ${id} is revoked.`, json: { id, revoked: true } });
      }),
    auditHead: (flags) =>
      withPeople(flags, 'audit head', async (deps) => {
        const head = await auditHead(deps.audit);
        if (head === undefined) {
          return ok({ text: 'The audit trail is empty.', json: { head: null } });
        }
        return ok({
          text: `${String(head.seq)}:${head.hash}`,
          json: { head },
        });
      }),
    auditVerify: (flags, args) =>
      withPeople(flags, 'audit verify', async (deps) => {
        let verdict;
        if (args.expectHead !== undefined) {
          const expected = parseExpectedHead(args.expectHead);
          if (expected === undefined) {
            return err(
              cordonError('CORDON_USAGE', 'Invalid --expect-head.', [
                { field: '--expect-head', problem: 'must be a SHA-256 hex hash, or SEQ:HASH' },
              ]),
            );
          }
          verdict = await verifyAnchoredTrail(deps.audit, sha256Text, expected);
        } else {
          verdict = await verifyAuditTrail(deps.audit, sha256Text);
        }
        if (!verdict.intact) {
          return err(
            cordonError(
              'CORDON_AUDIT_CHAIN_BROKEN',
              verdict.brokenAtSeq === undefined
                ? `The audit trail no longer holds the anchored head: ${verdict.reason}.`
                : `The audit chain is broken at entry ${String(verdict.brokenAtSeq)}: ${verdict.reason}.`,
            ),
          );
        }
        return ok({
          text: `The audit chain is intact: ${String(verdict.entries)} entries, last ${String(verdict.lastSeq)} with hash ${verdict.lastHash}. Anchor that hash outside the database.`,
          json: verdict,
        });
      }),
    auditExport: (flags, args) =>
      withPeople(flags, 'audit export', async (deps) => {
        const from = parseInstant(args.from, '--from');
        const to = parseInstant(args.to, '--to');
        const problems = [from, to].filter(
          (v): v is FieldProblem => v !== undefined && !(v instanceof Date),
        );
        if (problems.length > 0) {
          return err(cordonError('CORDON_USAGE', 'Invalid audit export range.', problems));
        }
        const extract = await exportAudit(deps.audit, {
          ...(from instanceof Date ? { from } : {}),
          ...(to instanceof Date ? { to } : {}),
        });
        const text = `${JSON.stringify(extract, null, 2)}\n`;
        if (args.out !== undefined) {
          // An extract names people and cases: readable by its owner only, whatever the umask.
          await fs.writeFile(args.out, text, { mode: 0o600 });
          await fs.chmod(args.out, 0o600);
          return ok({
            text: `Wrote ${String(extract.entries.length)} entries to ${args.out}.`,
            json: { out: args.out, entries: extract.entries.length, anchor: extract.anchor },
          });
        }
        return ok({ text: text.trimEnd(), json: extract });
      }),
  };
}
