import type { z } from "zod";
import { auditListQuerySchema } from "../auth/audit";
import { apiTokenCreateSchema, operatorCreateSchema, passwordChangeSchema, setupSchema, signInSchema } from "../auth/credentials";
import { endpointCreateSchema, endpointUpdateSchema } from "../delivery/endpoint-schema";
import { heldActionSchema } from "../delivery/held-deliveries";
import { deliveryListQuerySchema } from "../delivery/list-deliveries";
import { policyCreateSchema, policyUpdateSchema } from "../delivery/policy-schema";
import { messageCreateSchema } from "../delivery/submit-message";
import { reprocessJobRequestSchema } from "../dlq/create-reprocess-job";
import { discardRequestSchema } from "../dlq/discard-dead-letters";
import { resendRequestSchema } from "../dlq/endpoint-gate";
import { dlqStatsQuerySchema } from "../dlq/get-dlq-stats";
import { deadLetterListQuerySchema } from "../dlq/list-dead-letters";
import { listEventsQuerySchema } from "../inbound/list-events";
import { createSourceSchema, rotateSecretSchema, updateSourceSchema } from "../inbound/source-schema";
import { overviewQuerySchema } from "../overview/get-overview";
import { searchQuerySchema } from "../search/search";
import { backtestRequestSchema } from "../simulator/backtest-request";
import { compareInputSchema, simulationInputSchema } from "../simulator/schema";
import * as auth from "./auth";
import { errorSchema, timestamp } from "./common";
import * as dlq from "./dead-letters";
import * as delivery from "./deliveries";
import * as endpoints from "./endpoints";
import * as inbound from "./inbound";
import * as ops from "./ops";
import * as policies from "./policies";
import * as search from "./search";
import * as simulate from "./simulate";

/**
 * Every schema the document names, by component name: request bodies are documented as
 * the client sends them (defaults optional), answers as the server writes them.
 */
export const REQUEST_SCHEMAS = {
  SetupRequest: setupSchema,
  SignInRequest: signInSchema,
  ApiTokenCreate: apiTokenCreateSchema,
  OperatorCreate: operatorCreateSchema,
  PasswordChange: passwordChangeSchema,
  HeldAction: heldActionSchema,
  EndpointCreate: endpointCreateSchema,
  EndpointUpdate: endpointUpdateSchema,
  PolicyCreate: policyCreateSchema,
  PolicyUpdate: policyUpdateSchema,
  MessageCreate: messageCreateSchema,
  ResendOptions: resendRequestSchema,
  BulkReprocessRequest: reprocessJobRequestSchema,
  BulkDiscardRequest: discardRequestSchema,
  SourceCreate: createSourceSchema,
  SourceUpdate: updateSourceSchema,
  SourceRotateSecret: rotateSecretSchema,
  SimulationRequest: simulationInputSchema,
  ComparisonRequest: compareInputSchema,
  BacktestRequest: backtestRequestSchema,
} satisfies Record<string, z.ZodType>;

