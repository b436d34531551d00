import type { ControlCatalogue } from '../../domain/classification/control-catalogue.ts';

/** Provides the control catalogue (entries, definitions, questions) Cordon classifies against. */
export interface ControlCatalogueSource {
  controlCatalogue(): Promise<ControlCatalogue>;
}
