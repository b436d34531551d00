import type { ItemToClassify } from '../classification/classify-item.ts';
import type { ControlCatalogue } from '../classification/control-catalogue.ts';
import type { ControlEntry } from '../classification/control-entry.ts';
import { itemCapture, type Capture, type ItemCapture } from './proposal-impact.ts';

/** One item of an exporter's catalogue: an application item's description and facts, and its own reference. */
export interface CatalogueItem extends ItemToClassify {
  /** The exporter's own reference for the item (a part number, a SKU), echoed in the answer. */
  readonly ref?: string;
}

/** What the proposed entry would do to one catalogue item, and why. */
export interface CatalogueItemCapture extends Omit<ItemCapture, 'summary'> {
  /** 1-based: the item's place in the catalogue as sent. */
  readonly position: number;
  readonly ref?: string;
  /** Why: the criteria met or open, the input problems of an unclassifiable item. */
  readonly reason: string;
}

/** The catalogue dry run: every item in the catalogue's order, and the counts. */
export interface CatalogueDryRun {
  readonly entryId: string;
  readonly examined: number;
  readonly counts: Readonly<Record<Capture, number>>;
  /** Captured items that no entry of the current catalogue lists: the proposal alone would control them. */
  readonly newlyControlled: number;
  readonly items: readonly CatalogueItemCapture[];
}

/**
 * Impact before adoption for an exporter: classifies each item of its catalogue against the
 * catalogue with the proposed entry added, and says per item whether the entry would capture it
 * (`captured`, `possibly-captured`, `not-captured`) or why it cannot be classified
 * (`unclassifiable`: an empty description, an unknown capability tag...). One bad item does not
 * stop the others; the items keep the catalogue's order so the exporter can map them back.
 *
 * @example
 * dryRunCatalogue(catalogue, entry, [{ ref: 'FR-200', description: 'Face matching for crowd scanning' }])
 * // { counts: { captured: 1, ... }, items: [{ position: 1, ref: 'FR-200', capture: 'captured', reason: '...' }] }
 */
export function dryRunCatalogue(
  catalogue: ControlCatalogue,
  entry: ControlEntry,
  items: readonly CatalogueItem[],
): CatalogueDryRun {
  const results = items.map((item, i): CatalogueItemCapture => {
    const { ref, ...toClassify } = item;
    const { summary, ...found } = itemCapture(catalogue, entry, toClassify);
    return { position: i + 1, ...(ref === undefined ? {} : { ref }), ...found, reason: summary };
  });
  const counts: Record<Capture, number> = {
    captured: 0,
    'possibly-captured': 0,
    'not-captured': 0,
    unclassifiable: 0,
  };
  for (const r of results) counts[r.capture] += 1;
  return {
    entryId: entry.id,
    examined: items.length,
    counts,
    newlyControlled: results.filter(
      (r) => r.capture === 'captured' && r.alreadyListedUnder.length === 0,
    ).length,
    items: results,
  };
}
