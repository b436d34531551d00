import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import type { CordonError } from '../../../domain/shared/errors.ts';
import type { Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

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
