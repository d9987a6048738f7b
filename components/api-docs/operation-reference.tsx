import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import type { Tone } from "@/components/ui/tone";
import { openApiPath } from "@/lib/contract/openapi";
import { OPERATIONS, TAGS, type Access, type Operation } from "@/lib/contract/operations";

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: { type?: string; enum?: string[]; default?: unknown };
}

export interface ApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
  components: { schemas: Record<string, unknown> };
}

const METHOD_TONE: Record<Operation["method"], Tone> = { GET: "info", POST: "success", PATCH: "warning", DELETE: "danger" };

const ACCESS: Record<Access, string> = {
  public: "Public: no credentials",
  auth: "No credentials; changes must come from Hookrelay's own pages",
  operator: "A session or an API token",
  person: "A signed-in operator's session only (not an API token)",
};

const schemaLink = "font-mono text-xs font-medium text-brand-700 underline decoration-brand-700/30 underline-offset-2 hover:decoration-brand-700";

function typeOf(schema: Parameter["schema"]): string {
  if (schema.enum) return schema.enum.join(" | ");
  return schema.type ?? "string";
}

function OperationEntry({ op, document }: { op: Operation; document: ApiDocument }) {
  const path = openApiPath(op.route);
  const parameters = document.paths[path]?.[op.method.toLowerCase()]?.parameters ?? [];
  return (
    <details className="group border-t border-slate-100 first:border-t-0">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 hover:bg-slate-50 sm:px-5">
        <Badge tone={METHOD_TONE[op.method]} className="w-16 justify-center font-mono">
          {op.method}
        </Badge>
        <code className="break-all font-mono text-sm text-slate-900">{path}</code>
        <span className="text-sm text-slate-600">{op.summary}</span>
      </summary>
      <div className="flex flex-col gap-3 px-4 pb-4 text-sm text-slate-700 sm:px-5">
        {op.description ? <p>{op.description}</p> : null}
        <p>
          <span className="font-medium text-slate-900">Access:</span> {ACCESS[op.access]}
        </p>
        {parameters.length ? (
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Parameters of {path}</caption>
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Parameter</th>
                <th className="py-1 pr-3 font-medium">In</th>
                <th className="py-1 font-medium">Type</th>
              </tr>
            </thead>
            <tbody className="font-mono text-slate-800">
              {parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                  <td className="py-1 pr-3">
                    {p.name}
                    {p.required ? <span className="text-red-700">*</span> : null}
                  </td>
                  <td className="py-1 pr-3">{p.in}</td>
                  <td className="break-all py-1">
                    {typeOf(p.schema)}
                    {p.schema.default !== undefined ? <span className="text-slate-500"> (default {JSON.stringify(p.schema.default)})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {op.body ? (
          <p>
            <span className="font-medium text-slate-900">Body{op.bodyOptional ? " (may be left out)" : ""}:</span>{" "}
            <a className={schemaLink} href={`#schema-${op.body}`}>
              {op.body}
            </a>
          </p>
        ) : null}
        <ul className="flex flex-col gap-1" aria-label={`Answers of ${op.method} ${path}`}>
          {Object.entries(op.responses).map(([status, answer]) => (
            <li key={status}>
              <span className="font-mono font-medium text-slate-900">{status}</span> {answer.description}
              {answer.schema ? (
                <>
                  {": "}
                  <a className={schemaLink} href={`#schema-${answer.schema}`}>
                    {answer.schema}
                  </a>
                </>
              ) : null}
            </li>
          ))}
          <li>
            <span className="font-mono font-medium text-slate-900">4xx, 5xx</span> the error shape:{" "}
            <a className={schemaLink} href="#schema-Error">
              Error
            </a>
          </li>
        </ul>
      </div>
    </details>
  );
}

/** Every operation by tag, each opening to its access, parameters and answers; the schemas follow, linked by name. */
export function OperationReference({ document }: { document: ApiDocument }) {
  return (
    <div className="flex flex-col gap-6">
      {Object.entries(TAGS).map(([tag, description]) => (
        <Card key={tag} title={tag} description={description} bodyClassName="p-0">
          {OPERATIONS.filter((op) => op.tag === tag).map((op) => (
            <OperationEntry key={`${op.method} ${op.route}`} op={op} document={document} />
          ))}
        </Card>
      ))}
      <Card title="Schemas" description="JSON Schema (2020-12) of every body and answer; references point within this list." bodyClassName="p-0">
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`} className="scroll-mt-6 border-t border-slate-100 first:border-t-0">
            <summary className="cursor-pointer px-4 py-2 font-mono text-sm text-slate-900 hover:bg-slate-50 sm:px-5">{name}</summary>
            <div className="px-4 pb-3 sm:px-5">
              <CodeBlock code={JSON.stringify(schema, null, 2)} label={`${name} schema`} />
            </div>
          </details>
        ))}
      </Card>
    </div>
  );
}
