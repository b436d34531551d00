import {
  missingDestination,
  type ControlsCliHandlers,
  type ItemFileArgs,
} from '../adapters/cli/commands/controls.ts';
import type { FileRegulationSources } from '../adapters/regulation/file-regulation-sources.ts';
import type { TransactionRequest } from '../application/classification/parse-transaction.ts';
import { cordonError, type FieldProblem } from '../domain/shared/errors.ts';
import { err, ok } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';

// The regulation data, the use cases and the renderers load on first use, so that `cordon --help`
// answers at once; the data is read once per process.
const modules = async () => ({
  ...(await import('../adapters/regulation/file-regulation-sources.ts')),
  ...(await import('../adapters/regulation/controls-json.ts')),
  ...(await import('../adapters/cli/controls-text.ts')),
  ...(await import('../adapters/cli/controls-input.ts')),
  ...(await import('../application/classification/show-control-entry.ts')),
  ...(await import('../application/classification/find-control-entries.ts')),
  ...(await import('../application/classification/compare-jurisdictions.ts')),
  ...(await import('../application/classification/report-synchronisation-gaps.ts')),
  ...(await import('../application/classification/classify-item.ts')),
  ...(await import('../application/classification/determine-licence-requirements.ts')),
});

/**
 * The CLI handlers of `cordon controls ...` and `cordon classify`. They need no database: the
 * catalogue and the policies are read from the shipped files.
 */
export function controlsCliHandlers(
  _context: CliContext,
  /** The data folders; the shipped `data/regulation` and `data/policies` when absent. */
  dirs?: { readonly regulationDir: string; readonly policiesDir: string },
): ControlsCliHandlers {
  let sources: FileRegulationSources | undefined;
  const load = async () => {
    const m = await modules();
    sources ??= m.fileRegulationSources(dirs ?? m.shippedRegulationDirs);
    return { m, deps: { catalogue: sources, reference: sources, policies: sources } };
  };

  /** The item file as a transaction; the flags override what the file says. */
  const transactionOf = async (args: ItemFileArgs) => {
    const { m, deps } = await load();
    const file = m.parseItemsFile(args.file, args.content);
    if (!file.ok) return { m, deps, parsed: file } as const;
    const f = file.value;
    const country = args.destination ?? f.destination?.country;
    const region = args.region ?? (args.destination ? undefined : f.destination?.region);
    const jurisdictions = args.jurisdictions ?? f.jurisdictions;
    const request: Omit<TransactionRequest, 'destination'> & {
      destination?: TransactionRequest['destination'];
    } = {
      items: f.items,
      ...(country !== undefined
        ? { destination: { country, ...(region !== undefined ? { region } : {}) } }
        : {}),
      ...(f.parties ? { parties: f.parties } : {}),
      ...(f.endUse ? { endUse: f.endUse } : {}),
      ...(jurisdictions ? { jurisdictions } : {}),
    };
    return { m, deps, parsed: ok({ form: f.form, request }) } as const;
  };

  return {
    async controlsShow(id) {
      const { m, deps } = await load();
      const found = await m.showControlEntry({ id }, deps);
      if (!found.ok) return found;
      const json = m.toControlJson(found.value);
      return ok({ text: m.controlText(json), json });
    },

    async controlsSearch(args) {
      const { m, deps } = await load();
      const found = await m.findControlEntries(args, deps);
      if (!found.ok) return found;
      const json = m.toControlsListJson(found.value);
      return ok({ text: m.controlsListText(json, args.query.trim()), json });
    },

    async controlsGaps(args) {
      const { m, deps } = await load();
      const report = await m.reportSynchronisationGaps(args, deps);
      if (!report.ok) return report;
      const json = m.toGapsJson(report.value);
      return ok({ text: m.gapsText(json), json });
    },

    async controlsCompare(args) {
      const { m, deps, parsed } = await transactionOf(args);
      if (!parsed.ok) return parsed;
      const { destination } = parsed.value.request;
      if (!destination) return missingDestination(args.file);
      const compared = await m.compareJurisdictions({ ...parsed.value.request, destination }, deps);
      if (!compared.ok) return compared;
      const json = m.toCompareJson(
        compared.value.items,
        compared.value.comparison,
        compared.value.catalogueVersion,
      );
      const to = `${destination.country.toUpperCase()}${destination.region ? ` (${destination.region})` : ''}`;
      return ok({ text: m.compareText(json, to), json });
    },

    async classify(args) {
      const { m, deps, parsed } = await transactionOf(args);
      if (!parsed.ok) return parsed;
      const { form, request } = parsed.value;
      const { destination } = request;
      if (destination) {
        const determined = await m.determineLicenceRequirements({ ...request, destination }, deps);
        if (!determined.ok) return determined;
        const json = {
          items: determined.value.items.map(m.toClassificationJson),
          destination: {
            country: destination.country.toUpperCase(),
            ...(destination.region !== undefined ? { region: destination.region } : {}),
          },
          determinations: determined.value.determinations.map(m.toLicenceDeterminationJson),
          catalogueVersion: determined.value.catalogueVersion.map((v) => ({
            file: v.file,
            sha256: v.sha256,
          })),
        };
        return ok({ text: m.classifyText(json), json });
      }
      // Without a destination, classify each item and report every item's problems at once.
      const problems: FieldProblem[] = [];
      const classified = [];
      for (const [i, item] of request.items.entries()) {
        const one = await m.classifyItem(
          { item, ...(form === 'transaction' ? { field: `items[${i}]` } : {}) },
          deps,
        );
        if (one.ok) classified.push(one.value);
        else {
          problems.push(
            ...(one.error.fields ?? [{ field: `items[${i}]`, problem: one.error.message }]),
          );
        }
      }
      if (problems.length > 0) {
        return err(
          cordonError(
            'CORDON_VALIDATION_FAILED',
            `${args.file} cannot be classified as given.`,
            problems,
          ),
        );
      }
      const json = {
        items: classified.map((c) => m.toClassificationJson(c.classification)),
        destination: null,
        determinations: [],
        catalogueVersion: (classified[0]?.catalogueVersion ?? []).map((v) => ({
          file: v.file,
          sha256: v.sha256,
        })),
      };
      return ok({ text: m.classifyText(json), json });
    },
  };
}
