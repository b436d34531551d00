import type { Adoption, ProposalPosition } from './control-proposal.ts';

/** A position as the matrix shows it. */
export interface MatrixPosition {
  readonly authority: string;
  readonly version: number;
  readonly position: ProposalPosition;
  readonly reasons?: string;
  readonly adoption?: Adoption;
}

/** One authority's row: its position on each version (absent: none taken), and its latest. */
export interface MatrixRow {
  readonly authority: string;
  readonly cells: readonly { readonly version: number; readonly position?: MatrixPosition }[];
  readonly latest?: MatrixPosition;
}

/**
 * The partner-by-partner adoption matrix of a proposal: a row per authority (every partner named,
 * and any that took a position), a column per version. A later position on the same version
 * replaces the earlier one; `latest` is the position on the highest version taken.
 *
 * @example
 * adoptionMatrix([1, 2], ['DK-ERST', 'NO-DEXU'], [{ authority: 'NO-DEXU', version: 2, position: 'adopted', ... }])
 * // DK-ERST: no position; NO-DEXU: version 2 adopted (latest)
 */
export function adoptionMatrix(
  versions: readonly number[],
  authorities: readonly string[],
  positions: readonly MatrixPosition[],
): readonly MatrixRow[] {
  const names = [...new Set([...authorities, ...positions.map((p) => p.authority)])].sort();
  return names.map((authority) => {
    const own = positions.filter((p) => p.authority === authority);
    const cells = [...versions]
      .sort((a, b) => a - b)
      .map((version) => {
        const position = own.filter((p) => p.version === version).at(-1);
        return position === undefined ? { version } : { version, position };
      });
    const latest = [...cells].reverse().find((c) => c.position !== undefined)?.position;
    return latest === undefined ? { authority, cells } : { authority, cells, latest };
  });
}
