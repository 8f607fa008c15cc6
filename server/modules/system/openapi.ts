import { z } from 'zod';
import type { RouteDef } from '../../lib/route';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
};

const errorRef = { $ref: '#/components/schemas/Error' };

/** OpenAPI 3.1 from the route registry: every mounted route with its shared zod schemas. */
export function buildOpenApi(routes: RouteDef[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const json = toSchema(schema, 'input');
      const props = (json.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((json.required as string[] | undefined) ?? []);
      for (const [name, s] of Object.entries(props)) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || required.has(name),
          schema: s,
        });
      }
    }
    if (!r.params) {
      for (const m of r.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
        parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
      }
    }
    const responses: Record<string, unknown> = {
      '200': {
        description: 'OK',
        content: r.raw
          ? { 'application/octet-stream': {} }
          : {
              'application/json': {
                schema: r.response
                  ? { type: 'object', properties: { data: toSchema(r.response, 'output') } }
                  : {},
              },
            },
      },
      '400': {
        description: 'Invalid input',
        content: { 'application/json': { schema: errorRef } },
      },
    };
    if (r.access === 'user') {
      responses['401'] = {
        description: 'No session',
        content: { 'application/json': { schema: errorRef } },
      };
      responses['403'] = {
        description: 'Not allowed',
        content: { 'application/json': { schema: errorRef } },
      };
    }
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}_${r.path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
      security: r.access === 'user' ? [{ session: [] }] : [],
      parameters,
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(r.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Staff portal API', version: '1' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'portal.sid' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                correlationId: { type: 'string' },
                details: { type: 'array', items: { type: 'object' } },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
