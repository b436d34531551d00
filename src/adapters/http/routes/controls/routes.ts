import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { classifyItem } from '../../../../application/classification/classify-item.ts';
import { compareJurisdictions } from '../../../../application/classification/compare-jurisdictions.ts';
import { findControlEntries } from '../../../../application/classification/find-control-entries.ts';
import type { TransactionRequest } from '../../../../application/classification/parse-transaction.ts';
import { reportSynchronisationGaps } from '../../../../application/classification/report-synchronisation-gaps.ts';
import { showControlEntry } from '../../../../application/classification/show-control-entry.ts';
import type { ControlCatalogueSource } from '../../../../application/ports/control-catalogue-source.ts';
import type { JurisdictionPolicySource } from '../../../../application/ports/jurisdiction-policy-source.ts';
import type { LicensingReferenceSource } from '../../../../application/ports/licensing-reference-source.ts';
import {
  ClassifyRequestSchema,
  ClassifyResponseSchema,
  ControlParamsSchema,
  ControlResponseSchema,
  ControlsCompareQuerySchema,
  ControlsCompareRequestSchema,
  ControlsCompareResponseSchema,
  ControlsGapsQuerySchema,
  ControlsListQuerySchema,
  ControlsListResponseSchema,
  SynchronisationGapsResponseSchema,
} from '../../../../contracts/controls.ts';
import {
  compareQueryToRequest,
  toClassificationJson,
  toCompareJson,
  toControlJson,
  toControlsListJson,
  toGapsJson,
} from '../../../regulation/controls-json.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import type { FastifyReply } from 'fastify';
import { errorResponses } from '../../error-responses.ts';

/** The regulation data the control routes read: catalogue, licensing reference and policies. */
export interface ControlsRouteDeps {
  readonly catalogue: ControlCatalogueSource;
  readonly reference: LicensingReferenceSource;
  readonly policies: JurisdictionPolicySource;
}

