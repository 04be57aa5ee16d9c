import * as z from "zod/mini";
import { ErrorBodySchema, HTTP_ERRORS } from "./errors.js";
import { routes, type RouteDefinition } from "./routes.js";

type JsonSchema = Record<string, unknown>;
type ObjectSchema = z.ZodMiniObject<Record<string, z.ZodMiniType>>;

// JSON Schema 2020-12 is what OpenAPI 3.1 uses; the $schema key is left out inside a document.
function jsonSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    unrepresentable: "any",
    io: "input",
  }) as JsonSchema;
  return rest;
}

function parameters(
  schema: z.ZodMiniType | undefined,
  where: "path" | "query" | "header",
): JsonSchema[] {
  if (!schema) return [];
  const shape = (schema as ObjectSchema).def.shape;
  return Object.entries(shape).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || s._zod.optin !== "optional",
    schema: jsonSchema(s),
  }));
}

/** Options for {@link openApiDocument}. */
export interface OpenApiOptions {
  readonly version: string;
  readonly serverUrl?: string;
}

/**
 * The OpenAPI 3.1 document of the Linli API, generated from the same schemas the server
 * validates with and the client parses with.
 *
 * @example
 * const doc = openApiDocument({ version: "0.1.0" });
 * doc.paths["/v1/orders"].post.responses["201"]; // the order receipt
 */
export function openApiDocument(options: OpenApiOptions) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [id, r] of Object.entries(routes) as [string, RouteDefinition][]) {
    const path = r.path.replace(/:(\w+)/g, "{$1}");
    const responses: Record<string, JsonSchema> = {
      [String(r.status)]: {
        description: r.summary.en,
        content: { "application/json": { schema: jsonSchema(r.response) } },
      },
    };
    for (const code of new Set(["VALIDATION_FAILED", ...r.errors, "INTERNAL"] as const)) {
      const status = String(HTTP_ERRORS[code]);
      responses[status] ??= {
        description: code,
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
      };
      if (!String(responses[status]!["description"]).includes(code))
        responses[status]!["description"] += ` | ${code}`;
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      operationId: id,
      summary: r.summary.en,
      description: r.description
        ? `${r.summary["zh-CN"]}。${r.description["zh-CN"]}\n\n${r.description.en}`
        : r.summary["zh-CN"],
      ...(r.auth === "admin" ? { security: [{ adminKey: [] }] } : {}),
      parameters: [
        ...parameters(r.params, "path"),
        ...parameters(r.query, "query"),
        ...parameters(r.headers, "header"),
      ],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(r.body) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Linli API",
      version: options.version,
      description:
        "Hubs, resident groups, preorders, partner recruitment and co-prosperity metrics. 邻里 API。",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { ErrorBody: jsonSchema(ErrorBodySchema) },
      securitySchemes: {
        adminKey: { type: "http", scheme: "bearer", description: "An admin API key" },
      },
    },
  };
}
