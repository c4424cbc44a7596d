// Builds the OpenAPI 3.1 document of the v1 API from the operation declarations: request bodies,
// query and path parameters from the zod schemas the routes validate with (as the client sends
// them: defaults optional), answers from the declared response schemas, and every error status
// the route can give (see errorStatusesOf).
import { z, type ZodType } from "zod";
import { PERMISSIONS, type Permission } from "../../../auth/roles";
import { MAX_BODY_BYTES } from "../../request-limits";
import { errorStatusesOf, type V1Operation } from "./operation";

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the $schema line. */
export function toSchema(schema: ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  return rest as JsonSchema;
}

const errorRef = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

export const errorEnvelopeSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["BAD_REQUEST"] },
        message: { type: "string" },
        issues: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: { path: { type: "string" }, message: { type: "string" } },
          },
        },
        ref: {
          type: "string",
          description: "500 only: the correlation id the server log carries with the details",
        },
      },
    },
  },
};

function parametersOf(op: V1Operation): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!obj) continue;
    const js = toSchema(obj, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = schema;
      out.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
  }
  for (const h of op.headers ?? []) out.push({ in: "header", ...h });
  return out;
}

function rolesOf(permission: Permission | "any"): string {
  return permission === "any" ? "any signed-in role" : PERMISSIONS[permission].join(", ");
}

function operationObject(op: V1Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.headers ? { headers: r.headers } : {}),
      // "input" keeps objects open (no additionalProperties: false): answers may carry more fields (DESIGN 10).
      ...(r.schema
        ? { content: { [r.mediaType ?? "application/json"]: { schema: toSchema(r.schema, "input") } } }
        : {}),
    };
  }
  for (const [status, description] of errorStatusesOf(op)) {
    if (responses[status]) continue; // a declared answer (e.g. readiness's 503) wins
    responses[status] = {
      description,
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer", minimum: 1 } } } }
        : {}),
      content: errorRef,
    };
  }
  const cap = op.maxBodyBytes ?? MAX_BODY_BYTES;
  const notes = [
    op.description,
    "permission" in op.auth
      ? `Permission \`${op.auth.permission}\` (${rolesOf(op.auth.permission)})${op.auth.writes ? "; an API token needs the `write` scope" : ""}.`
      : undefined,
    op.body ? `Body: application/json, at most ${cap.toLocaleString("en-US")} bytes.` : undefined,
  ].filter(Boolean);
  const parameters = parametersOf(op);
  return {
    operationId: op.operationId,
    tags: [...op.tags],
    summary: op.summary,
    ...(notes.length ? { description: notes.join("\n\n") } : {}),
    ...("public" in op.auth ? { security: op.auth.security ?? [] } : {}),
    ...("permission" in op.auth ? { "x-permission": op.auth.permission } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body, "input") } } } }
      : {}),
    responses,
  };
}

export interface DocumentOptions {
  title: string;
  version: string;
  description: string;
  tags: ReadonlyArray<{ name: string; description: string }>;
}

export function buildOpenApiDocument(operations: readonly V1Operation[], opts: DocumentOptions) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`Two v1 operations declare ${op.method.toUpperCase()} ${op.path}`);
    item[op.method] = operationObject(op);
  }
  const ids = operations.map((o) => o.operationId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`Two v1 operations are named ${dup}`);
  const declared = new Set(opts.tags.map((t) => t.name));
  const undeclared = operations.flatMap((o) => o.tags).find((t) => !declared.has(t));
  if (undeclared) throw new Error(`The v1 tag ${undeclared} has no description in the document's tag list`);
  return {
    openapi: "3.1.0",
    info: {
      title: opts.title,
      version: opts.version,
      description: opts.description,
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }, { session: [] }, { secureSession: [] }],
    tags: opts.tags.map((t) => ({ ...t })),
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token (md_...), scoped read or read+write; revocable by its owner or an ADMIN.",
        },
        // next-auth v4 names its session cookie by the scheme of NEXTAUTH_URL (useSecureCookies).
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session when the app is served over http (development, demo).",
        },
        secureSession: {
          type: "apiKey",
          in: "cookie",
          name: "__Secure-next-auth.session-token",
          description: "The browser session when the app is served over https (NEXTAUTH_URL starts with https://).",
        },
      },
      schemas: { Error: errorEnvelopeSchema },
    },
    paths,
  };
}
