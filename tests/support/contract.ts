import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument, openApiPath } from "@/lib/contract/openapi";
import { API_ROUTES } from "@/lib/http/api-routes";
import { findApiRoute } from "@/lib/http/route-match";

interface DocumentedAnswer {
  content?: Record<string, { schema: object }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, DocumentedAnswer> }>>;
}

let loaded: { doc: OpenApiDocument; ajv: Ajv2020 } | undefined;

/**
 * The document the routes are built from, the same one the built app serves (the build is
 * remade whenever its sources change), in one validator per test file's process.
 */
function contract() {
  if (!loaded) {
    const doc = structuredClone(openApiDocument()) as unknown as OpenApiDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, "openapi.json");
    loaded = { doc, ajv };
  }
  return loaded;
}

const validators = new Map<string, ValidateFunction>();

function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = contract().ajv.getSchema(pointer);
    if (!validate) throw new Error(`the OpenAPI document has no schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  return validate;
}

const escapePointer = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/** Operations (`GET /api/endpoints/{id}`) that answered below 400 in this process: what the contract walk counts as covered. */
export const answeredOperations = new Set<string>();

/**
 * Why the answer does not match what the document says of its operation (status, content
 * type, JSON body), or null when it does. Paths the document does not describe (pages,
 * unknown URLs, a method a route lacks) are not the contract's: the route-table test
 * keeps every route file in the document.
 */
export async function contractViolation(method: string, url: string, res: Response): Promise<string | null> {
  const pathname = new URL(url).pathname;
  const route = findApiRoute(pathname, API_ROUTES);
  if (!route || !route.methods.includes(method)) return null;
  const path = openApiPath(route.path);
  const responses = contract().doc.paths[path]?.[method.toLowerCase()]?.responses;
  const where = `${method} ${pathname} (${path}) → ${res.status}`;
  if (!responses) return `${where}: the operation is not in the OpenAPI document`;
  const statusKey = String(res.status) in responses ? String(res.status) : `${String(res.status)[0]}XX`;
  const answer = responses[statusKey];
  if (!answer) return `${where}: status not documented (documented: ${Object.keys(responses).join(", ")})`;
  if (res.status < 400) answeredOperations.add(`${method} ${path}`);

  // A clone, so the test still reads the body it was given.
  const text = await res.clone().text();
  if (!answer.content) return text === "" ? null : `${where}: a body where the document says none`;
  const contentType = res.headers.get("content-type")?.split(";")[0].trim() ?? null;
  const documented = Object.keys(answer.content).map((t) => t.split(";")[0]);
  if (!contentType || !documented.includes(contentType)) return `${where}: content type ${contentType}, documented ${documented.join(", ")}`;
  if (contentType !== "application/json") return null;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${where}: not JSON: ${text.slice(0, 200)}`;
  }
  const validate = validatorAt(`openapi.json#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${statusKey}/content/application~1json/schema`);
  if (validate(body)) return null;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  return `${where}: ${problems.join("; ")}\n${text.slice(0, 500)}`;
}

/**
 * `fetch` against the built app whose answer must match the OpenAPI document: a
 * non-conforming answer fails the test that asked, wherever it asked from.
 */
export async function contractFetch(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  const violation = await contractViolation((init?.method ?? "GET").toUpperCase(), url, res);
  if (violation) throw new Error(`answer outside the API contract: ${violation}`);
  return res;
}
