import type { CommandOutput } from './output.ts';

/** `cordon lists status` as printed, from its JSON form (the same as `GET /v1/lists`). */
export interface ListStatusJson {
  readonly sources: readonly {
    readonly source: string;
    readonly dataDate: string | null;
    readonly ageDays: number | null;
    readonly entryCount: number;
    readonly active: { readonly id: string } | null;
  }[];
}

export function listStatusOutput(json: ListStatusJson): CommandOutput {
  const rows = json.sources.map((s) =>
    s.active
      ? `${s.source.padEnd(20)} ${s.dataDate ?? ''}  ${String(s.ageDays).padStart(5)} days  ${s.entryCount.toLocaleString('en').padStart(7)} entries  ${s.active.id}`
      : `${s.source.padEnd(20)} not imported`,
  );
  return {
    text: [
      `${'source'.padEnd(20)} data date   age          entries          active snapshot`,
      ...rows,
    ].join('\n'),
    json,
  };
}
