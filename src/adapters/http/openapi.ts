import type { SwaggerOptions } from '@fastify/swagger';
import { ErrorResponseSchema } from '../../contracts/error-response.ts';
import { sessionCookie } from './auth/auth-plugin.ts';
import type { RouteAccess } from './route-access.ts';

/** The security schemes every non-public operation names: an API token, or the web UI's session. */
export const securitySchemes = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (`cordon token create`, or `POST /v1/tokens`), sent as `Authorization: Bearer <token>`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description: 'The session cookie set by `POST /v1/auth/login` (the web UI).',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'The CSRF token returned by `POST /v1/auth/login`; required with the session cookie on every POST, PUT, PATCH and DELETE.',
  },
} as const;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The security requirement of one operation, from its `config.access` declaration: none for a
 * public route (or one outside `/v1`), otherwise a bearer token or the session cookie, with the
 * CSRF header when the method changes something.
 */
export function securityOf(
  method: string,
  access: RouteAccess | undefined,
): readonly Readonly<Record<string, readonly string[]>>[] {
  if (access === undefined || 'public' in access) return [];
  return unsafeMethods.has(method)
    ? [{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }]
    : [{ bearerToken: [] }, { sessionCookie: [] }];
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A stable operationId from the method and path: `POST /v1/cases/{id}/actions` is
 * `postCasesByIdActions`. A route may name its own in `schema.operationId`.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/v1(?=\/|$)/, '')
    .split(/[/._-]+/)
    .filter((part) => part !== '')
    .map((part) => {
      const parameter = /^[{:](\w+)\}?$/.exec(part);
      return parameter?.[1] !== undefined ? `By${capitalise(parameter[1])}` : capitalise(part);
    });
  return `${method.toLowerCase()}${words.length === 0 ? 'Index' : words.join('')}`;
}

/** `/v1/` is served as `/v1` too; the document names the path without the trailing slash. */
const withoutTrailingSlash = (url: string): string =>
  url.length > 1 && url.endsWith('/') ? url.slice(0, -1) : url;

interface RouteSchema {
  readonly operationId?: string;
  readonly response?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/**
 * What the document says about a route beyond its own schema: its operationId, its security, and
 * the error responses every authenticated route can give (401 without credentials, 403 for a role
 * not admitted; 400 where there is input to reject).
 */
function describeRoute(input: {
  readonly schema: unknown;
  readonly url: string;
  readonly route: { readonly method: string | readonly string[]; readonly config?: unknown };
}): { schema: RouteSchema; url: string } {
  const schema = (input.schema ?? {}) as RouteSchema;
  const method =
    typeof input.route.method === 'string' ? input.route.method : (input.route.method[0] ?? 'GET');
  const url = withoutTrailingSlash(input.url);
  const access = (input.route.config as { access?: RouteAccess } | undefined)?.access;
  const security = securityOf(method, access);
  const hasInput = ['body', 'querystring', 'params'].some((key) => schema[key] !== undefined);
  const response = {
    ...(hasInput ? { 400: ErrorResponseSchema } : {}),
    ...(security.length > 0 ? { 401: ErrorResponseSchema, 403: ErrorResponseSchema } : {}),
    ...schema.response,
  };
  return {
    url,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdOf(method, url),
      security,
      ...(Object.keys(response).length > 0 ? { response } : {}),
    },
  };
}

const tags = [
  { name: 'operations', description: 'Liveness, readiness and the API index' },
  { name: 'auth', description: 'Signing in and out; who am I' },
  { name: 'audit', description: 'The hash-chained audit trail, for auditors' },
  { name: 'people', description: 'Organisations, users and API tokens, for administrators' },
  {
    name: 'lists',
    description: 'Restricted-party list snapshots: status, browsing, diffs, imports',
  },
  {
    name: 'cases',
    description:
      'Licence cases: applications, submission with a frozen assessment, routing, advice, decision, countersignature, documents, statistics',
  },
  {
    name: 'assessments',
    description: 'Human-rights risk assessment of applications, with a recommendation',
  },
  {
    name: 'screening',
    description:
      'Party screening against the active lists: one name, a batch, a pairwise comparison, and a trade.gov CSL-compatible search',
  },
  {
    name: 'exchange',
    description:
      'Exchange with partner states: signed denial notifications, consultations, threat alerts, the partner feed',
  },
  {
    name: 'controls',
    description:
      'Control catalogue (Wassenaar, EU, UK, US), item classification, licence determination per jurisdiction, synchronisation gaps',
  },
];

/** The options of `@fastify/swagger`: the document's header, its security schemes and what each route adds. */
export function openApiOptions(version: string): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cordon API',
        version: version.split('+')[0] ?? version,
        description:
          'Screening, classification, human-rights assessment and licensing of surveillance-technology exports. Every error has the shape of `ErrorResponse`; codes are listed in docs/errors.md. Authenticate with an API token (`Authorization: Bearer`) or, in the web UI, the session cookie plus its CSRF header on changes.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'The Cordon node serving this document' }],
      components: { securitySchemes: { ...securitySchemes } },
      tags,
    },
    transform: describeRoute,
  };
}
