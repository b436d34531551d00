import type { Role } from '../../domain/people/role.ts';

/**
 * Who may call a route. Every `/v1` route declares one in `config.access`; a route without a
 * declaration fails at registration, so none can be added unguarded.
 *
 * @example
 * app.get('/v1/lists', { config: { access: { roles: ['caseworker', 'exporter'] } } }, handler)
 */
export type RouteAccess =
  { readonly public: true; readonly reason: string } | { readonly roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Throws (a programming error, caught by every test that builds the app) when a `/v1` route has no access declaration. */
export function assertAccessDeclared(route: {
  readonly url: string;
  readonly method: string | readonly string[];
  readonly config?: { readonly access?: RouteAccess } | undefined;
}): void {
  if (!route.url.startsWith('/v1')) return;
  const methods = typeof route.method === 'string' ? [route.method] : route.method;
  if (methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return;
  if (route.config?.access === undefined) {
    throw new Error(
      `Route ${methods.join(',')} ${route.url} declares no access: add config.access (roles, or public with a reason).`,
    );
  }
}

/** One `/v1` route and who may call it, as declared. */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

const declaredRoutes = new WeakMap<object, DeclaredRoute[]>();

/** Records a route's declaration against its app (called from the app's `onRoute` hook). */
export function recordDeclaredRoute(
  app: object,
  route: {
    readonly url: string;
    readonly method: string | readonly string[];
    readonly config?: { readonly access?: RouteAccess } | undefined;
  },
): void {
  const access = route.config?.access;
  if (!route.url.startsWith('/v1') || access === undefined) return;
  const methods = typeof route.method === 'string' ? [route.method] : route.method;
  const table = declaredRoutes.get(app) ?? [];
  for (const method of methods) {
    if (method !== 'HEAD' && method !== 'OPTIONS') table.push({ method, url: route.url, access });
  }
  declaredRoutes.set(app, table);
}

/** Every `/v1` route of an app with its access declaration: the source of the authorisation matrix. */
export const declaredRoutesOf = (app: object): readonly DeclaredRoute[] =>
  declaredRoutes.get(app) ?? [];
