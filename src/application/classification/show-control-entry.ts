import { entryQuestionnaire } from '../../domain/classification/classify-item.ts';
import { findControlEntry } from '../../domain/classification/control-catalogue.ts';
import type { ControlEntry, Definition } from '../../domain/classification/control-entry.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ControlCatalogueSource } from '../ports/control-catalogue-source.ts';

/** One entry in every regime that lists it, with its definitions and its questionnaire. */
export interface ControlEntryDetail {
  readonly id: string;
  /** For a sub-paragraph id (`5A001.f.1`): the criterion it names. */
  readonly criterion?: string;
  readonly entries: readonly ControlEntry[];
  readonly definitions: readonly Definition[];
  /** The questions that decide the entry, criterion by criterion (texts of the best-sourced regime). */
  readonly questionnaire: ReturnType<typeof entryQuestionnaire>;
  readonly catalogueVersion: readonly DataFileVersion[];
}

/**
 * Shows a control entry by id (`cordon controls show 5A001.j`, `GET /v1/controls/{id}`),
 * case-insensitively, regime-qualified (`us:5A001.j`) or by sub-paragraph (`5A001.f.1`). An id of
 * the wrong shape is a validation error naming the field `id`; an entry Cordon does not hold is
 * "not found", with related entries suggested.
 */
export async function showControlEntry(
  request: { readonly id: string },
  deps: { readonly catalogue: ControlCatalogueSource },
): Promise<Result<ControlEntryDetail, CordonError>> {
  const catalogue = await deps.catalogue.controlCatalogue();
  const found = findControlEntry(catalogue, request.id);
  if (!found.ok) {
    return err(
      found.error.kind === 'not-in-catalogue'
        ? cordonError('CORDON_NOT_FOUND', found.error.message)
        : cordonError('CORDON_VALIDATION_FAILED', found.error.message, [
            { field: 'id', problem: found.error.message },
          ]),
    );
  }
  const { entries } = found.value;
  const best = entries.find((e) => e.regime === 'eu') ?? entries[0];
  const terms = [...new Set(entries.flatMap((e) => e.definitions))];
  return ok({
    id: found.value.id,
    ...(found.value.criterion ? { criterion: found.value.criterion } : {}),
    entries,
    definitions: terms.flatMap((t) => {
      const d = catalogue.definitions.get(t);
      return d ? [d] : [];
    }),
    questionnaire: best ? entryQuestionnaire(catalogue, best) : [],
    catalogueVersion: catalogue.version,
  });
}
