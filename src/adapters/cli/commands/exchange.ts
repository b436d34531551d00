import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import type { CordonError } from '../../../domain/shared/errors.ts';
import type { Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** The work behind `cordon exchange ...`. */
export interface ExchangeCliHandlers {
  exchangeKeygen(
    flags: ConfigFlags,
    args: { readonly authority?: string; readonly rotate: boolean; readonly overlapDays: number },
  ): Outcome;
  exchangeIdentity(flags: ConfigFlags): Outcome;
  exchangePartnersAdd(
    flags: ConfigFlags,
    args: {
      readonly id: string;
      readonly url: string;
      readonly publicKey: string;
      readonly validUntil?: string;
    },
  ): Outcome;
  exchangePartnersList(flags: ConfigFlags): Outcome;
  exchangeSync(flags: ConfigFlags, partner?: string): Outcome;
  exchangeRejected(flags: ConfigFlags): Outcome;
}

/** Registers `cordon exchange keygen|identity|partners|sync|rejected`. */
export function registerExchangeCommands(
  program: Command,
  handlers: ExchangeCliHandlers,
  context: CommandContext,
): void {
  const exchange = program
    .command('exchange')
    .description(
      'exchange with partner states: node identity, partners, signed denial notifications',
    );
  exchange
    .command('keygen')
    .description(
      'create this node\u2019s Ed25519 key (file from CORDON_EXCHANGE_KEY_FILE, default <data dir>/exchange-key.json)',
    )
    .option('--authority <ID>', 'this authority\u2019s id, e.g. GB-ECJU (env CORDON_AUTHORITY_ID)')
    .option('--rotate', 'add a new key; older keys stay valid for the overlap', false)
    .option(
      '--overlap-days <n>',
      'days partners still accept the previous key after a rotation',
      '30',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        opts: { authority?: string; rotate: boolean; overlapDays: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.exchangeKeygen(context.flags(command), {
            ...(opts.authority === undefined ? {} : { authority: opts.authority }),
            rotate: opts.rotate,
            overlapDays: Number(opts.overlapDays),
          }),
        );
      },
    );
  exchange
    .command('identity')
    .description('print this node\u2019s authority id and public keys (give them to partners)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.exchangeIdentity(context.flags(command)),
      );
    });

  const partners = exchange.command('partners').description('the partner registry (pinned keys)');
  partners
    .command('add')
    .description('register a partner state, or pin another of its keys')
    .requiredOption('--id <ID>', 'the partner\u2019s authority id, e.g. US-BIS')
    .requiredOption('--url <url>', 'the partner node\u2019s base URL (https in production)')
    .requiredOption('--public-key <key>', 'its Ed25519 public key: base64url x, or a JWK')
    .option('--valid-until <instant>', 'the end of this key\u2019s validity (a rotation overlap)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        opts: { id: string; url: string; publicKey: string; validUntil?: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () =>
          handlers.exchangePartnersAdd(context.flags(command), {
            id: opts.id,
            url: opts.url,
            publicKey: opts.publicKey,
            ...(opts.validUntil === undefined ? {} : { validUntil: opts.validUntil }),
          }),
        );
      },
    );
  partners
    .command('list')
    .description('list partners, their keys and feed positions')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.exchangePartnersList(context.flags(command)),
      );
    });

  exchange
    .command('sync')
    .description(
      'pull partners\u2019 feeds now (with the server stopped; a running server: POST /v1/exchange/sync)',
    )
    .option('--partner <ID>', 'only this partner')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { partner?: string; json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.exchangeSync(context.flags(command), opts.partner),
      );
    });
  exchange
    .command('rejected')
    .description('messages refused, with the reason')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.exchangeRejected(context.flags(command)),
      );
    });
}
