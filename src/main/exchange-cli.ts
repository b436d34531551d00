import type { Command } from 'commander';
import type { ConfigFlags, Config, ExchangeConfig } from '../config/config.ts';
import { type CordonError, cordonError } from '../domain/shared/errors.ts';
import { type Result, err, ok } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import os from 'node:os';
import type { CliContext } from './cli-context.ts';
import { parseExchangeConfig } from '../config/config.ts';
import type { exchangeDepsFor } from './exchange-wiring.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/exchange/exchange-key-file.ts')),
  ...(await import('../adapters/runtime/system-clock.ts')),
  ...(await import('../application/exchange/manage-partners.ts')),
  ...(await import('../application/exchange/sync-partners.ts')),
  ...(await import('../domain/exchange/exchange-message.ts')),
  ...(await import('./exchange-wiring.ts')),
});

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

/** The exchange settings beside a parsed config, or the configuration error naming the bad variable. */
export function exchangeConfigFrom(
  context: CliContext,
  config: Config,
): Result<ExchangeConfig, CordonError> {
  const parsed = parseExchangeConfig(context.env, config.database, context.cwd);
  return parsed.ok
    ? parsed
    : err(cordonError('CORDON_CONFIG_INVALID', 'Invalid exchange configuration', parsed.error));
}

const cliActor = (): string => {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
};

