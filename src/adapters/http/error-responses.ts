import { ErrorResponseSchema } from '../../contracts/error-response.ts';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/**
 * The response schemas of the error statuses a route can answer, all in the one error shape:
 * `response: { 200: CaseSchema, ...errorResponses(404, 409) }`. The OpenAPI document adds 400,
 * 401 and 403 where they apply (see `openapi.ts`).
 */
export const errorResponses = <S extends ErrorStatus>(
  ...statuses: readonly S[]
): Record<S, typeof ErrorResponseSchema> =>
  Object.fromEntries(statuses.map((status) => [status, ErrorResponseSchema])) as Record<
    S,
    typeof ErrorResponseSchema
  >;