export const RESPONSE_SCHEMAS = {
  Error: errorSchema,
  Timestamp: timestamp,
  Session: auth.sessionSchema,
  SignedIn: auth.signedInSchema,
  ApiToken: auth.apiTokenSchema,
  ApiTokenList: auth.apiTokenListSchema,
  CreatedApiToken: auth.createdApiTokenSchema,
  AuditEntry: auth.auditEntrySchema,
  AuditPage: auth.auditPageSchema,
  Endpoint: endpoints.endpointSchema,
  EndpointDetail: endpoints.endpointDetailSchema,
  EndpointList: endpoints.endpointListSchema,
  CreatedEndpoint: endpoints.createdEndpointSchema,
  RotatedEndpointSecret: endpoints.rotatedEndpointSecretSchema,
  SettledHeld: endpoints.settledHeldSchema,
  SentTestEvent: endpoints.sentTestEventSchema,
  EndpointSeries: endpoints.endpointSeriesSchema,
  OperatorAccount: auth.operatorAccountSchema,
  OperatorList: auth.operatorListSchema,
  SearchResult: search.searchResultSchema,
  Policy: policies.policySchema,
  PolicyList: policies.policyListSchema,
  PolicyInEffect: policies.policyInEffectSchema,
  Delivery: delivery.deliverySchema,
  DeliveryPage: delivery.deliveryPageSchema,
  DeliveryDetail: delivery.deliveryDetailSchema,
  ReplayedDelivery: delivery.replayedDeliverySchema,
  Message: delivery.messageSchema,
  DeadLetter: dlq.deadLetterSchema,
  DeadLetterDetail: dlq.deadLetterDetailSchema,
  DeadLetterPage: dlq.deadLetterPageSchema,
  DeadLetterStats: dlq.dlqStatsSchema,
  BulkJob: dlq.bulkJobSchema,
  BulkReprocessResult: dlq.reprocessJobResultSchema,
  BulkDiscardResult: dlq.discardResultSchema,
  ReprocessResult: dlq.reprocessResultSchema,
  InboundEvent: inbound.inboundEventSchema,
  InboundEventPage: inbound.inboundEventPageSchema,
  InboundEventDetail: inbound.inboundEventDetailSchema,
  Source: inbound.sourceSchema,
  SourceList: inbound.sourceListSchema,
  SourceWithSecret: inbound.sourceWithSecretSchema,
  UpdatedSource: inbound.updatedSourceSchema,
  SourceRefusals: inbound.sourceRefusalsSchema,
  WebhookAnswer: inbound.webhookAnswerSchema,
  SourceWebhookAnswer: inbound.sourceWebhookAnswerSchema,
  Health: ops.healthSchema,
  Ping: ops.pingSchema,
  Cleanup: ops.cleanupSchema,
  Overview: ops.overviewSchema,
  OpenApiDocument: ops.openApiDocumentSchema,
  SimulationResult: simulate.simulationResultSchema,
  SimulationAnswer: simulate.simulationAnswerSchema,
  ComparisonAnswer: simulate.comparisonAnswerSchema,
  BacktestAnswer: simulate.backtestAnswerSchema,
} satisfies Record<string, z.ZodType>;

/** What each tag groups, for the document's readers. */
export const TAGS: Record<string, string> = {
  Auth: "Sessions, API tokens and the audit trail",
  Endpoints: "Destinations events are delivered to",
  Policies: "Retry policies endpoints follow",
  Deliveries: "Messages and their deliveries to endpoints",
  "Dead letters": "What failed for good: inspect, reprocess, discard",
  Inbound: "Webhooks received from providers, and their sources",
  Simulator: "Try a retry policy before adopting it",
  Operations: "Health, metrics, the dashboard overview and retention",
  Search: "Find any event, delivery, dead letter or endpoint",
};

type RequestName = keyof typeof REQUEST_SCHEMAS;
type ResponseName = keyof typeof RESPONSE_SCHEMAS;

/**
 * Who may call: `public` needs nothing (providers, load balancers); `auth` needs nothing
 * but refuses cross-site mutations (sign-in and its kin); `operator` takes a session or
 * an API token; `person` takes only a signed-in operator's session.
 */
export type Access = "public" | "auth" | "operator" | "person";

export interface Answer {
  description: string;
  /** A JSON body of this component; absent for an empty answer. */
  schema?: ResponseName;
  /** A body that is not JSON (Prometheus text). */
  text?: string;
  headers?: Record<string, string>;
}

export interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The route as app/api spells it (`/api/endpoints/[id]`), so it compares with API_ROUTES. */
  route: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodObject;
  body?: RequestName;
  /** A one-click action whose body may be left out (read as `{}`). */
  bodyOptional?: boolean;
  responses: Record<number, Answer>;
}

const ok = (schema: ResponseName, description = "OK"): Answer => ({ description, schema });
const noContent: Answer = { description: "Done; no body" };
const REPLAYED = { "Idempotent-Replayed": "true when the answer is a repeat of an earlier request with the same Idempotency-Key" };

