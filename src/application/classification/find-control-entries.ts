import {
  searchControlEntries,
  type ControlCatalogue,
} from '../../domain/classification/control-catalogue.ts';
import {
  regimes,
  type ControlEntry,
  type Regime,
} from '../../domain/classification/control-entry.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ControlCatalogueSource } from '../ports/control-catalogue-source.ts';

export interface FindControlEntriesRequest {
  /** Free text or a number (`IMSI`, `intrusion software`, `5A001`); all entries when absent. */
  readonly query?: string;
  /** Only entries of this regime (`wassenaar`, `eu`, `uk`, `us`). */
  readonly regime?: string;
  readonly limit?: number;
}

export interface FoundControlEntry {
  readonly entry: ControlEntry;
  /** 0 when listing without a query; otherwise how well the query matched (higher is better). */
  readonly score: number;
  readonly matchedTerms: readonly string[];
}

export interface FoundControlEntries {
  readonly catalogueVersion: readonly DataFileVersion[];
  readonly total: number;
  readonly entries: readonly FoundControlEntry[];
}

/**
 * Lists or searches the control catalogue (`cordon controls search`, `GET /v1/controls`): by free
 * text over numbers, titles, criteria and questions, optionally within one regime.
 */
export async function findControlEntries(
  request: FindControlEntriesRequest,
  deps: { readonly catalogue: ControlCatalogueSource },
): Promise<Result<FoundControlEntries, CordonError>> {
  const regime = request.regime?.trim().toLowerCase();
  if (regime !== undefined && regime !== '' && !(regimes as readonly string[]).includes(regime)) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'Unknown regime.', [
        {
          field: 'regime',
          problem: `"${request.regime ?? ''}" is not one of ${regimes.join(', ')}`,
        },
      ]),
    );
  }
  const catalogue: ControlCatalogue = await deps.catalogue.controlCatalogue();
  const limit = request.limit ?? 100;
  const only = regime ? (regime as Regime) : undefined;
  const query = request.query?.trim() ?? '';
  const entries: FoundControlEntry[] =
    query === ''
      ? catalogue.entries
          .filter((e) => !only || e.regime === only)
          .map((entry) => ({ entry, score: 0, matchedTerms: [] }))
      : searchControlEntries(catalogue, query, {
          ...(only ? { regime: only } : {}),
          limit: 1000,
        }).map((h) => ({ entry: h.entry, score: h.score, matchedTerms: h.matchedTerms }));
  return ok({
    catalogueVersion: catalogue.version,
    total: entries.length,
    entries: entries.slice(0, limit),
  });
}
