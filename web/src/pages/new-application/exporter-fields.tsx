import type { SectionProps } from './section-props.ts';
import { TextField } from './text-field.tsx';

/** The licensing jurisdiction, the exporter, and where the goods go. */
export function ExporterFields({ draft, update, problems }: SectionProps) {
  return (
    <fieldset>
      <legend>Exporter and destination</legend>
      <div className="grid">
        <TextField
          id="app-jurisdiction"
          label="Licensing jurisdiction"
          hint="Two letters (GB, US, NO …) or EU"
          maxLength={2}
          value={draft.jurisdiction}
          problems={problems}
          onChange={(v) => {
            update((d) => ({ ...d, jurisdiction: v }));
          }}
        />
        <TextField
          id="app-exporter-name"
          label="Exporter name"
          value={draft.exporterName}
          problems={problems}
          onChange={(v) => {
            update((d) => ({ ...d, exporterName: v }));
          }}
        />
        <TextField
          id="app-exporter-country"
          label="Exporter country"
          list="country-codes"
          maxLength={2}
          value={draft.exporterCountry}
          problems={problems}
          onChange={(v) => {
            update((d) => ({ ...d, exporterCountry: v }));
          }}
        />
        <TextField
          id="app-destination-country"
          label="Destination country"
          list="country-codes"
          maxLength={2}
          value={draft.destinationCountry}
          problems={problems}
          onChange={(v) => {
            update((d) => ({ ...d, destinationCountry: v }));
          }}
        />
        <TextField
          id="app-destination-region"
          label="Destination region (optional)"
          value={draft.destinationRegion}
          problems={problems}
          onChange={(v) => {
            update((d) => ({ ...d, destinationRegion: v }));
          }}
        />
      </div>
    </fieldset>
  );
}
