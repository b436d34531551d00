import {
  classifyItem as classifyAgainst,
  type ItemClassification,
  type ItemToClassify,
} from '../../domain/classification/classify-item.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ControlCatalogueSource } from '../ports/control-catalogue-source.ts';

export interface ClassifiedItem {
  readonly classification: ItemClassification;
  readonly catalogueVersion: readonly DataFileVersion[];
}

/**
 * Classifies one item (`cordon classify ITEM.json`): candidate entries per regime with the criteria
 * met, the questions still open and the exclusions that may apply. Bad input (unknown capability
 * tags or question ids, malformed ratings, contradictory answers) is one validation error naming
 * every field, prefixed with `field` (e.g. `items[2]`) when given.
 */
export async function classifyItem(
  request: { readonly item: ItemToClassify; readonly field?: string },
  deps: { readonly catalogue: ControlCatalogueSource },
): Promise<Result<ClassifiedItem, CordonError>> {
  const catalogue = await deps.catalogue.controlCatalogue();
  const result = classifyAgainst(catalogue, request.item);
  if (!result.ok) {
    const prefix = request.field ? `${request.field}.` : '';
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        'The item cannot be classified as given.',
        result.error.problems.map((p) => ({ field: `${prefix}${p.field}`, problem: p.problem })),
      ),
    );
  }
  return ok({ classification: result.value, catalogueVersion: catalogue.version });
}