export const OPERATIONS: Operation[] = [
  // Auth
  { operationId: "getSession", method: "GET", route: "/api/auth/session", tag: "Auth", summary: "The signed-in operator", access: "auth", responses: { 200: ok("Session") } },
  {
    operationId: "setUp",
    method: "POST",
    route: "/api/auth/setup",
    tag: "Auth",
    summary: "Create the first operator and sign in",
    description: "Only while no operator exists; 409 afterwards.",
    access: "auth",
    body: "SetupRequest",
    responses: { 201: { ...ok("SignedIn", "Created and signed in"), headers: { "Set-Cookie": "The session cookie" } } },
  },
  {
    operationId: "signIn",
    method: "POST",
    route: "/api/auth/sign-in",
    tag: "Auth",
    summary: "Sign in",
    description: "Wrong credentials are 401; repeated failures are throttled with 429 and Retry-After.",
    access: "auth",
    body: "SignInRequest",
    responses: { 200: { ...ok("SignedIn"), headers: { "Set-Cookie": "The session cookie" } } },
  },
  { operationId: "signOut", method: "POST", route: "/api/auth/sign-out", tag: "Auth", summary: "Sign out (also when already signed out)", access: "auth", responses: { 204: noContent } },
  { operationId: "listApiTokens", method: "GET", route: "/api/tokens", tag: "Auth", summary: "API tokens, revoked ones included", access: "person", responses: { 200: ok("ApiTokenList") } },
  { operationId: "createApiToken", method: "POST", route: "/api/tokens", tag: "Auth", summary: "Mint an API token", access: "person", body: "ApiTokenCreate", responses: { 201: ok("CreatedApiToken", "Created; the token is shown this once") } },
  { operationId: "revokeApiToken", method: "DELETE", route: "/api/tokens/[id]", tag: "Auth", summary: "Revoke an API token (again: still 204)", access: "person", responses: { 204: noContent } },
  { operationId: "listOperators", method: "GET", route: "/api/operators", tag: "Auth", summary: "Everyone who can sign in", access: "operator", responses: { 200: ok("OperatorList") } },
  { operationId: "addOperator", method: "POST", route: "/api/operators", tag: "Auth", summary: "Add an operator who signs in with the password given", access: "person", body: "OperatorCreate", responses: { 201: ok("OperatorAccount", "Created") } },
  { operationId: "removeOperator", method: "DELETE", route: "/api/operators/[id]", tag: "Auth", summary: "Remove an operator (not yourself, not the last) and end their sessions", access: "person", responses: { 204: noContent } },
  { operationId: "changePassword", method: "POST", route: "/api/account/password", tag: "Auth", summary: "Change your own password; your other sessions end", access: "person", body: "PasswordChange", responses: { 204: noContent } },
  { operationId: "search", method: "GET", route: "/api/search", tag: "Search", summary: "Find records by id, provider event id, webhook-id, event-type prefix (order.*) or payload text", access: "operator", query: searchQuerySchema, responses: { 200: ok("SearchResult") } },
  { operationId: "listAudit", method: "GET", route: "/api/audit", tag: "Auth", summary: "The audit trail, newest first", access: "operator", query: auditListQuerySchema, responses: { 200: ok("AuditPage") } },

  // Endpoints and policies
  { operationId: "listEndpoints", method: "GET", route: "/api/endpoints", tag: "Endpoints", summary: "Destination endpoints, newest first", access: "operator", responses: { 200: ok("EndpointList") } },
  { operationId: "createEndpoint", method: "POST", route: "/api/endpoints", tag: "Endpoints", summary: "Add a destination endpoint", access: "operator", body: "EndpointCreate", responses: { 201: ok("CreatedEndpoint", "Created; the signing secret is shown this once") } },
  { operationId: "getEndpoint", method: "GET", route: "/api/endpoints/[id]", tag: "Endpoints", summary: "One endpoint with its recent health", access: "operator", responses: { 200: ok("EndpointDetail") } },
  { operationId: "updateEndpoint", method: "PATCH", route: "/api/endpoints/[id]", tag: "Endpoints", summary: "Change an endpoint", access: "operator", body: "EndpointUpdate", responses: { 200: ok("Endpoint") } },
  { operationId: "deleteEndpoint", method: "DELETE", route: "/api/endpoints/[id]", tag: "Endpoints", summary: "Delete an endpoint and its deliveries (its dead letters stay)", access: "operator", responses: { 204: noContent } },
  { operationId: "getEndpointSeries", method: "GET", route: "/api/endpoints/[id]/series", tag: "Endpoints", summary: "Attempts per hour over the last day: count, successes, latency p50 and p95", access: "operator", responses: { 200: ok("EndpointSeries") } },
  {
    operationId: "settleHeldDeliveries",
    method: "POST",
    route: "/api/endpoints/[id]/held",
    tag: "Endpoints",
    summary: "Send or discard the deliveries held while the endpoint was disabled",
    description: "Sending needs the endpoint enabled (409 otherwise). Acts once per Idempotency-Key.",
    access: "operator",
    body: "HeldAction",
    responses: { 200: { ...ok("SettledHeld"), headers: REPLAYED } },
  },
  {
    operationId: "sendTestEvent",
    method: "POST",
    route: "/api/endpoints/[id]/test",
    tag: "Endpoints",
    summary: "Send one signed hookrelay.test event to this endpoint alone",
    description: "409 while the endpoint is disabled. Acts once per Idempotency-Key.",
    access: "operator",
    responses: { 202: { ...ok("SentTestEvent", "Queued; follow the delivery at /api/deliveries/{id}"), headers: REPLAYED } },
  },
  { operationId: "rotateEndpointSecret", method: "POST", route: "/api/endpoints/[id]/rotate-secret", tag: "Endpoints", summary: "New signing secret; the old one signs alongside it for a while", access: "operator", responses: { 200: ok("RotatedEndpointSecret") } },
  { operationId: "listPolicies", method: "GET", route: "/api/policies", tag: "Policies", summary: "Retry policies, the default first", access: "operator", responses: { 200: ok("PolicyList") } },
  { operationId: "createPolicy", method: "POST", route: "/api/policies", tag: "Policies", summary: "Add a retry policy", access: "operator", body: "PolicyCreate", responses: { 201: ok("Policy", "Created") } },
  { operationId: "getPolicy", method: "GET", route: "/api/policies/[id]", tag: "Policies", summary: "One retry policy", access: "operator", responses: { 200: ok("Policy") } },
  { operationId: "updatePolicy", method: "PATCH", route: "/api/policies/[id]", tag: "Policies", summary: "Change a retry policy", access: "operator", body: "PolicyUpdate", responses: { 200: ok("Policy") } },
  { operationId: "deletePolicy", method: "DELETE", route: "/api/policies/[id]", tag: "Policies", summary: "Delete a retry policy (not the default); its endpoints follow the default policy", access: "operator", responses: { 204: noContent } },

  // Messages and deliveries
  {
    operationId: "createMessage",
    method: "POST",
    route: "/api/messages",
    tag: "Deliveries",
    summary: "Send a message to every endpoint subscribed to its event type",
    description: "With an Idempotency-Key header, a repeat with the same body answers the first message (200).",
    access: "operator",
    body: "MessageCreate",
    responses: { 201: ok("Message", "Created, deliveries queued"), 200: { ...ok("Message", "A repeat of an earlier Idempotency-Key"), headers: REPLAYED } },
  },
  { operationId: "getMessage", method: "GET", route: "/api/messages/[id]", tag: "Deliveries", summary: "One message with its deliveries", access: "operator", responses: { 200: ok("Message") } },
  { operationId: "listDeliveries", method: "GET", route: "/api/deliveries", tag: "Deliveries", summary: "Deliveries, newest first", access: "operator", query: deliveryListQuerySchema, responses: { 200: ok("DeliveryPage") } },
  { operationId: "getDelivery", method: "GET", route: "/api/deliveries/[id]", tag: "Deliveries", summary: "One delivery with its attempts and the policy in effect", access: "operator", responses: { 200: ok("DeliveryDetail") } },
  {
    operationId: "replayDelivery",
    method: "POST",
    route: "/api/deliveries/[id]/replay",
    tag: "Deliveries",
    summary: "Send a delivery's message again as a new delivery",
    access: "operator",
    body: "ResendOptions",
    bodyOptional: true,
    description: "Acts once per Idempotency-Key: a repeat gets the first answer.",
    responses: { 202: { ...ok("ReplayedDelivery", "Queued; follow it at /api/deliveries/{id}"), headers: REPLAYED } },
  },

  // Dead letters
  { operationId: "listDeadLetters", method: "GET", route: "/api/dlq", tag: "Dead letters", summary: "Dead letters, latest failure first", access: "operator", query: deadLetterListQuerySchema, responses: { 200: ok("DeadLetterPage") } },
  { operationId: "getDeadLetterStats", method: "GET", route: "/api/dlq/stats", tag: "Dead letters", summary: "Dead letters by failure reason and status", access: "operator", query: dlqStatsQuerySchema, responses: { 200: ok("DeadLetterStats") } },
  { operationId: "getDeadLetter", method: "GET", route: "/api/dlq/[id]", tag: "Dead letters", summary: "One dead letter with its history", access: "operator", responses: { 200: ok("DeadLetterDetail") } },
  {
    operationId: "reprocessDeadLetter",
    method: "POST",
    route: "/api/dlq/[id]/reprocess",
    tag: "Dead letters",
    summary: "Reprocess one dead letter",
    access: "operator",
    body: "ResendOptions",
    bodyOptional: true,
    description: "Acts once per Idempotency-Key: a repeat gets the first answer.",
    responses: {
      202: { ...ok("ReprocessResult", "A delivery letter: a new delivery is queued"), headers: REPLAYED },
      200: { ...ok("ReprocessResult", "An inbound letter: processed again, the letter shows how it ended"), headers: REPLAYED },
    },
  },
  { operationId: "discardDeadLetter", method: "POST", route: "/api/dlq/[id]/discard", tag: "Dead letters", summary: "Discard one pending dead letter", access: "operator", responses: { 200: ok("DeadLetter") } },
  {
    operationId: "bulkReprocessDeadLetters",
    method: "POST",
    route: "/api/dlq/reprocess",
    tag: "Dead letters",
    summary: "Reprocess pending letters by ids or filter, rate-limited, as a job",
    access: "operator",
    body: "BulkReprocessRequest",
    description: "Acts once per Idempotency-Key: a repeat gets the first answer.",
    responses: { 202: { ...ok("BulkReprocessResult", "Job queued; follow it at /api/dlq/reprocess/{job}"), headers: REPLAYED }, 200: ok("BulkReprocessResult", "Dry run: what would be reprocessed") },
  },
  { operationId: "getBulkJob", method: "GET", route: "/api/dlq/reprocess/[job]", tag: "Dead letters", summary: "A bulk job's progress", access: "operator", responses: { 200: ok("BulkJob") } },
  { operationId: "cancelBulkJob", method: "POST", route: "/api/dlq/reprocess/[job]/cancel", tag: "Dead letters", summary: "Stop a bulk job; letters already taken finish", access: "operator", responses: { 200: ok("BulkJob") } },
  { operationId: "bulkDiscardDeadLetters", method: "POST", route: "/api/dlq/discard", tag: "Dead letters", summary: "Discard pending letters by ids or filter", access: "operator", body: "BulkDiscardRequest", responses: { 200: ok("BulkDiscardResult") } },

  // Inbound
  {
    operationId: "receiveWebhook",
    method: "POST",
    route: "/api/webhook",
    tag: "Inbound",
    summary: "Receive a webhook on the default source",
    description: "Provider-facing. 200 when accepted (or a duplicate), 4xx when the provider must not retry, 429/5xx when it should.",
    access: "public",
    responses: { 200: ok("WebhookAnswer", "Accepted or a duplicate"), 202: ok("WebhookAnswer", "Accepted; still being processed") },
  },
  {
    operationId: "receiveSourceWebhook",
    method: "POST",
    route: "/api/webhook/[source]",
    tag: "Inbound",
    summary: "Receive a webhook on a named source",
    description: "As /api/webhook, with the source's signature scheme. A Slack source answers Slack's url_verification check with `{ challenge }`.",
    access: "public",
    responses: { 200: ok("SourceWebhookAnswer", "Accepted or a duplicate, or a URL check's challenge"), 202: ok("WebhookAnswer", "Accepted; still being processed") },
  },
  { operationId: "listInboundEvents", method: "GET", route: "/api/inbound", tag: "Inbound", summary: "Received events, newest first", access: "operator", query: listEventsQuerySchema, responses: { 200: ok("InboundEventPage") } },
  { operationId: "getInboundEvent", method: "GET", route: "/api/inbound/[id]", tag: "Inbound", summary: "One received event with its payload and what came of it", access: "operator", responses: { 200: ok("InboundEventDetail") } },
  { operationId: "listSources", method: "GET", route: "/api/sources", tag: "Inbound", summary: "Inbound sources, secrets masked", access: "operator", responses: { 200: ok("SourceList") } },
  { operationId: "createSource", method: "POST", route: "/api/sources", tag: "Inbound", summary: "Add an inbound source", access: "operator", body: "SourceCreate", responses: { 201: ok("SourceWithSecret", "Created; the secret is shown this once") } },
  { operationId: "getSource", method: "GET", route: "/api/sources/[id]", tag: "Inbound", summary: "One inbound source", access: "operator", responses: { 200: ok("Source") } },
  { operationId: "updateSource", method: "PATCH", route: "/api/sources/[id]", tag: "Inbound", summary: "Change a source; a new preset brings a new secret, shown this once", access: "operator", body: "SourceUpdate", responses: { 200: ok("UpdatedSource") } },
  { operationId: "deleteSource", method: "DELETE", route: "/api/sources/[id]", tag: "Inbound", summary: "Delete a source (not the default)", access: "operator", responses: { 204: noContent } },
  {
    operationId: "rotateSourceSecret",
    method: "POST",
    route: "/api/sources/[id]/rotate-secret",
    tag: "Inbound",
    summary: "New signing secret; the old one stays valid for a while",
    access: "operator",
    body: "SourceRotateSecret",
    bodyOptional: true,
    responses: { 200: ok("SourceWithSecret") },
  },
  { operationId: "listSourceRefusals", method: "GET", route: "/api/sources/[id]/refusals", tag: "Inbound", summary: "Requests the source refused most recently", access: "operator", responses: { 200: ok("SourceRefusals") } },

  // Simulator
  { operationId: "simulate", method: "POST", route: "/api/simulate", tag: "Simulator", summary: "Run one policy against a simulated endpoint", access: "operator", body: "SimulationRequest", responses: { 200: ok("SimulationAnswer") } },
  { operationId: "compare", method: "POST", route: "/api/simulate/compare", tag: "Simulator", summary: "Run several policies on the same failures", access: "operator", body: "ComparisonRequest", responses: { 200: ok("ComparisonAnswer") } },
  { operationId: "backtest", method: "POST", route: "/api/simulate/backtest", tag: "Simulator", summary: "Replay an endpoint's recorded history under a candidate policy", access: "operator", body: "BacktestRequest", responses: { 200: ok("BacktestAnswer") } },

  // Operations
  { operationId: "getOverview", method: "GET", route: "/api/overview", tag: "Operations", summary: "Dashboard figures over a window", access: "operator", query: overviewQuerySchema, responses: { 200: ok("Overview") } },
  { operationId: "getHealth", method: "GET", route: "/api/health", tag: "Operations", summary: "Database and workers", access: "public", responses: { 200: ok("Health"), 503: ok("Health", "The database does not answer") } },
  { operationId: "ping", method: "GET", route: "/api/ping", tag: "Operations", summary: "Liveness, without the database", access: "public", responses: { 200: ok("Ping") } },
  { operationId: "pingWithBody", method: "POST", route: "/api/ping", tag: "Operations", summary: "Liveness that reads and drops a JSON body under the webhook's limits", access: "public", responses: { 200: ok("Ping") } },
  {
    operationId: "getMetrics",
    method: "GET",
    route: "/api/metrics",
    tag: "Operations",
    summary: "Prometheus metrics",
    description: "Also open to HOOKRELAY_METRICS_TOKEN as the bearer.",
    access: "operator",
    responses: { 200: { description: "Prometheus text exposition format", text: "text/plain; version=0.0.4; charset=utf-8" } },
  },
  { operationId: "getOpenApiDocument", method: "GET", route: "/api/openapi.json", tag: "Operations", summary: "This document", access: "public", responses: { 200: ok("OpenApiDocument") } },
  { operationId: "runCleanup", method: "POST", route: "/api/cleanup", tag: "Operations", summary: "Run the retention cleanup now", access: "operator", responses: { 200: ok("Cleanup") } },
];
