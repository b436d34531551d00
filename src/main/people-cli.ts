import type { Command } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import { type CordonError, cordonError, type FieldProblem } from '../domain/shared/errors.ts';
import { type Result, err, ok } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import fs from 'node:fs/promises';
import type { Actor, PeopleDeps } from '../application/people/people-deps.ts';
import type { CliContext } from './cli-context.ts';
import { cliActor as cliActorName } from './cli-actor.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../application/audit/verify-audit.ts')),
  ...(await import('../domain/audit/audit-chain.ts')),
  ...(await import('../application/people/manage-people.ts')),
  ...(await import('../application/people/change-password.ts')),
  ...(await import('./people-wiring.ts')),
});

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** The work behind `cordon orgs|users|tokens|audit ...`. */
export interface PeopleCliHandlers {
  orgsAdd(
    flags: ConfigFlags,
    args: { readonly name: string; readonly kind: string; readonly country: string },
  ): Outcome;
  orgsList(flags: ConfigFlags): Outcome;
  usersAdd(
    flags: ConfigFlags,
    args: {
      readonly username: string;
      readonly organisation: string;
      readonly roles: readonly string[];
      readonly displayName?: string;
      readonly passwordFromEnv?: string;
    },
  ): Outcome;
  usersList(flags: ConfigFlags): Outcome;
  usersChangePassword(
    flags: ConfigFlags,
    args: {
      readonly username: string;
      readonly currentFromEnv: string;
      readonly newFromEnv: string;
    },
  ): Outcome;
  usersDisable(flags: ConfigFlags, username: string, disabled: boolean): Outcome;
  tokensCreate(
    flags: ConfigFlags,
    args: {
      readonly username: string;
      readonly name: string;
      readonly scopes?: readonly string[];
      readonly days?: number;
    },
  ): Outcome;
  tokensList(flags: ConfigFlags, username?: string): Outcome;
  tokensRevoke(flags: ConfigFlags, id: string): Outcome;
  auditVerify(flags: ConfigFlags, args: { readonly expectHead?: string }): Outcome;
  auditHead(flags: ConfigFlags): Outcome;
  auditExport(
    flags: ConfigFlags,
    args: { readonly from?: string; readonly to?: string; readonly out?: string },
  ): Outcome;
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Registers `cordon orgs`, `cordon users`, `cordon tokens` and `cordon audit`. */
export function registerPeopleCommands(
  program: Command,
  handlers: PeopleCliHandlers,
  context: CommandContext,
): void {
  const orgs = program
    .command('orgs')
    .description('organisations: exporters, authorities, advisers');
  orgs
    .command('add')
    .description('add an organisation')
    .requiredOption('--name <name>', 'its name')
    .requiredOption(
      '--kind <kind>',
      'exporter | licensing-authority | advising-department | partner-authority',
    )
    .requiredOption('--country <CC>', 'ISO 3166-1 alpha-2 country code, or EU')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        opts: { name: string; kind: string; country: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.orgsAdd(context.flags(command), {
            name: opts.name,
            kind: opts.kind,
            country: opts.country.toUpperCase(),
          }),
        );
      },
    );
  orgs
    .command('list')
    .description('list organisations')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.orgsList(context.flags(command)));
    });

  const users = program.command('users').description('people who sign in, and their roles');
  users
    .command('add')
    .description(
      'add a user (the operator, on the store’s machine); prints a one-time password unless --password-env names one. Either way the user must change it at first sign-in',
    )
    .argument('<username>', 'the sign-in name (lower case)')
    .requiredOption('--org <id>', 'the organisation id (see `cordon orgs list`)')
    .requiredOption(
      '--roles <roles>',
      'comma-separated: exporter, caseworker, advisor, senior-officer, administrator, auditor',
    )
    .option('--display-name <name>', 'the name shown in the UI')
    .option('--password-env <VAR>', 'take the password from this environment variable')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        username: string,
        opts: {
          org: string;
          roles: string;
          displayName?: string;
          passwordEnv?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.usersAdd(context.flags(command), {
            username,
            organisation: opts.org,
            roles: list(opts.roles),
            ...(opts.displayName === undefined ? {} : { displayName: opts.displayName }),
            ...(opts.passwordEnv === undefined ? {} : { passwordFromEnv: opts.passwordEnv }),
          }),
        );
      },
    );
  users
    .command('list')
    .description('list users with their organisation and roles')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.usersList(context.flags(command)));
    });
  users
    .command('change-password')
    .description(
      'change your own password: prove the current one, choose a new one (both read from environment variables, never from the command line)',
    )
    .argument('<username>', 'your sign-in name')
    .requiredOption('--current-password-env <VAR>', 'the variable holding your current password')
    .requiredOption('--new-password-env <VAR>', 'the variable holding the new password')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        username: string,
        opts: { currentPasswordEnv: string; newPasswordEnv: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.usersChangePassword(context.flags(command), {
            username,
            currentFromEnv: opts.currentPasswordEnv,
            newFromEnv: opts.newPasswordEnv,
          }),
        );
      },
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(name)
      .description(
        `${name} a user (${disabled ? 'their sessions and tokens stop working' : 'again'})`,
      )
      .argument('<username>')
      .option('--json', 'print the result as JSON')
      .action(async (username: string, opts: { json?: boolean }, command: Command) => {
        await context.run(opts.json === true, () =>
          handlers.usersDisable(context.flags(command), username, disabled),
        );
      });
  }

  const tokens = program.command('tokens').description('API tokens for machines');
  tokens
    .command('create')
    .description('create an API token; it is printed once and stored only hashed')
    .requiredOption('--user <username>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "erp-integration"')
    .option('--scopes <roles>', "comma-separated roles, a subset of the user's (default: all)")
    .option('--days <n>', 'days until it expires (1-366, default 90)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        opts: { user: string; name: string; scopes?: string; days?: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.tokensCreate(context.flags(command), {
            username: opts.user,
            name: opts.name,
            ...(opts.scopes === undefined ? {} : { scopes: list(opts.scopes) }),
            ...(opts.days === undefined ? {} : { days: Number(opts.days) }),
          }),
        );
      },
    );
  tokens
    .command('list')
    .description('list API tokens (never their secrets)')
    .option('--user <username>', 'only this user’s tokens')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { user?: string; json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.tokensList(context.flags(command), opts.user),
      );
    });
  tokens
    .command('revoke')
    .description('revoke an API token at once')
    .argument('<id>', 'the token id (the part after cdn_, see `cordon tokens list`)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.tokensRevoke(context.flags(command), id),
      );
    });

  const audit = program.command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description(
      'walk the whole chain; name the first edited, deleted or reordered entry (exit 1); with --expect-head, also fail when a head anchored earlier is gone (truncation, rewriting)',
    )
    .option(
      '--expect-head <HASH>',
      'a head printed earlier by `cordon audit head` (HASH or SEQ:HASH), kept outside the database',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean; expectHead?: string }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.auditVerify(
          context.flags(command),
          opts.expectHead === undefined ? {} : { expectHead: opts.expectHead },
        ),
      );
    });
  audit
    .command('head')
    .description(
      'print the latest entry of the trail (SEQ:HASH): anchor it outside the database, e.g. in a write-once log',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.auditHead(context.flags(command)));
    });
  audit
    .command('export')
    .description('write a verifiable extract (JSON) of the entries between two instants')
    .option('--from <ISO date>', 'first instant (inclusive)')
    .option('--to <ISO date>', 'last instant (inclusive)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { from?: string; to?: string; out?: string }, command: Command) => {
      await context.run(true, () =>
        handlers.auditExport(context.flags(command), {
          ...(opts.from === undefined ? {} : { from: opts.from }),
          ...(opts.to === undefined ? {} : { to: opts.to }),
          ...(opts.out === undefined ? {} : { out: opts.out }),
        }),
      );
    });
}

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
  ) =>
    context.withReadyDatabase(flags, command, async (database) =>
      work((await modules()).peopleDepsFor(database.db)),
    );

  return {
    orgsAdd: (flags, args) =>
      withPeople(flags, 'orgs add', async (deps) => {
        const { addOrganisation } = await modules();
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
        const { addUser } = await modules();
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
        const { changePassword } = await modules();
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
        const { setUserDisabled } = await modules();
        const changed = await setUserDisabled(deps, cliActor(), username, disabled);
        if (!changed.ok) return changed;
        return ok({
          text: `${username} is ${disabled ? 'disabled' : 'enabled'}.`,
          json: { username, disabled },
        });
      }),
    tokensCreate: (flags, args) =>
      withPeople(flags, 'tokens create', async (deps) => {
        const { createToken } = await modules();
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
        const { revokeToken } = await modules();
        const revoked = await revokeToken(deps, cliActor(), id);
        if (!revoked.ok) return revoked;
        return ok({ text: `Token ${id} is revoked.`, json: { id, revoked: true } });
      }),
    auditHead: (flags) =>
      withPeople(flags, 'audit head', async (deps) => {
        const { auditHead } = await modules();
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
        const { parseExpectedHead, verifyAnchoredTrail, sha256Text, verifyAuditTrail } =
          await modules();
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
        const { exportAudit } = await modules();
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
