import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTES } from '../access/route-table';
import { QUERIES } from './openapi-queries';
import { buildOpenApi } from './openapi.util';

const APPS = join(__dirname, '..', '..', '..');

/** Every `*.controller.ts` under an app's src. */
function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}

const join2 = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** `METHOD /path` of every handler the app's controllers declare, parameters written `:name`; true when it reads the query. */
async function routesOf(app: string): Promise<Map<string, boolean>> {
  const found = new Map<string, boolean>();
  for (const file of controllerFiles(join(APPS, app, 'src'))) {
    for (const exported of Object.values((await import(file)) as Record<string, unknown>)) {
      if (typeof exported !== 'function' || Reflect.getMetadata(PATH_METADATA, exported) === undefined) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, exported));
      for (const name of Object.getOwnPropertyNames(exported.prototype).filter((n) => n !== 'constructor')) {
        const handler = (exported.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const args = Object.keys((Reflect.getMetadata(ROUTE_ARGS_METADATA, exported, name) ?? {}) as object);
        found.set(
          `${method} ${join2(base, String(Reflect.getMetadata(PATH_METADATA, handler)))}`,
          args.some((a) => a.startsWith(`${RouteParamtypes.QUERY}:`)),
        );
      }
    }
  }
  return found;
}

describe('the routes the OpenAPI document lists', () => {
  it('each exist in the app that answers them, and the web app answers none it leaves out', async () => {
    const byApp = new Map<string, Map<string, boolean>>();
    for (const app of ['web', ...new Set(ROUTES.map((r) => r.upstream).filter((a) => a !== undefined))]) byApp.set(app, await routesOf(app));
    const served = (app: string) => byApp.get(app)!;
    const missing = ROUTES.map((r) => ({ app: r.upstream ?? 'web', key: `${r.method} ${r.path}` })).filter(({ app, key }) => !served(app).has(key));
    expect(missing).toEqual([]);
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    // The gateway's own catch-all forwards only what the table lists.
    expect([...served('web').keys()].filter((key) => !listed.has(key) && key !== 'ALL /api/*path')).toEqual([]);
    // A route whose handler reads the query has its parameters in the document (a test keeps them in step).
    const undocumented = ROUTES.map((r) => ({ app: r.upstream ?? 'web', key: `${r.method} ${r.path}` })).filter(
      ({ app, key }) => served(app).get(key) && !QUERIES[key],
    );
    expect(undocumented).toEqual([]);
  });

  it('each appear in the document once, with every path parameter described', () => {
    const doc = buildOpenApi('test') as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: object }[] }>> };
    for (const rule of ROUTES) {
      const op = doc.paths[rule.path.replace(/:([A-Za-z]+)/g, '{$1}')][rule.method.toLowerCase()];
      const names = [...rule.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)).toEqual(names);
    }
  });

  it('describes an evidence file as the file it is, not JSON', () => {
    const doc = buildOpenApi('test') as { paths: Record<string, Record<string, { responses: Record<string, { content: object }> }>> };
    expect(Object.keys(doc.paths['/api/appeals/{id}/evidence/{n}'].get.responses['200'].content)).toEqual(['*/*']);
  });
});
