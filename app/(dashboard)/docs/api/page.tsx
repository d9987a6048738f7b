import type { Metadata } from "next";
import { ApiConventions } from "@/components/api-docs/conventions";
import { OperationReference, type ApiDocument } from "@/components/api-docs/operation-reference";
import { PageHeader } from "@/components/layout/page-header";
import { TextLink } from "@/components/ui/text-link";
import { openApiDocument } from "@/lib/contract/openapi";

export const metadata: Metadata = { title: "API reference" };

/** Rendered on the server from the same document /api/openapi.json serves, so the two cannot differ. */
export default function ApiDocsPage() {
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Everything this dashboard does, programs can do over HTTP. The machine-readable description is{" "}
            <TextLink href="/api/openapi.json" prefetch={false}>
              /api/openapi.json
            </TextLink>{" "}
            (OpenAPI 3.1): generate a client from it.
          </>
        }
      />
      <div className="flex max-w-6xl flex-col gap-6">
        <ApiConventions />
        <OperationReference document={openApiDocument() as unknown as ApiDocument} />
      </div>
    </>
  );
}
