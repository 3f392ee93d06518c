import type { Application, RequestHandler } from 'express';
import { z } from 'zod';
import { adminRoute, declaredRoutes, type Access, type GuardDeps, type Method } from './route.ts';

/** What a route documents about itself: the zod schemas it validates with, and a one-line summary. */
export interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  query?: z.ZodObject;
  /** JSON body schema, or 'csv' for a text/csv body. */
  body?: z.ZodType | 'csv';
  /** Schema of the 2xx answer, when the route has one worth publishing. */
  response?: z.ZodType;
  /** Status of the success answer (default 200). */
  status?: number;
}

const docs = new WeakMap<Application, Map<string, RouteDoc>>();

/**
 * Mount a route with `adminRoute` (which declares its action) and record its documentation for
 * `/admin/openapi.json`: the schemas that validate it are the ones published.
 */
export function documentedRoute(app: Application, deps: GuardDeps, doc: RouteDoc, access: Access, ...handlers: RequestHandler[]): void {
  let map = docs.get(app);
  if (!map) docs.set(app, (map = new Map()));
  map.set(`${doc.method.toUpperCase()} ${doc.path}`, doc);
  adminRoute(app, deps, doc.method, doc.path, access, ...handlers);
}

/** `/admin/units/:code/target` → `/admin/units/{code}/target`, and the names of its parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' });
}

/**
 * The OpenAPI 3 document of every route declared on the app: path, method, the action the policy requires
 * (`x-access`), and for documented routes their query, body and answer schemas.
 */
export function openApiDocument(app: Application): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const documented = docs.get(app) ?? new Map<string, RouteDoc>();
  const routes = [...declaredRoutes(app).entries()].filter(([key]) => key.split(' ')[1]?.startsWith('/admin'));
  routes.sort(([a], [b]) => (a.split(' ')[1] ?? '').localeCompare(b.split(' ')[1] ?? '') || a.localeCompare(b));
  for (const [key, access] of routes) {
    const [method = 'GET', rawPath = ''] = key.split(' ');
    const doc = documented.get(key);
    const { path, params } = openApiPath(rawPath);
    const parameters: unknown[] = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    for (const [name, schema] of Object.entries(doc?.query?.shape ?? {})) {
      parameters.push({ name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: jsonSchema(schema as z.ZodType) });
    }
    const operation: Record<string, unknown> = {
      summary: doc?.summary ?? `${method} ${rawPath}`,
      'x-access': access,
      ...(access !== 'public' && { security: [{ session: [] }, { bearer: [] }] }),
      ...(parameters.length > 0 && { parameters }),
      responses: {
        [String(doc?.status ?? 200)]: {
          description: 'success',
          ...(doc?.response && { content: { 'application/json': { schema: jsonSchema(doc.response) } } }),
        },
        ...(access !== 'public' && { '401': { description: 'not signed in' }, '403': { description: 'the role may not do this' } }),
        '400': { description: 'bad input: {"error": "…"}' },
      },
    };
    if (doc?.body === 'csv') operation['requestBody'] = { required: true, content: { 'text/csv': { schema: { type: 'string' } } } };
    else if (doc?.body) operation['requestBody'] = { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } };
    (paths[path] ??= {})[method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'bhxh-outreach admin API',
      version: '1',
      description:
        'The JSON API behind the console at /console, for scripts too. Sign in with POST /admin/session (cookie; send X-CSRF-Token on writes) or send Authorization: Bearer <token>. x-access names the action the policy requires; lists are filtered to the caller\'s unit subtree.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'bhxh_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

/** Serve the document at `/admin/openapi.json` (public: it describes the API, it holds no data). */
export function mountOpenApi(app: Application, deps: GuardDeps): void {
  let cached: Record<string, unknown> | undefined;
  adminRoute(app, deps, 'get', '/admin/openapi.json', 'public', (_req, res) => {
    cached ??= openApiDocument(app);
    res.json(cached);
  });
}
