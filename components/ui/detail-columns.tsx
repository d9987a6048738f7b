import type { ReactNode } from "react";
import { Card } from "./card";
import { CodeBlock } from "./code-block";

/** A detail page's body: the record's story on the left, its summary on the right (stacked on phones). */
export function DetailColumns({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">{main}</div>
      <div className="flex min-w-0 flex-col gap-6">{side}</div>
    </div>
  );
}

/** A message's body as it was sent or received, indented for reading. */
export function PayloadCard({ payload, description }: { payload: string; description: string }) {
  return (
    <Card title="Payload" description={description}>
      <CodeBlock code={payload} label="payload" maxHeightClass="max-h-[28rem]" />
    </Card>
  );
}
