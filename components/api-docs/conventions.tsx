import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ERROR_STATUS } from "@/lib/errors/app-error";

const prose = "flex flex-col gap-3 text-sm text-slate-700";
const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-800";

const ERROR_EXAMPLE = `{
  "error": {
    "code": "validation_failed",
    "message": "URL must be an absolute http or https URL (and 1 more: see details)",
    "details": [
      { "path": "url", "message": "URL must be an absolute http or https URL" },
      { "path": "rateLimitPerSecond", "message": "Rate limit must be a whole number …" }
    ]
  }
}`;

const PAGING_EXAMPLE = `GET /api/deliveries?status=failed,dead&limit=50
→ { "data": [ … 50 deliveries … ], "nextCursor": "cmx1h…" }

GET /api/deliveries?status=failed,dead&limit=50&cursor=cmx1h…
→ { "data": [ … ], "nextCursor": null }      (the last page)`;

const CURL_EXAMPLE = `# Mint a token on the Settings page (or POST /api/tokens while signed in), then:
curl -H "Authorization: Bearer $HOOKRELAY_TOKEN" \\
     -H "Content-Type: application/json" \\
     -H "Idempotency-Key: order-1234-created" \\
     -d '{"eventType": "order.created", "payload": {"orderId": 1234}}' \\
     https://hookrelay.example.com/api/messages`;

const CLIENT_EXAMPLE = `// npx openapi-typescript https://hookrelay.example.com/api/openapi.json -o api-types.ts
import createClient from "openapi-fetch";
import type { paths } from "./api-types";

const hookrelay = createClient<paths>({
  baseUrl: "https://hookrelay.example.com",
  headers: { Authorization: \`Bearer \${process.env.HOOKRELAY_TOKEN}\` },
});

const { data, error } = await hookrelay.GET("/api/dlq", { params: { query: { status: "pending" } } });
if (error) throw new Error(error.error.message);
for (const letter of data.data) console.log(letter.reason, letter.url);`;

/** What holds for every route, written once: the reader of one operation needs it too. */
export function ApiConventions() {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card title="Authentication">
        <div className={prose}>
          <p>
            Operator routes take either credential: the <strong>session cookie</strong> <code className={code}>hookrelay_session</code> that{" "}
            <code className={code}>POST /api/auth/sign-in</code> sets (what this dashboard uses), or an <strong>API token</strong> as{" "}
            <code className={code}>Authorization: Bearer hr_…</code>, minted on the Settings page. Without either the answer is 401.
          </p>
          <p>
            Minting and revoking tokens needs a signed-in person: a token cannot mint more tokens (403). Changes made with a session must come from
            Hookrelay&apos;s own pages: a cross-site request is refused (403).
          </p>
          <p>
            Public, no credentials: the webhook receiver (<code className={code}>POST /api/webhook[/source]</code>, checked by each source&apos;s
            signature scheme instead), <code className={code}>/api/health</code>, <code className={code}>/api/ping</code> and this document,{" "}
            <code className={code}>/api/openapi.json</code>. <code className={code}>/api/metrics</code> also takes{" "}
            <code className={code}>HOOKRELAY_METRICS_TOKEN</code> as the bearer.
          </p>
        </div>
      </Card>
      <Card title="Errors">
        <div className={prose}>
          <p>
            Every refusal and failure has one shape. <code className={code}>code</code> is for programs and decides the status;{" "}
            <code className={code}>message</code> is for people and, for <code className={code}>validation_failed</code>, names the first
            problem; <code className={code}>details</code> then lists every problem with the field it is about. 429 and 503 carry{" "}
            <code className={code}>Retry-After</code>.
          </p>
          <CodeBlock code={ERROR_EXAMPLE} label="Error example" />
          <ul className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-slate-600" aria-label="Error codes and their statuses">
            {Object.entries(ERROR_STATUS).map(([c, status]) => (
              <li key={c}>
                {c} <span className="text-slate-500">{status}</span>
              </li>
            ))}
          </ul>
        </div>
      </Card>
      <Card title="Lists and paging">
        <div className={prose}>
          <p>
            Lists answer <code className={code}>{"{ \"data\": [ … ] }"}</code>. Long lists (deliveries, dead letters, inbound events, the audit trail) are
            paged newest first by a cursor: pass the answer&apos;s <code className={code}>nextCursor</code> back as <code className={code}>cursor</code>{" "}
            with the same filters; it is null on the last page. <code className={code}>limit</code> is 1 to 200, 50 by default. Rows added meanwhile never
            shift a page. A cursor that names no row (deleted, expired) is refused the same way on every list: 400{" "}
            <code className={code}>validation_failed</code> on <code className={code}>cursor</code>; start again from the first page.
          </p>
          <CodeBlock code={PAGING_EXAMPLE} label="Paging example" />
        </div>
      </Card>
      <Card title="Writes">
        <div className={prose}>
          <p>
            A create answers 201 with the new record. Where it makes a secret (an endpoint&apos;s or a source&apos;s{" "}
            <code className={code}>secret</code>, an API token&apos;s <code className={code}>token</code>), the secret is a field of that record in this
            answer (and in a rotation&apos;s) and never again: later reads show only a hint. A DELETE answers 204 with no body, also when the record
            was already revoked.
          </p>
          <p>
            <code className={code}>POST /api/messages</code> takes an <code className={code}>Idempotency-Key</code> header: a repeat with the same key
            and body answers the first message with 200 and <code className={code}>Idempotent-Replayed: true</code>. One-click actions (replay,
            reprocess, rotate) may be sent without a body.
          </p>
          <p>Bodies are JSON objects of at most 1 MiB and 64 levels of nesting.</p>
          <p>
            Names are the same everywhere: an event&apos;s type is <code className={code}>eventType</code> in bodies, answers and query strings. A
            message&apos;s <code className={code}>payload</code> is answered as the JSON value sent; where the exact bytes matter (a delivery&apos;s
            attempts, a dead letter, a received webhook, whose signatures were computed over them) <code className={code}>payload</code> is that exact
            text.
          </p>
        </div>
      </Card>
      <Card title="Examples" className="xl:col-span-2">
        <div className={prose}>
          <CodeBlock code={CURL_EXAMPLE} label="curl example" />
          <p>
            A typed client from this document, with <code className={code}>openapi-typescript</code> and <code className={code}>openapi-fetch</code> (a
            whole program is in <code className={code}>examples/</code> of the source tree):
          </p>
          <CodeBlock code={CLIENT_EXAMPLE} label="Typed client example" />
        </div>
      </Card>
    </div>
  );
}
