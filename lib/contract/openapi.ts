import { z } from "zod";
import { ERROR_STATUS } from "../errors/app-error";
import { SESSION_COOKIE } from "../auth/cookies";
import { OPERATIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS, TAGS, type Access, type Operation } from "./operations";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * zod 4's own JSON Schema output (draft 2020-12, OpenAPI 3.1's dialect) rather than a
 * generator package: the schemas are already zod 4, and this keeps one library between
 * the validation the routes run and the document clients read.
 */
function componentsOf(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  // Transforms and refinements cannot be said in JSON Schema; the document keeps what can (types, bounds, enums).
  const { schemas: out } = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  for (const schema of Object.values(out)) delete (schema as Json).$schema;
  return out as Record<string, Json>;
}

function queryParameters(query: z.ZodObject): Json[] {
  const schema = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: schema.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) };
  });
}

const SECURITY: Record<Access, Json[] | undefined> = {
  public: [],
  auth: [],
  operator: undefined, // the document-wide default: session or token
  person: [{ session: [] }],
};

const errorAnswer = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

function operationObject(op: Operation): Json {
  const params = [...op.route.matchAll(/\[(\w+)\]/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  const responses: Json = {};
  for (const [status, answer] of Object.entries(op.responses)) {
    const headers = answer.headers && Object.fromEntries(Object.entries(answer.headers).map(([h, description]) => [h, { description, schema: { type: "string" } }]));
    const content = answer.schema ? { "application/json": { schema: ref(answer.schema) } } : answer.text ? { [answer.text]: { schema: { type: "string" } } } : undefined;
    responses[status] = { description: answer.description, ...(headers ? { headers } : {}), ...(content ? { content } : {}) };
  }
  responses["4XX"] = errorAnswer("Refused: the error's code says why (validation_failed, not_found, conflict, …)");
  responses["5XX"] = errorAnswer("Failed on the server's side, or the database does not answer (503, with Retry-After)");
  const security = SECURITY[op.access];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(security ? { security } : {}),
    ...(params.length || op.query ? { parameters: [...params, ...(op.query ? queryParameters(op.query) : [])] } : {}),
    ...(op.body ? { requestBody: { required: !op.bodyOptional, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

/** `/api/endpoints/[id]` as OpenAPI writes it: `/api/endpoints/{id}`. */
export const openApiPath = (route: string) => route.replace(/\[(\w+)\]/g, "{$1}");

export const ERROR_CODES_DOC = Object.entries(ERROR_STATUS)
  .map(([code, status]) => `\`${code}\` (${status})`)
  .join(", ");

function buildDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) (paths[openApiPath(op.route)] ??= {})[op.method.toLowerCase()] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Hookrelay API",
      version: "1",
      description: [
        "The operator API of a Hookrelay installation, and the webhook receiver providers post to.",
        "",
        "**Errors** have one shape, `{ \"error\": { \"code\", \"message\", \"details\"? } }`; the code decides the status: " + ERROR_CODES_DOC + ".",
        "",
        "**Lists** answer `{ \"data\": [...] }`; paged lists add `nextCursor`: pass it back as `cursor` for the next page, null on the last.",
      ].join("\n"),
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This installation" }],
    security: [{ session: [] }, { bearer: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Set by POST /api/auth/sign-in; what the dashboard uses" },
        bearer: { type: "http", scheme: "bearer", description: "An API token (hr_…) minted on the Account page or with POST /api/tokens" },
      },
      schemas: { ...componentsOf(REQUEST_SCHEMAS, "input"), ...componentsOf(RESPONSE_SCHEMAS, "output") },
    },
  };
}

let built: Json | undefined;

/** The OpenAPI 3.1 document, built once per process from the schemas the routes use. */
export function openApiDocument(): Json {
  return (built ??= buildDocument());
}