// Reading the catalogue and classifying an item reveal nothing about any case: every role may.
const everyone: RouteAccess = {
  roles: ['exporter', 'caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};

const errors = errorResponses(400, 404);

const exampleItem = {
  description:
    'Carrier-grade IP traffic analysis platform: layer-7 decoding, metadata and content extraction, indexing, search by e-mail address and phone number, relationship graphs',
  controlEntries: ['5A001.j'],
  capabilities: ['ip-network-surveillance', 'deep-packet-inspection'],
  answers: {
    'carrier-class-ip-network': 'yes',
    'application-layer-analysis': 'yes',
    'extracts-metadata-and-content': 'yes',
    'indexes-extracted-data': 'yes',
    'hard-selector-search': 'yes',
    'relationship-mapping': 'yes',
    'designed-for-marketing-qos-qoe': 'no',
  },
};

/**
 * `/v1/controls` and `/v1/classify`: the control catalogue, the classification assistant, the
 * cross-jurisdiction licence matrix and the synchronisation-gaps report.
 */
export const controlsRoutes: FastifyPluginAsyncTypebox<ControlsRouteDeps> = (app, deps) => {
  const compare = async (request: TransactionRequest, reply: FastifyReply) => {
    const compared = await compareJurisdictions(request, deps);
    if (!compared.ok) return sendError(reply, compared.error);
    return toCompareJson(
      compared.value.items,
      compared.value.comparison,
      compared.value.catalogueVersion,
    );
  };

  app.get(
    '/controls',
    {
      config: { access: everyone },
      schema: {
        tags: ['controls'],
        summary: 'List or search control entries',
        description:
          'Searches numbers, titles, criteria and questions of the Wassenaar, EU, UK and US entries Cordon ships, best first. Example: `GET /v1/controls?query=IMSI&regime=eu` finds `eu:5A001.f`. Without `query`, lists every entry.',
        querystring: ControlsListQuerySchema,
        response: { 200: ControlsListResponseSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const found = await findControlEntries(request.query, deps);
      return found.ok ? toControlsListJson(found.value) : sendError(reply, found.error);
    },
  );

  app.get(
    '/controls/gaps',
    {
      config: { access: everyone },
      schema: {
        tags: ['controls'],
        summary: 'Synchronisation gaps: entries and rules some partners have and others lack',
        description:
          'Example: `GET /v1/controls/gaps?jurisdictions=US,EU,GB` reports 5A980 (surreptitious listening devices) as controlled in US only, and the EU Article 5 catch-all for non-listed cyber-surveillance items as a rule only the EU has.',
        querystring: ControlsGapsQuerySchema,
        response: { 200: SynchronisationGapsResponseSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const jurisdictions = request.query.jurisdictions
        ?.split(',')
        .map((j) => j.trim())
        .filter((j) => j !== '');
      const report = await reportSynchronisationGaps(jurisdictions ? { jurisdictions } : {}, deps);
      return report.ok ? toGapsJson(report.value) : sendError(reply, report.error);
    },
  );

  app.get(
    '/controls/compare',
    {
      config: { access: everyone },
      schema: {
        tags: ['controls'],
        summary: 'Which partners require a licence for a rated item and destination',
        description:
          'A one-item transaction from the query string; without parties, the end-user rules stay `undetermined`. Example: `GET /v1/controls/compare?destination=IR&entries=5A001.f&jurisdictions=US,GB,EU,NO`. For parties, end use and answers, use `POST /v1/controls/compare`.',
        querystring: ControlsCompareQuerySchema,
        response: { 200: ControlsCompareResponseSchema, ...errorResponses(400) },
      },
    },
    (request, reply) => compare(compareQueryToRequest(request.query), reply),
  );

  app.post(
    '/controls/compare',
    {
      config: { access: everyone },
      schema: {
        tags: ['controls'],
        summary: 'Which partners require a licence for a transaction, under which rule',
        description:
          'Classifies the items, then determines for each jurisdiction whether a licence is required, citing each rule with its `textStatus`; `differences` highlights where partners disagree. `required` is true also when the answer is `undetermined` (see `status` and `missing`). Every problem in the body is reported at once, each naming its field (`destination.country`, `items[0].answers.foo`).',
        body: {
          ...ControlsCompareRequestSchema,
          examples: [
            {
              jurisdictions: ['US', 'GB', 'EU', 'NO'],
              destination: { country: 'EG' },
              parties: [
                {
                  role: 'end-user',
                  name: 'Cairo Security Directorate',
                  country: 'EG',
                  type: 'police',
                  hits: [],
                },
              ],
              endUse: { informedByAuthority: false, awareOfMisuse: true },
              items: [
                {
                  description: 'Video analytics for CCTV networks: face matching, crowd tracking',
                  capabilities: ['video-analytics', 'facial-recognition'],
                },
              ],
            },
          ],
        },
        response: { 200: ControlsCompareResponseSchema, ...errorResponses(400) },
      },
    },
    (request, reply) => compare(request.body, reply),
  );

  app.get(
    '/controls/:id',
    {
      config: { access: everyone },
      schema: {
        tags: ['controls'],
        summary: 'One control entry in every regime that lists it',
        description:
          'The criteria tree with its texts (each with `textStatus` and source), exclusions, notes, linked definitions ("hard selectors", "intrusion software") and the questions that decide the entry. Example: `GET /v1/controls/5A001.j`. An id of the wrong shape is a 400 naming `id`; an entry Cordon does not hold is a 404.',
        params: ControlParamsSchema,
        response: { 200: ControlResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await showControlEntry({ id: request.params.id }, deps);
      return found.ok ? toControlJson(found.value) : sendError(reply, found.error);
    },
  );

  app.post(
    '/classify',
    {
      config: { access: everyone },
      schema: {
        tags: ['controls'],
        summary: 'Classify one item: candidate entries per regime, with reasons',
        description:
          'Candidates with the criteria met, still unknown and not met, the exclusions that may apply, the questions still to answer (send them back in `answers`), and flags where the answers contradict the exporter\'s own rating. Missing information gives `undetermined` with what is missing, never "not listed".',
        body: { ...ClassifyRequestSchema, examples: [exampleItem] },
        response: { 200: ClassifyResponseSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const classified = await classifyItem({ item: request.body }, deps);
      if (!classified.ok) return sendError(reply, classified.error);
      return {
        classification: toClassificationJson(classified.value.classification),
        catalogueVersion: classified.value.catalogueVersion.map((v) => ({
          file: v.file,
          sha256: v.sha256,
        })),
      };
    },
  );
  return Promise.resolve();
};
