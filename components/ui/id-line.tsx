import Link from "next/link";
import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";
import { LINK_CLASS } from "./text-link";

/** A row of the ids a record is known by, each copyable; for the header of a detail page. */
export function IdList({ children }: { children: ReactNode }) {
  return <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">{children}</dl>;
}

/** One labelled id in an IdList, a link when it names another page. */
export function IdLine({ label, value, href }: { label: string; value: string; href?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="flex min-w-0 items-center gap-0.5">
        {href ? (
          <Link href={href} className={`truncate font-mono text-xs ${LINK_CLASS}`}>
            {value}
          </Link>
        ) : (
          <span className="truncate font-mono text-xs text-slate-800">{value}</span>
        )}
        <CopyButton iconOnly value={value} what={`${label.toLowerCase()} id ${value}`} />
      </dd>
    </div>
  );
}
