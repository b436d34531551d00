import type { FastifyInstance } from 'fastify';
import { Value } from 'typebox/value';

type Schema = Parameters<typeof Value.Check>[0];

/**
 * The same schema with `additionalProperties: false` on every object that does not say otherwise,
 * so that a field the schema lacks fails the check instead of being dropped in serialisation.
 */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const strict = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'properties' || key === '$defs' || key === 'patternProperties'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strictSchema(v)]),
          )
        : strictSchema(value),
    ]),
  ) as Record<string, unknown>;
  if (
    strict['type'] === 'object' &&
    'properties' in strict &&
    !('additionalProperties' in strict)
  ) {
    strict['additionalProperties'] = false;
  }
  return strict;
}

/** What is wrong with a body under a strict reading of its schema, one line a problem; empty when nothing. */
export function responseProblems(schema: unknown, body: unknown): readonly string[] {
  const strict = strictSchema(schema) as Schema;
  if (Value.Check(strict, body)) return [];
  return [...Value.Errors(strict, body)].map(
    (error) =>
      `${error.instancePath || '/'} ${error.message}${error.keyword === 'additionalProperties' ? ` (${JSON.stringify(error.params)})` : ''}`,
  );
}

/**
 * For tests (`AppOptions.checkResponses`): every JSON body is checked, before serialisation,
 * against the response schema its route declares for the status, with no field undeclared. A body
 * with a field its schema lacks (which serialisation would silently drop) or of another shape
 * turns into a 500 whose `fields` name the problems, also written to stderr.
 */
export function checkResponsesAgainstSchemas(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const status = String(reply.statusCode);
    const schema = responses?.[status] ?? responses?.[`${status.charAt(0)}xx`];
    if (typeof schema !== 'object' || schema === null || status === '500') return payload;
    const problems = responseProblems(schema, JSON.parse(JSON.stringify(payload)) as unknown);
    if (problems.length === 0) return payload;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const message = `${route} answered ${status} with a body its schema does not describe`;
    process.stderr.write(`${message}:\n  ${problems.slice(0, 20).join('\n  ')}\n`);
    void reply.code(500);
    return {
      error: {
        code: 'CORDON_INTERNAL',
        message,
        requestId: request.id,
        fields: problems.map((problem) => ({ field: 'response', problem })),
      },
    };
  });
}
