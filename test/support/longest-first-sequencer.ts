import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Folders whose files take the longest (processes, browsers, the whole shipped lists screened),
 * started first when vitest has no durations of its own yet (a fresh clone, CI).
 */
const slowFolders = ['test/e2e/', 'test/screening/'];

/**
 * Runs the longest test files first, whatever their project, so that the two workers finish
 * together instead of one waiting at the end for a long file started last. The duration is the
 * one vitest recorded on the last run (node_modules/.vite); without it, files in `slowFolders`
 * come first, then the larger files.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const cost = (spec: TestSpecification): [number, number, number] => {
      const file = path.relative(root, spec.moduleId).split(path.sep).join('/');
      const key = `${spec.project.name}:${file}`;
      const duration = this.ctx.cache.getFileTestResults(key)?.duration;
      const slow = slowFolders.some((folder) => file.startsWith(folder)) ? 1 : 0;
      const size = this.ctx.cache.getFileStats(key)?.size ?? 0;
      return [duration ?? -1, slow, size];
    };
    const costs = new Map(files.map((spec) => [spec, cost(spec)]));
    return Promise.resolve(
      [...files].sort((a, b) => {
        const [da, sa, za] = costs.get(a) ?? [0, 0, 0];
        const [db, sb, zb] = costs.get(b) ?? [0, 0, 0];
        if (da >= 0 && db >= 0) return db - da;
        return sb - sa || zb - za;
      }),
    );
  }
}