/** The CLI handlers of `cordon exchange ...`. */
export function exchangeCliHandlers(context: CliContext): ExchangeCliHandlers {
  const settings = (flags: ConfigFlags): Result<ExchangeConfig, CordonError> => {
    const config = context.configFrom(flags);
    return config.ok ? exchangeConfigFrom(context, config.value) : config;
  };
  const withExchange = (
    flags: ConfigFlags,
    command: string,
    work: (
      deps: Awaited<ReturnType<typeof exchangeDepsFor>>,
    ) => ReturnType<ExchangeCliHandlers['exchangeSync']>,
  ) => {
    const exchange = settings(flags);
    if (!exchange.ok) return Promise.resolve(exchange);
    return context.withReadyDatabase(flags, command, async (database) =>
      work(await (await modules()).exchangeDepsFor(database.db, exchange.value)),
    );
  };

  return {
    async exchangeKeygen(flags, args) {
      const { readKeyFile, isAuthorityId, generateKeyFile, systemClock } = await modules();
      const exchange = settings(flags);
      if (!exchange.ok) return exchange;
      const authorityId =
        args.authority ??
        exchange.value.authorityId ??
        (await readKeyFile(exchange.value.keyFile))?.authorityId;
      if (authorityId === undefined || !isAuthorityId(authorityId)) {
        return err(
          cordonError(
            'CORDON_USAGE',
            'Give the authority id with --authority (or CORDON_AUTHORITY_ID), e.g. GB-ECJU.',
          ),
        );
      }
      if (!Number.isInteger(args.overlapDays) || args.overlapDays < 0) {
        return err(cordonError('CORDON_USAGE', '--overlap-days must be a whole number of days.'));
      }
      const generated = await generateKeyFile(exchange.value.keyFile, {
        authorityId,
        rotate: args.rotate,
        overlapDays: args.overlapDays,
        now: systemClock.now(),
      });
      if (!generated.ok) return err(cordonError('CORDON_USAGE', generated.error));
      const key = generated.value.created;
      return ok({
        text: [
          `${args.rotate ? 'Added a new key' : 'Created the exchange key'} for ${authorityId} in ${exchange.value.keyFile}.`,
          `Key id:     ${key.kid}`,
          `Public key: ${String(key.publicJwk.x)}`,
          'Give partners the public key (they pin it with `cordon exchange partners add --public-key`).',
        ].join('\n'),
        json: {
          authorityId,
          keyFile: exchange.value.keyFile,
          kid: key.kid,
          publicKey: key.publicJwk.x,
        },
      });
    },

    async exchangeIdentity(flags) {
      const { readKeyFile } = await modules();
      const exchange = settings(flags);
      if (!exchange.ok) return exchange;
      const file = await readKeyFile(exchange.value.keyFile);
      if (file === undefined) {
        return err(
          cordonError(
            'CORDON_EXCHANGE_NOT_CONFIGURED',
            `No key file at ${exchange.value.keyFile}: run \`cordon exchange keygen\`.`,
          ),
        );
      }
      const keys = file.keys.map((k) => ({
        kid: k.kid,
        publicKey: String(k.publicJwk.x),
        ...(k.validUntil === undefined ? {} : { validUntil: k.validUntil }),
      }));
      return ok({
        text: [
          `Authority: ${file.authorityId}`,
          ...keys.map(
            (k) =>
              `  ${k.publicKey}  (kid ${k.kid}${k.validUntil ? `, valid until ${k.validUntil}` : ', current'})`,
          ),
        ].join('\n'),
        json: { authorityId: file.authorityId, keys },
      });
    },

    exchangePartnersAdd: (flags, args) =>
      withExchange(flags, 'exchange partners add', async (deps) => {
        const { addPartner } = await modules();
        const validUntil = args.validUntil === undefined ? undefined : new Date(args.validUntil);
        if (validUntil !== undefined && Number.isNaN(validUntil.getTime())) {
          return err(
            cordonError(
              'CORDON_USAGE',
              `--valid-until "${args.validUntil ?? ''}" is not an ISO 8601 instant.`,
            ),
          );
        }
        const added = await addPartner(deps, cliActor(), {
          id: args.id,
          url: args.url,
          publicKey: args.publicKey,
          ...(validUntil === undefined ? {} : { validUntil }),
        });
        if (!added.ok) return added;
        return ok({
          text: `Partner ${added.value.id} at ${added.value.url}: ${String(added.value.keys.length)} pinned key(s).`,
          json: {
            id: added.value.id,
            url: added.value.url,
            keys: added.value.keys.map((k) => k.kid),
          },
        });
      }),

    exchangePartnersList: (flags) =>
      withExchange(flags, 'exchange partners list', async (deps) => {
        const partners = await deps.store.partners();
        return ok({
          text:
            partners
              .map(
                (p) =>
                  `${p.id.padEnd(12)} ${p.url}  keys: ${String(p.keys.length)}  at sequence ${String(p.position.lastSequence)}${p.lastSyncError ? `  (last sync failed: ${p.lastSyncError})` : ''}`,
              )
              .join('\n') || 'No partners.',
          json: {
            partners: partners.map((p) => ({
              id: p.id,
              url: p.url,
              keys: p.keys.map((k) => k.kid),
              lastSequence: p.position.lastSequence,
            })),
          },
        });
      }),

    exchangeSync: (flags, partner) =>
      withExchange(flags, 'exchange sync', async (deps) => {
        const { syncPartners } = await modules();
        const synced = await syncPartners(deps, partner);
        if (!synced.ok) return synced;
        return ok({
          text:
            synced.value
              .map((o) =>
                o.kind === 'unreachable'
                  ? `${o.partner}: unreachable (${o.error})`
                  : `${o.partner}: ${String(o.accepted)} accepted, ${String(o.withheld)} addressed to others, ${o.skipped.length > 0 ? `${String(o.skipped.length)} skipped (unknown kind), ` : ''}${String(o.rejected.length)} rejected; at sequence ${String(o.position)}${o.rejected.map((r) => `\n  rejected #${String(r.sequence ?? '?')}: ${r.reason} (${r.detail})`).join('')}`,
              )
              .join('\n') || 'No partners to sync.',
          json: { partners: synced.value },
        });
      }),

    exchangeRejected: (flags) =>
      withExchange(flags, 'exchange rejected', async (deps) => {
        const rejected = await deps.store.rejected(200);
        return ok({
          text:
            rejected
              .map(
                (r) =>
                  `${r.receivedAt.toISOString()}  ${r.partnerId} #${String(r.sequence ?? '?')}  ${r.reason}: ${r.detail}`,
              )
              .join('\n') || 'No rejected messages.',
          json: {
            rejected: rejected.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
          },
        });
      }),
  };
}
