import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { compareJurisdictions } from '../../application/classification/compare-jurisdictions.ts';
import { findControlEntries } from '../../application/classification/find-control-entries.ts';
import { reportSynchronisationGaps } from '../../application/classification/report-synchronisation-gaps.ts';
import { showControlEntry } from '../../application/classification/show-control-entry.ts';
import {
  ControlResponseSchema,
  ControlsCompareQuerySchema,
  ControlsCompareRequestSchema,
  ControlsCompareResponseSchema,
  ControlsListResponseSchema,
  SynchronisationGapsResponseSchema,
} from '../../contracts/controls.ts';
import type { LicenceDetermination } from '../../domain/classification/licence-requirement.ts';
import {
  compareQueryToRequest,
  toCompareJson,
  toControlJson,
  toControlsListJson,
  toGapsJson,
  toLicenceDeterminationJson,
} from './controls-json.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

const determination = (required: LicenceDetermination['required']): LicenceDetermination => ({
  jurisdiction: 'EU',
  policies: [],
  required,
  basis: [],
  missing: [],
});

describe(toLicenceDeterminationJson.name, () => {
  it('keeps the contract\'s boolean `required`: undetermined is reported as required (status "undetermined"), never as not required', () => {
    expect(toLicenceDeterminationJson(determination(true))).toMatchObject({
      required: true,
      status: 'required',
    });
    expect(toLicenceDeterminationJson(determination('undetermined'))).toMatchObject({
      required: true,
      status: 'undetermined',
    });
    expect(toLicenceDeterminationJson(determination(false))).toMatchObject({
      required: false,
      status: 'not-required',
    });
  });
});

describe('the JSON of the controls endpoints', () => {
  it('matches the response schemas of GET /v1/controls and GET /v1/controls/{id}', async () => {
    const list = await findControlEntries({ query: 'intrusion' }, deps);
    if (!list.ok) throw new Error(list.error.message);
    expect([...Value.Errors(ControlsListResponseSchema, toControlsListJson(list.value))]).toEqual(
      [],
    );
    for (const id of ['5A001.j', '5A001.f', 'US-CC-BIOMETRIC', 'EU-ART5-NONLISTED']) {
      const one = await showControlEntry({ id }, deps);
      if (!one.ok) throw new Error(one.error.message);
      expect([...Value.Errors(ControlResponseSchema, toControlJson(one.value))]).toEqual([]);
    }
  });

  it('turns GET /v1/controls/compare?destination=IR&entries=5A001.f into a one-item transaction, and its answer matches the response schema', async () => {
    const query = { destination: 'IR', entries: '5A001.f', jurisdictions: 'US,EU,GB' };
    expect(Value.Check(ControlsCompareQuerySchema, query)).toBe(true);
    const request = compareQueryToRequest(query);
    expect(request).toEqual({
      jurisdictions: ['US', 'EU', 'GB'],
      destination: { country: 'IR' },
      items: [{ description: 'An item rated 5A001.f', controlEntries: ['5A001.f'] }],
    });
    expect(Value.Check(ControlsCompareRequestSchema, request)).toBe(true);
    const compared = await compareJurisdictions(request, deps);
    if (!compared.ok) throw new Error(compared.error.message);
    const json = toCompareJson(
      compared.value.items,
      compared.value.comparison,
      compared.value.catalogueVersion,
    );
    expect([...Value.Errors(ControlsCompareResponseSchema, json)]).toEqual([]);
    expect(json.determinations.every((d) => d.required)).toBe(true);
  });

  it('matches the response schema of the synchronisation gaps report', async () => {
    const gaps = await reportSynchronisationGaps({}, deps);
    if (!gaps.ok) throw new Error(gaps.error.message);
    expect([...Value.Errors(SynchronisationGapsResponseSchema, toGapsJson(gaps.value))]).toEqual(
      [],
    );
  });
});
