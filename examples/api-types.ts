// Generated from the OpenAPI document (lib/contract) by `npm run api:doc`. Do not edit.
export interface paths {
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in operator */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the first operator and sign in
         * @description Only while no operator exists; 409 afterwards.
         */
        post: operations["setUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Wrong credentials are 401; repeated failures are throttled with 429 and Retry-After.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (also when already signed out) */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens, revoked ones included */
        get: operations["listApiTokens"];
        put?: never;
        /** Mint an API token */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (again: still 204) */
        delete: operations["revokeApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone who can sign in */
        get: operations["listOperators"];
        put?: never;
        /** Add an operator who signs in with the password given */
        post: operations["addOperator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/operators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an operator (not yourself, not the last) and end their sessions */
        delete: operations["removeOperator"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password; your other sessions end */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find records by id, provider event id, webhook-id, event-type prefix (order.*) or payload text */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Destination endpoints, newest first */
        get: operations["listEndpoints"];
        put?: never;
        /** Add a destination endpoint */
        post: operations["createEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint with its recent health */
        get: operations["getEndpoint"];
        put?: never;
        post?: never;
        /** Delete an endpoint and its deliveries (its dead letters stay) */
        delete: operations["deleteEndpoint"];
        options?: never;
        head?: never;
        /** Change an endpoint */
        patch: operations["updateEndpoint"];
        trace?: never;
    };
    "/api/endpoints/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attempts per hour over the last day: count, successes, latency p50 and p95 */
        get: operations["getEndpointSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/endpoints/{id}/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send or discard the deliveries held while the endpoint was disabled
         * @description Sending needs the endpoint enabled (409 otherwise). Acts once per Idempotency-Key.
         */
        post: operations["settleHeldDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one signed hookrelay.test event to this endpoint alone
         * @description 409 while the endpoint is disabled. Acts once per Idempotency-Key.
         */
        post: operations["sendTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New signing secret; the old one signs alongside it for a while */
        post: operations["rotateEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retry policies, the default first */
        get: operations["listPolicies"];
        put?: never;
        /** Add a retry policy */
        post: operations["createPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One retry policy */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        /** Delete a retry policy (not the default); its endpoints follow the default policy */
        delete: operations["deletePolicy"];
        options?: never;
        head?: never;
        /** Change a retry policy */
        patch: operations["updatePolicy"];
        trace?: never;
    };
    "/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message to every endpoint subscribed to its event type
         * @description With an Idempotency-Key header, a repeat with the same body answers the first message (200).
         */
        post: operations["createMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message with its deliveries */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, newest first */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempts and the policy in effect */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery's message again as a new delivery
         * @description Acts once per Idempotency-Key: a repeat gets the first answer.
         */
        post: operations["replayDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters, latest failure first */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters by failure reason and status */
        get: operations["getDeadLetterStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dead letter with its history */
        get: operations["getDeadLetter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocess one dead letter
         * @description Acts once per Idempotency-Key: a repeat gets the first answer.
         */
        post: operations["reprocessDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard one pending dead letter */
        post: operations["discardDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocess pending letters by ids or filter, rate-limited, as a job
         * @description Acts once per Idempotency-Key: a repeat gets the first answer.
         */
        post: operations["bulkReprocessDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/reprocess/{job}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk job's progress */
        get: operations["getBulkJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/reprocess/{job}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a bulk job; letters already taken finish */
        post: operations["cancelBulkJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dlq/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard pending letters by ids or filter */
        post: operations["bulkDiscardDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a webhook on the default source
         * @description Provider-facing. 200 when accepted (or a duplicate), 4xx when the provider must not retry, 429/5xx when it should.
         */
        post: operations["receiveWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a webhook on a named source
         * @description As /api/webhook, with the source's signature scheme. A Slack source answers Slack's url_verification check with `{ challenge }`.
         */
        post: operations["receiveSourceWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Received events, newest first */
        get: operations["listInboundEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One received event with its payload and what came of it */
        get: operations["getInboundEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound sources, secrets masked */
        get: operations["listSources"];
        put?: never;
        /** Add an inbound source */
        post: operations["createSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One inbound source */
        get: operations["getSource"];
        put?: never;
        post?: never;
        /** Delete a source (not the default) */
        delete: operations["deleteSource"];
        options?: never;
        head?: never;
        /** Change a source; a new preset brings a new secret, shown this once */
        patch: operations["updateSource"];
        trace?: never;
    };
    "/api/sources/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New signing secret; the old one stays valid for a while */
        post: operations["rotateSourceSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}/refusals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests the source refused most recently */
        get: operations["listSourceRefusals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one policy against a simulated endpoint */
        post: operations["simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/simulate/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run several policies on the same failures */
        post: operations["compare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/simulate/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay an endpoint's recorded history under a candidate policy */
        post: operations["backtest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dashboard figures over a window */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database and workers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, without the database */
        get: operations["ping"];
        put?: never;
        /** Liveness that reads and drops a JSON body under the webhook's limits */
        post: operations["pingWithBody"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Also open to HOOKRELAY_METRICS_TOKEN as the bearer.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cleanup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the retention cleanup now */
        post: operations["runCleanup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SetupRequest: {
            email: string;
            password: string;
        };
        SignInRequest: {
            email: string;
            password: string;
        };
        ApiTokenCreate: {
            name: string;
        };
        OperatorCreate: {
            email: string;
            password: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        HeldAction: {
            /** @enum {string} */
            action: "send" | "discard";
        };
        EndpointCreate: {
            url: string;
            description?: string | null;
            eventTypes?: string[];
            policyId?: string | null;
            /** @default true */
            enabled?: boolean;
            rateLimitPerSecond?: number | null;
            maxConcurrency?: number | null;
        };
        EndpointUpdate: {
            url?: string;
            description?: string | null;
            eventTypes?: string[];
            policyId?: string | null;
            enabled?: boolean;
            rateLimitPerSecond?: number | null;
            maxConcurrency?: number | null;
        };
        PolicyCreate: {
            /** @default 5 */
            maxAttempts?: number;
            /** @default 1000 */
            initialDelayMs?: number;
            /** @default 300000 */
            maxDelayMs?: number;
            /** @default 2 */
            exponentialBase?: number;
            /** @default 0.1 */
            jitter?: number;
            /**
             * @default proportional
             * @enum {string}
             */
            jitterMode?: "none" | "proportional" | "full" | "decorrelated";
            /** @default 30000 */
            timeoutMs?: number;
            name: string;
            description?: string | null;
            isDefault?: boolean;
        };
        PolicyUpdate: {
            name?: string;
            description?: string | null;
            isDefault?: boolean;
            maxAttempts?: number;
            initialDelayMs?: number;
            maxDelayMs?: number;
            exponentialBase?: number;
            jitter?: number;
            /** @enum {string} */
            jitterMode?: "none" | "proportional" | "full" | "decorrelated";
            timeoutMs?: number;
        };
        MessageCreate: {
            eventType: string;
            payload: {
                [key: string]: unknown;
            };
        };
        ResendOptions: {
            /** @default false */
            enableEndpoint?: boolean;
        };
        BulkReprocessRequest: {
            ids?: string[];
            filter?: {
                reason?: ("max_retries" | "invalid_endpoint" | "payload_error" | "unrecoverable") | ("max_retries" | "invalid_endpoint" | "payload_error" | "unrecoverable")[];
                endpointId?: string;
                eventType?: string;
                /** @enum {string} */
                kind?: "delivery" | "inbound";
                /** Format: date-time */
                since?: string;
                /** Format: date-time */
                until?: string;
            };
            /** @default 10 */
            ratePerSecond?: number;
            /** @default false */
            dryRun?: boolean;
            /** @default false */
            enableEndpoint?: boolean;
        };
        BulkDiscardRequest: {
            ids?: string[];
            filter?: {
                reason?: ("max_retries" | "invalid_endpoint" | "payload_error" | "unrecoverable") | ("max_retries" | "invalid_endpoint" | "payload_error" | "unrecoverable")[];
                endpointId?: string;
                eventType?: string;
                /** @enum {string} */
                kind?: "delivery" | "inbound";
                /** Format: date-time */
                since?: string;
                /** Format: date-time */
                until?: string;
            };
            /** @default false */
            dryRun?: boolean;
        };
        SourceCreate: {
            name: string;
            description?: string | null;
            /**
             * @default none
             * @enum {string}
             */
            provider?: "stripe" | "github" | "shopify" | "slack" | "svix" | "standard_webhooks" | "custom" | "none";
            secret?: string;
            signatureHeader?: string;
            signaturePrefix?: string;
            /** @enum {string} */
            signatureEncoding?: "hex" | "base64";
            /** @default 86400 */
            idempotencyTtlSeconds?: number;
            rateLimitPerSecond?: number | null;
        };
        SourceUpdate: {
            name?: string;
            description?: string | null;
            /** @enum {string} */
            provider?: "stripe" | "github" | "shopify" | "slack" | "svix" | "standard_webhooks" | "custom" | "none";
            secret?: string;
            signatureHeader?: string | null;
            signaturePrefix?: string | null;
            signatureEncoding?: ("hex" | "base64") | null;
            idempotencyTtlSeconds?: number;
            rateLimitPerSecond?: number | null;
        };
        SourceRotateSecret: {
            secret?: string;
            /** @default 86400 */
            previousSecretValidSeconds?: number;
        };
        SimulationRequest: {
            policy: {
                /** @default 5 */
                maxAttempts?: number;
                /** @default 1000 */
                initialDelayMs?: number;
                /** @default 300000 */
                maxDelayMs?: number;
                /** @default 2 */
                exponentialBase?: number;
                /** @default 0.1 */
                jitter?: number;
                /**
                 * @default proportional
                 * @enum {string}
                 */
                jitterMode?: "none" | "proportional" | "full" | "decorrelated";
                /** @default 30000 */
                timeoutMs?: number;
            };
            failureRate: number;
            timeoutRate: number;
            /** @default 100 */
            responseTimeMs?: number;
            /** @default 1000 */
            deliveries?: number;
            /** @default 1 */
            seed?: number;
            /** @default 0 */
            arrivalWindowMs?: number;
            /** @default [] */
            outages?: {
                startMs: number;
                endMs: number;
            }[];
        };
        ComparisonRequest: {
            failureRate: number;
            timeoutRate: number;
            /** @default 100 */
            responseTimeMs?: number;
            /** @default 1000 */
            deliveries?: number;
            /** @default 1 */
            seed?: number;
            /** @default 0 */
            arrivalWindowMs?: number;
            /** @default [] */
            outages?: {
                startMs: number;
                endMs: number;
            }[];
            policies: {
                label: string;
                policy: {
                    /** @default 5 */
                    maxAttempts?: number;
                    /** @default 1000 */
                    initialDelayMs?: number;
                    /** @default 300000 */
                    maxDelayMs?: number;
                    /** @default 2 */
                    exponentialBase?: number;
                    /** @default 0.1 */
                    jitter?: number;
                    /**
                     * @default proportional
                     * @enum {string}
                     */
                    jitterMode?: "none" | "proportional" | "full" | "decorrelated";
                    /** @default 30000 */
                    timeoutMs?: number;
                };
            }[];
        };
        BacktestRequest: {
            endpointId: string;
            since: string | number;
            until: string | number;
            policy: {
                /** @default 5 */
                maxAttempts?: number;
                /** @default 1000 */
                initialDelayMs?: number;
                /** @default 300000 */
                maxDelayMs?: number;
                /** @default 2 */
                exponentialBase?: number;
                /** @default 0.1 */
                jitter?: number;
                /**
                 * @default proportional
                 * @enum {string}
                 */
                jitterMode?: "none" | "proportional" | "full" | "decorrelated";
                /** @default 30000 */
                timeoutMs?: number;
            };
            /** @default 1 */
            seed?: number;
        };
        /** @description The one error shape every operator API route answers with */
        Error: {
            error: {
                /** @enum {string} */
                code: "bad_request" | "validation_failed" | "invalid_json" | "unauthorized" | "invalid_signature" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "in_progress" | "payload_too_large" | "unsupported_media_type" | "idempotency_mismatch" | "unprocessable" | "rate_limited" | "internal" | "processing_failed" | "database_unavailable" | "unavailable";
                /** @description For people: names the first problem found */
                message: string;
                /** @description For programs: for validation_failed, a list of { path, message } */
                details?: unknown;
            };
        };
        /** Format: date-time */
        Timestamp: string;
        Session: {
            operator: {
                id: string;
                email: string;
            };
        };
        SignedIn: {
            operator: {
                id: string;
                email: string;
            };
            expiresAt: components["schemas"]["Timestamp"];
        };
        ApiToken: {
            id: string;
            name: string;
            /** @description The token's first characters, to tell tokens apart */
            prefix: string;
            createdBy: string | null;
            createdAt: components["schemas"]["Timestamp"];
            lastUsedAt: components["schemas"]["Timestamp"] | null;
            revokedAt: components["schemas"]["Timestamp"] | null;
        };
        ApiTokenList: {
            data: components["schemas"]["ApiToken"][];
        };
        CreatedApiToken: {
            id: string;
            name: string;
            /** @description The token's first characters, to tell tokens apart */
            prefix: string;
            createdBy: string | null;
            createdAt: components["schemas"]["Timestamp"];
            lastUsedAt: components["schemas"]["Timestamp"] | null;
            revokedAt: components["schemas"]["Timestamp"] | null;
            /** @description The bearer token itself, shown this once */
            token: string;
        };
        AuditEntry: {
            id: string;
            /** @description operator:<email>, token:<name> or system */
            actor: string;
            action: string;
            targetType: string;
            targetId: string | null;
            details: unknown;
            createdAt: components["schemas"]["Timestamp"];
        };
        AuditPage: {
            data: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        Endpoint: {
            id: string;
            url: string;
            description: string | null;
            /** @description Event types delivered here; empty means all */
            eventTypes: string[];
            enabled: boolean;
            disabledReason: string | null;
            disabledAt: components["schemas"]["Timestamp"] | null;
            failingSince: components["schemas"]["Timestamp"] | null;
            policyId: string | null;
            policy: {
                id: string;
                name: string;
            } | null;
            rateLimitPerSecond: number | null;
            maxConcurrency: number | null;
            /** @description The signing secret's last characters; the secret itself is shown once */
            secretHint: string;
            /** @description Set while a rotated-out secret still signs alongside the new one */
            previousSecretExpiresAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        EndpointDetail: {
            id: string;
            url: string;
            description: string | null;
            /** @description Event types delivered here; empty means all */
            eventTypes: string[];
            enabled: boolean;
            disabledReason: string | null;
            disabledAt: components["schemas"]["Timestamp"] | null;
            failingSince: components["schemas"]["Timestamp"] | null;
            policyId: string | null;
            policy: {
                id: string;
                name: string;
            } | null;
            rateLimitPerSecond: number | null;
            maxConcurrency: number | null;
            /** @description The signing secret's last characters; the secret itself is shown once */
            secretHint: string;
            /** @description Set while a rotated-out secret still signs alongside the new one */
            previousSecretExpiresAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            health: {
                windowHours: number;
                succeeded: number;
                failed: number;
                dead: number;
                /** @description Null when nothing finished in the window */
                successRate: number | null;
                lastFailure: {
                    at: components["schemas"]["Timestamp"];
                    deliveryId: string;
                    statusCode: number | null;
                    error: string | null;
                } | null;
                disabledReason: string | null;
            };
            /** @description Deliveries made while it was disabled, waiting to be sent or discarded */
            heldDeliveries: number;
        };
        EndpointList: {
            data: components["schemas"]["Endpoint"][];
        };
        CreatedEndpoint: {
            id: string;
            url: string;
            description: string | null;
            /** @description Event types delivered here; empty means all */
            eventTypes: string[];
            enabled: boolean;
            disabledReason: string | null;
            disabledAt: components["schemas"]["Timestamp"] | null;
            failingSince: components["schemas"]["Timestamp"] | null;
            policyId: string | null;
            policy: {
                id: string;
                name: string;
            } | null;
            rateLimitPerSecond: number | null;
            maxConcurrency: number | null;
            /** @description The signing secret's last characters; the secret itself is shown once */
            secretHint: string;
            /** @description Set while a rotated-out secret still signs alongside the new one */
            previousSecretExpiresAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            /** @description The signing secret, shown this once */
            secret: string;
        };
        RotatedEndpointSecret: {
            id: string;
            /** @description The new signing secret, shown this once */
            secret: string;
            secretHint: string;
            /** @description Until then deliveries are signed with both secrets */
            previousSecretExpiresAt: components["schemas"]["Timestamp"];
        };
        SettledHeld: {
            endpointId: string;
            /** @enum {string} */
            action: "send" | "discard";
            count: number;
        };
        SentTestEvent: {
            messageId: string;
            /** @description Follow it at /api/deliveries/{id} */
            deliveryId: string;
        };
        EndpointSeries: {
            bucketMs: number;
            points: {
                /** @description Bucket start, epoch ms */
                t: number;
                attempts: number;
                succeeded: number;
                p50Ms: number | null;
                p95Ms: number | null;
            }[];
            /** @description True when only the newest attempts of the window were read */
            sampled: boolean;
        };
        OperatorAccount: {
            id: string;
            email: string;
            createdAt: components["schemas"]["Timestamp"];
            lastLoginAt: components["schemas"]["Timestamp"] | null;
        };
        OperatorList: {
            data: components["schemas"]["OperatorAccount"][];
        };
        SearchResult: {
            query: string;
            /** @description Set when the query names exactly one record */
            exact: {
                /** @enum {string} */
                kind: "delivery" | "inbound_event" | "dead_letter" | "endpoint";
                id: string;
                /** @description What matched, in words: event id, payload, event type… */
                matched: string;
                title: string;
                subtitle: string;
                at: components["schemas"]["Timestamp"];
            } | null;
            data: {
                /** @enum {string} */
                kind: "delivery" | "inbound_event" | "dead_letter" | "endpoint";
                id: string;
                /** @description What matched, in words: event id, payload, event type… */
                matched: string;
                title: string;
                subtitle: string;
                at: components["schemas"]["Timestamp"];
            }[];
        };
        Policy: {
            id: string;
            name: string;
            description: string | null;
            isDefault: boolean;
            maxAttempts: number;
            initialDelayMs: number;
            maxDelayMs: number;
            exponentialBase: number;
            jitter: number;
            /** @enum {string} */
            jitterMode: "none" | "proportional" | "full" | "decorrelated";
            timeoutMs: number;
            endpointCount: number;
            /** @description The gaps between attempts */
            schedule: ({
                attempt: number;
                baseMs: number;
                minMs: number;
                maxMs: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description How long after the first attempt the last one is made */
            giveUpAfter: {
                minMs: number;
                maxMs: number;
                baseMs: number;
            };
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        PolicyList: {
            data: components["schemas"]["Policy"][];
        };
        PolicyInEffect: {
            id: string | null;
            name: string;
            /** @enum {string} */
            source: "endpoint" | "default" | "builtin";
            maxAttempts: number;
            initialDelayMs: number;
            maxDelayMs: number;
            exponentialBase: number;
            jitter: number;
            /** @enum {string} */
            jitterMode: "none" | "proportional" | "full" | "decorrelated";
            timeoutMs: number;
        };
        Delivery: {
            id: string;
            /** @enum {string} */
            status: "pending" | "in_flight" | "succeeded" | "failed" | "dead" | "held";
            attemptCount: number;
            nextAttemptAt: components["schemas"]["Timestamp"];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            completedAt: components["schemas"]["Timestamp"] | null;
            lastStatusCode: number | null;
            lastError: string | null;
            endpoint: {
                id: string;
                url: string;
            };
            message: {
                id: string;
                eventType: string;
            };
        };
        DeliveryPage: {
            data: components["schemas"]["Delivery"][];
            nextCursor: string | null;
        };
        DeliveryDetail: {
            id: string;
            /** @enum {string} */
            status: "pending" | "in_flight" | "succeeded" | "failed" | "dead" | "held";
            attemptCount: number;
            nextAttemptAt: components["schemas"]["Timestamp"];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            completedAt: components["schemas"]["Timestamp"] | null;
            lastStatusCode: number | null;
            lastError: string | null;
            endpoint: {
                id: string;
                url: string;
                enabled: boolean;
                policyId: string | null;
            };
            message: {
                id: string;
                eventType: string;
                /** @description The exact text sent */
                payload: string;
                createdAt: components["schemas"]["Timestamp"];
            };
            replayOfId: string | null;
            attempts: {
                number: number;
                startedAt: components["schemas"]["Timestamp"];
                durationMs: number;
                statusCode: number | null;
                error: string | null;
                responseBody: string | null;
                outcome: string;
                /** @description The wait scheduled after this attempt */
                delayMs: number | null;
                /** @description What was sent; signatures and credentials masked */
                requestHeaders: {
                    [key: string]: string;
                } | null;
                /** @description What the endpoint answered with; credentials masked */
                responseHeaders: {
                    [key: string]: string;
                } | null;
            }[];
            policy: components["schemas"]["PolicyInEffect"];
            /** @description The policy its last attempt ran under; null before the first attempt */
            ranUnder: {
                maxAttempts: number;
                initialDelayMs: number;
                maxDelayMs: number;
                exponentialBase: number;
                jitter: number;
                /** @enum {string} */
                jitterMode: "none" | "proportional" | "full" | "decorrelated";
                timeoutMs: number;
            } | null;
            nextRetryAt: components["schemas"]["Timestamp"] | null;
            replayIds: string[];
            deadLetterId: string | null;
        };
        ReplayedDelivery: {
            id: string;
            replayOfId: string;
            messageId: string;
            endpointId: string;
            status: string;
            createdAt: components["schemas"]["Timestamp"];
        };
        Message: {
            id: string;
            eventType: string;
            /** @description The JSON value delivered to endpoints; a delivery's detail has its exact text */
            payload: unknown;
            idempotencyKey: string | null;
            createdAt: components["schemas"]["Timestamp"];
            deliveries: components["schemas"]["Delivery"][];
        };
        DeadLetter: {
            id: string;
            /** @enum {string} */
            kind: "delivery" | "inbound";
            /** @enum {string} */
            status: "pending" | "reprocessing" | "reprocessed" | "discarded";
            reason: string;
            errorDetails: string | null;
            attempts: number;
            failedAt: components["schemas"]["Timestamp"];
            url: string | null;
            eventType: string | null;
            payload: string;
            endpointId: string | null;
            deliveryId: string | null;
            inboundEventId: string | null;
            lastDeliveryId: string | null;
            reprocessCount: number;
            reprocessedAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        DeadLetterDetail: {
            id: string;
            /** @enum {string} */
            kind: "delivery" | "inbound";
            /** @enum {string} */
            status: "pending" | "reprocessing" | "reprocessed" | "discarded";
            reason: string;
            errorDetails: string | null;
            attempts: number;
            failedAt: components["schemas"]["Timestamp"];
            url: string | null;
            eventType: string | null;
            payload: string;
            endpointId: string | null;
            deliveryId: string | null;
            inboundEventId: string | null;
            lastDeliveryId: string | null;
            reprocessCount: number;
            reprocessedAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            deliveries: {
                id: string;
                /** @enum {string} */
                role: "original" | "reprocess";
                status: string;
                attemptCount: number;
                createdAt: components["schemas"]["Timestamp"];
                completedAt: components["schemas"]["Timestamp"] | null;
            }[];
            history: {
                deliveryId: string;
                number: number;
                startedAt: components["schemas"]["Timestamp"];
                durationMs: number;
                statusCode: number | null;
                error: string | null;
                outcome: string;
                delayMs: number | null;
                /** @description Only in a single letter's detail */
                responseBody?: string | null;
            }[];
            endpoint: {
                id: string;
                url: string;
                enabled: boolean;
                disabledReason: string | null;
            } | null;
            inboundEvent: {
                id: string;
                source: string;
                idempotencyKey: string;
                status: string;
                receivedAt: components["schemas"]["Timestamp"];
            } | null;
        };
        DeadLetterPage: {
            data: {
                id: string;
                /** @enum {string} */
                kind: "delivery" | "inbound";
                /** @enum {string} */
                status: "pending" | "reprocessing" | "reprocessed" | "discarded";
                reason: string;
                errorDetails: string | null;
                attempts: number;
                failedAt: components["schemas"]["Timestamp"];
                url: string | null;
                eventType: string | null;
                payload: string;
                endpointId: string | null;
                deliveryId: string | null;
                inboundEventId: string | null;
                lastDeliveryId: string | null;
                reprocessCount: number;
                reprocessedAt: components["schemas"]["Timestamp"] | null;
                createdAt: components["schemas"]["Timestamp"];
                updatedAt: components["schemas"]["Timestamp"];
                deliveries: {
                    id: string;
                    /** @enum {string} */
                    role: "original" | "reprocess";
                    status: string;
                    attemptCount: number;
                    createdAt: components["schemas"]["Timestamp"];
                    completedAt: components["schemas"]["Timestamp"] | null;
                }[];
                history: {
                    deliveryId: string;
                    number: number;
                    startedAt: components["schemas"]["Timestamp"];
                    durationMs: number;
                    statusCode: number | null;
                    error: string | null;
                    outcome: string;
                    delayMs: number | null;
                    /** @description Only in a single letter's detail */
                    responseBody?: string | null;
                }[];
            }[];
            nextCursor: string | null;
        };
        DeadLetterStats: {
            since: components["schemas"]["Timestamp"] | null;
            until: components["schemas"]["Timestamp"] | null;
            endpointId: string | null;
            totals: {
                total: number;
                pending: number;
                reprocessing: number;
                reprocessed: number;
                discarded: number;
            };
            byReason: {
                /** @enum {string} */
                reason: "max_retries" | "invalid_endpoint" | "payload_error" | "unrecoverable";
                total: number;
                pending: number;
            }[];
            /** @description Only with byEndpoint=true */
            byEndpoint?: {
                endpointId: string;
                url: string;
                enabled: boolean;
                total: number;
                pending: number;
            }[];
        };
        BulkJob: {
            id: string;
            kind: string;
            status: string;
            ratePerSecond: number | null;
            selection: {
                [key: string]: unknown;
            };
            total: number;
            processed: number;
            queued: number;
            inFlight: number;
            succeeded: number;
            failed: number;
            error: string | null;
            createdBy: string | null;
            createdAt: components["schemas"]["Timestamp"];
            startedAt: components["schemas"]["Timestamp"] | null;
            finishedAt: components["schemas"]["Timestamp"] | null;
        };
        BulkReprocessResult: {
            /** @constant */
            dryRun: true;
            matched: number;
            disabledEndpoints: {
                id: string;
                url: string;
                disabledReason: string | null;
            }[];
        } | {
            /** @constant */
            dryRun: false;
            job: components["schemas"]["BulkJob"];
            ignored: number;
        };
        BulkDiscardResult: {
            /** @constant */
            dryRun: true;
            matched: number;
        } | {
            /** @constant */
            dryRun: false;
            discarded: number;
            ignored: number;
            job: components["schemas"]["BulkJob"];
        };
        ReprocessResult: {
            /** @constant */
            kind: "delivery";
            deadLetter: components["schemas"]["DeadLetter"];
            deliveryId: string;
        } | {
            /** @constant */
            kind: "inbound";
            deadLetter: components["schemas"]["DeadLetter"];
            outcome: {
                /** @enum {string} */
                kind: "processed" | "skipped" | "unrecoverable" | "retry" | "rate_limited" | "timeout";
            } & {
                [key: string]: unknown;
            };
        };
        InboundEvent: {
            id: string;
            /** @description The source's name */
            source: string;
            idempotencyKey: string;
            /** @description Where the key came from: a header, the provider's event id, or the body's hash */
            keySource: string;
            eventType: string | null;
            /** @enum {string} */
            status: "processing" | "processed" | "failed" | "skipped";
            resultStatus: number | null;
            error: string | null;
            runs: number;
            duplicateCount: number;
            providerAttempt: number | null;
            messageId: string | null;
            receivedAt: components["schemas"]["Timestamp"];
            processedAt: components["schemas"]["Timestamp"] | null;
            expiresAt: components["schemas"]["Timestamp"];
        };
        InboundEventPage: {
            data: components["schemas"]["InboundEvent"][];
            nextCursor: string | null;
        };
        InboundEventDetail: {
            id: string;
            /** @description The source's name */
            source: string;
            idempotencyKey: string;
            /** @description Where the key came from: a header, the provider's event id, or the body's hash */
            keySource: string;
            eventType: string | null;
            /** @enum {string} */
            status: "processing" | "processed" | "failed" | "skipped";
            resultStatus: number | null;
            error: string | null;
            runs: number;
            duplicateCount: number;
            providerAttempt: number | null;
            messageId: string | null;
            receivedAt: components["schemas"]["Timestamp"];
            processedAt: components["schemas"]["Timestamp"] | null;
            expiresAt: components["schemas"]["Timestamp"];
            provider: string;
            headers: {
                [key: string]: string;
            };
            /** @description What endpoints receive about the source with the message */
            sourceHeaders: {
                [key: string]: string;
            };
            /** @description The exact text received */
            payload: string;
            result: {
                status: number;
                body: unknown;
            } | null;
            processingUntil: components["schemas"]["Timestamp"] | null;
            message: {
                id: string;
                eventType: string;
                createdAt: components["schemas"]["Timestamp"];
                deliveries: {
                    id: string;
                    endpointId: string;
                    url: string;
                    status: string;
                    attemptCount: number;
                }[];
            } | null;
            deadLetters: {
                id: string;
                reason: string;
                status: string;
                errorDetails: string | null;
                failedAt: components["schemas"]["Timestamp"];
            }[];
        };
        Source: {
            id: string;
            name: string;
            description: string | null;
            /** @description The signing preset */
            provider: string;
            signatureHeader: string | null;
            signaturePrefix: string | null;
            signatureEncoding: string | null;
            secretHint: string | null;
            previousSecretExpiresAt: components["schemas"]["Timestamp"] | null;
            idempotencyTtlSeconds: number;
            rateLimitPerSecond: number | null;
            /** @description Where providers send this source's webhooks */
            webhookPath: string;
            refusedLastDay: number;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        SourceList: {
            data: components["schemas"]["Source"][];
        };
        SourceWithSecret: {
            id: string;
            name: string;
            description: string | null;
            /** @description The signing preset */
            provider: string;
            signatureHeader: string | null;
            signaturePrefix: string | null;
            signatureEncoding: string | null;
            secretHint: string | null;
            previousSecretExpiresAt: components["schemas"]["Timestamp"] | null;
            idempotencyTtlSeconds: number;
            rateLimitPerSecond: number | null;
            /** @description Where providers send this source's webhooks */
            webhookPath: string;
            refusedLastDay: number;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            /** @description Shown this once; null when the source checks no signature */
            secret: string | null;
        };
        UpdatedSource: {
            id: string;
            name: string;
            description: string | null;
            /** @description The signing preset */
            provider: string;
            signatureHeader: string | null;
            signaturePrefix: string | null;
            signatureEncoding: string | null;
            secretHint: string | null;
            previousSecretExpiresAt: components["schemas"]["Timestamp"] | null;
            idempotencyTtlSeconds: number;
            rateLimitPerSecond: number | null;
            /** @description Where providers send this source's webhooks */
            webhookPath: string;
            refusedLastDay: number;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            /** @description Present when the preset changed: the new secret, shown this once */
            secret?: string | null;
        };
        SourceRefusals: {
            data: {
                id: string;
                receivedAt: components["schemas"]["Timestamp"];
                status: number;
                code: string;
                reason: string;
                headers: {
                    [key: string]: string;
                };
                bodyExcerpt: string;
                bodyBytes: number;
            }[];
            /** @description Refusals in the last 24 hours by HTTP status */
            lastDayByStatus: {
                [key: string]: number;
            };
        };
        WebhookAnswer: {
            id: string;
            idempotencyKey: string;
            keySource: string;
            status: string;
        } & {
            [key: string]: unknown;
        };
        SourceWebhookAnswer: components["schemas"]["WebhookAnswer"] | {
            challenge: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            database: {
                /** @enum {string} */
                provider: "sqlite" | "postgresql";
                ok: boolean;
                latencyMs?: number;
                error?: string;
            };
            workers: {
                id: string;
                kind: string;
                host: string;
                pid: number;
                state: string;
                reason?: string;
                lastBeatAt: components["schemas"]["Timestamp"] | null;
            }[];
        };
        Ping: {
            /** @constant */
            ok: true;
        };
        Cleanup: {
            removed: {
                inboundEvents: number;
                attempts: number;
                deliveries: number;
                messages: number;
                sessions: number;
                operatorActions: number;
            };
            retention: {
                attemptsDays: number;
                deliveriesDays: number;
            };
        };
        Overview: {
            /** @enum {string} */
            window: "1h" | "24h" | "7d";
            since: components["schemas"]["Timestamp"];
            received: number;
            duplicates: number;
            delivered: number;
            failedAttempts: number;
            successRate: number | null;
            p95LatencyMs: number | null;
            deadLettersPending: number;
            pendingDeliveries: number;
            series: {
                t: number;
                succeeded: number;
                retried: number;
                dead: number;
            }[];
            bucketMs: number;
            endpoints: {
                id: string;
                url: string;
                enabled: boolean;
                disabledReason: string | null;
                failingSince: components["schemas"]["Timestamp"] | null;
            }[];
        };
        OpenApiDocument: {
            /** @constant */
            openapi: "3.1.0";
            paths: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        SimulationResult: {
            deliveries: number;
            delivered: number;
            deadLettered: number;
            successRate: number;
            meanAttempts: number;
            totalAttempts: number;
            attemptDistribution: {
                [key: string]: unknown;
            }[];
            cumulativeDelivered: {
                [key: string]: unknown;
            }[];
            load: {
                [key: string]: unknown;
            }[];
            bucketMs: number;
            horizonMs: number;
            theory: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        SimulationAnswer: {
            input: {
                failureRate: number;
                timeoutRate: number;
                deliveries: number;
                seed: number;
            } & {
                [key: string]: unknown;
            };
            result: components["schemas"]["SimulationResult"];
        };
        ComparisonAnswer: {
            input: {
                failureRate: number;
                timeoutRate: number;
                deliveries: number;
                seed: number;
            } & {
                [key: string]: unknown;
            };
            results: {
                label: string;
                result: components["schemas"]["SimulationResult"];
            }[];
        };
        BacktestAnswer: {
            endpoint: {
                id: string;
                url: string;
            };
            currentPolicy: components["schemas"]["PolicyInEffect"];
            period: {
                since: string;
                until: string;
            };
            history: {
                deliveries: number;
                attempts: number;
                capped: boolean;
                coveredFrom: string | null;
            } & {
                [key: string]: unknown;
            };
            /** @description Null when the period holds no recorded attempt */
            summary: {
                [key: string]: unknown;
            } | null;
            changes: {
                [key: string]: unknown;
            }[];
            changesTotal: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetupRequest"];
            };
        };
        responses: {
            /** @description Created and signed in */
            201: {
                headers: {
                    /** @description The session cookie */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The session cookie */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenList"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiTokenCreate"];
            };
        };
        responses: {
            /** @description Created; the token is shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOperators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorList"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addOperator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorAccount"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResult"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                actor?: string;
                action?: string;
                targetType?: string;
                targetId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointList"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointCreate"];
            };
        };
        responses: {
            /** @description Created; the signing secret is shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedEndpoint"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointDetail"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndpointUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Endpoint"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEndpointSeries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointSeries"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    settleHeldDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeldAction"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettledHeld"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendTestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; follow the delivery at /api/deliveries/{id} */
            202: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentTestEvent"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedEndpointSecret"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyList"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageCreate"];
            };
        };
        responses: {
            /** @description A repeat of an earlier Idempotency-Key */
            200: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Created, deliveries queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: string;
                endpointId?: string;
                eventType?: string;
                since?: string;
                until?: string;
                /** @description What the search box takes: an id, a provider's event id, an event-type prefix (order.*), a payload member=value or words in payloads */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetail"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResendOptions"];
            };
        };
        responses: {
            /** @description Queued; follow it at /api/deliveries/{id} */
            202: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayedDelivery"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: string;
                reason?: string;
                endpointId?: string;
                eventType?: string;
                kind?: "delivery" | "inbound";
                since?: string;
                until?: string;
                /** @description What the search box takes: an id, a provider's event id, an event-type prefix (order.*), a payload member=value or words in payloads */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterPage"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeadLetterStats: {
        parameters: {
            query?: {
                endpointId?: string;
                kind?: "delivery" | "inbound";
                since?: string;
                until?: string;
                byEndpoint?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterStats"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterDetail"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reprocessDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResendOptions"];
            };
        };
        responses: {
            /** @description An inbound letter: processed again, the letter shows how it ended */
            200: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReprocessResult"];
                };
            };
            /** @description A delivery letter: a new delivery is queued */
            202: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReprocessResult"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    discardDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkReprocessDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkReprocessRequest"];
            };
        };
        responses: {
            /** @description Dry run: what would be reprocessed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkReprocessResult"];
                };
            };
            /** @description Job queued; follow it at /api/dlq/reprocess/{job} */
            202: {
                headers: {
                    /** @description true when the answer is a repeat of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkReprocessResult"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBulkJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkJob"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelBulkJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkJob"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkDiscardDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDiscardRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkDiscardResult"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted or a duplicate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description Accepted; still being processed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveSourceWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted or a duplicate, or a URL check's challenge */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceWebhookAnswer"];
                };
            };
            /** @description Accepted; still being processed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInboundEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                source?: string;
                status?: "processing" | "processed" | "failed" | "skipped";
                eventType?: string;
                /** @description What the search box takes: an id, a provider's event id, an event-type prefix (order.*), a payload member=value or words in payloads */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundEventPage"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboundEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundEventDetail"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceList"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceCreate"];
            };
        };
        responses: {
            /** @description Created; the secret is shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceWithSecret"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceUpdate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedSource"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateSourceSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SourceRotateSecret"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceWithSecret"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSourceRefusals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceRefusals"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    simulate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulationRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulationAnswer"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    compare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComparisonRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonAnswer"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    backtest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BacktestRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacktestAnswer"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOverview: {
        parameters: {
            query?: {
                window?: "1h" | "24h" | "7d";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ping"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pingWithBody: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ping"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4; charset=utf-8": string;
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runCleanup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cleanup"];
                };
            };
            /** @description Refused: the error's code says why (validation_failed, not_found, conflict, …) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Failed on the server's side, or the database does not answer (503, with Retry-After) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
