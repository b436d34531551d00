import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where the built web UI is (web/dist), given by the composition root. */
export interface WebUiOptions {
  readonly root: string;
}

/**
 * The UI's Content-Security-Policy: everything from this origin only, no inline scripts or
 * styles, no framing. Swagger UI under /docs keeps its own policy; the API answers JSON.
 */
export const webUiContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the API or its documentation, never to the single-page app. */
const isApiPath = (p: string): boolean =>
  p === '/v1' || p.startsWith('/v1/') || p === '/docs' || p.startsWith('/docs/');

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cordon</title></head>
<body><main><h1>Cordon</h1>
<p>The web UI is not built. Run <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it), then reload.</p>
<p>The API is at <a href="/v1">/v1</a>, its documentation at <a href="/docs">/docs</a>.</p>
</main></body></html>
`;

const isFile = async (file: string): Promise<boolean> => {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
};

/**
 * Serves the single-page web UI at `/`: the built files of web/dist, and index.html for every
 * other GET path outside `/v1` and `/docs` (the app routes in the browser). Hashed assets are
 * cached for a year, index.html never. Without a build it serves a page that says how to make one.
 */
export const webUiRoutes: FastifyPluginAsync<WebUiOptions> = async (app, { root }) => {
  const secure = (reply: FastifyReply) =>
    reply.header('content-security-policy', webUiContentSecurityPolicy);

  if (!existsSync(path.join(root, 'index.html'))) {
    app.get('/*', async (request, reply) => {
      if (isApiPath(request.url.split('?')[0] ?? '')) {
        reply.callNotFound();
        return reply;
      }
      return secure(reply)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(notBuiltPage);
    });
    return;
  }

  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', async (request, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      reply.callNotFound();
      return reply;
    }
    if (isApiPath(urlPath)) {
      reply.callNotFound();
      return reply;
    }
    const relative = path.posix.normalize(urlPath).replace(/^\/+/, '');
    const inside =
      relative !== '' && !relative.split('/').includes('..') && !relative.includes('\0');
    if (inside && (await isFile(path.join(root, relative)))) {
      secure(reply).header(
        'cache-control',
        relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      return reply.sendFile(relative, { cacheControl: false });
    }
    // A missing asset is a real 404; any other path is a page of the app.
    if (relative.startsWith('assets/') || path.posix.extname(relative) !== '') {
      reply.callNotFound();
      return reply;
    }
    return secure(reply)
      .header('cache-control', 'no-cache')
      .sendFile('index.html', { cacheControl: false });
  });
};
