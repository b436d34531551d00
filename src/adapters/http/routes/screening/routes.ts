import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScreeningService } from '../../../../application/screening/screening-service.ts';
import {
  BatchScreenRequestSchema,
  BatchScreenResponseSchema,
  CompareRequestSchema,
  CompareResponseSchema,
  CslSearchQuerySchema,
  CslSearchResponseSchema,
  ScreenRequestSchema,
  ScreenResponseSchema,
} from '../../../../contracts/screening.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import { cslSearch } from './csl-search.ts';
import { errorResponses } from '../../error-responses.ts';
import { workRoles } from '../../../../domain/people/role.ts';

export interface ScreeningRouteDeps {
  readonly screening: ScreeningService;
  /** The time a CSL-compatible search reports as `search_performed_at`. */
  readonly now: () => Date;
}

// Screening is everyday work for every role, exporters included (they screen their own customers).
const screeners: RouteAccess = { roles: workRoles };

const unavailable = errorResponses(503);

/** The application's readonly values as the (structurally identical) mutable response types. */
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
const writable = <T>(value: T): Writable<T> => value as Writable<T>;

/** `/v1/screen`, `/v1/screen/batch`, `/v1/compare` and the CSL-compatible `/v1/csl/search`. */
export const screeningRoutes: FastifyPluginAsyncTypebox<ScreeningRouteDeps> = (app, deps) => {
  const { screening } = deps;

  app.post(
    '/screen',
    {
      config: { access: screeners },
      schema: {
        tags: ['screening'],
        summary: 'Screen one name against every active restricted list',
        description:
          'Any script: Chinese, Cyrillic, Arabic, Hangul, Greek, Hebrew names are transliterated and compared with every listed name and alias. Returns matches at or above the review threshold, best first, each with its explanation.',
        body: ScreenRequestSchema,
        response: { 200: ScreenResponseSchema, ...errorResponses(400), ...unavailable },
      },
    },
    async (request, reply) => {
      const { limit, country, ...query } = request.body;
      const report = await screening.screenParty(
        { ...query, ...(country !== undefined ? { country: country.toUpperCase() } : {}) },
        limit !== undefined ? { limit } : {},
      );
      if (!report.ok) return sendError(reply, report.error);
      return writable(report.value);
    },
  );

  app.post(
    '/screen/batch',
    {
      config: { access: screeners },
      schema: {
        tags: ['screening'],
        summary: 'Screen up to 1,000 names at once, each row reported on its own',
        description:
          'All rows are screened against the same list snapshots. A row with a problem (an empty name, a country that is not two letters, an unknown kind) comes back as `rejected` with its reasons; the other rows are screened.',
        body: BatchScreenRequestSchema,
        response: { 200: BatchScreenResponseSchema, ...errorResponses(400), ...unavailable },
      },
    },
    async (request, reply) => {
      const { names, limit } = request.body;
      const report = await screening.screenBatch(names, limit !== undefined ? { limit } : {});
      if (!report.ok) return sendError(reply, report.error);
      return writable(report.value);
    },
  );

  app.post(
    '/compare',
    {
      config: { access: screeners },
      schema: {
        tags: ['screening'],
        summary: 'Score one name against another, with the explanation',
        description:
          'The screening scorer on two names alone (no lists): every word weighs the same except particles and numbers.',
        body: CompareRequestSchema,
        response: { 200: CompareResponseSchema, ...errorResponses(400) },
      },
    },
    (request) => {
      const { a, b } = request.body;
      const comparison = screening.compare(a, b);
      return writable({ a, b, ...comparison, band: comparison.band ?? null });
    },
  );

  app.get(
    '/csl/search',
    {
      config: { access: screeners },
      schema: {
        tags: ['screening'],
        summary: 'Search the lists the way the trade.gov Consolidated Screening List API does',
        description:
          "Takes the query parameters of the CSL search API (`name`, `fuzzy_name`, `sources`, `countries`, `size`, `offset`) and answers in its shape (`total`, `sources_used`, `results`), so that existing CSL clients can point at Cordon. Matching is Cordon's: cross-script, explained, and with `fuzzy_name=false` every word of the name must match exactly.",
        querystring: CslSearchQuerySchema,
        response: { 200: CslSearchResponseSchema, ...errorResponses(400), ...unavailable },
      },
    },
    async (request, reply) => {
      const result = await cslSearch(screening, request.query, deps.now());
      if (!result.ok) return sendError(reply, result.error);
      return result.value;
    },
  );
  return Promise.resolve();
};
