import os from 'node:os';
import type { ExchangeCliHandlers } from '../adapters/cli/commands/exchange.ts';
import { generateKeyFile, readKeyFile } from '../adapters/exchange/exchange-key-file.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { addPartner } from '../application/exchange/manage-partners.ts';
import { syncPartners } from '../application/exchange/sync-partners.ts';
import {
  parseExchangeConfig,
  type Config,
  type ConfigFlags,
  type ExchangeConfig,
} from '../config/config.ts';
import { isAuthorityId } from '../domain/exchange/exchange-message.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import { exchangeDepsFor } from './exchange-wiring.ts';

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
      work(await exchangeDepsFor(database.db, exchange.value)),
    );
  };

  return {
    async exchangeKeygen(flags, args) {
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
        const synced = await syncPartners(deps, partner);
        if (!synced.ok) return synced;
        return ok({
          text:
            synced.value
              .map((o) =>
                o.kind === 'unreachable'
                  ? `${o.partner}: unreachable (${o.error})`
                  : `${o.partner}: ${String(o.accepted)} accepted, ${String(o.withheld)} addressed to others, ${String(o.rejected.length)} rejected; at sequence ${String(o.position)}${o.rejected.map((r) => `\n  rejected #${String(r.sequence ?? '?')}: ${r.reason} (${r.detail})`).join('')}`,
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
