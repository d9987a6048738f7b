import { clsx } from "clsx";
import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * How a link in running text looks. Underlined, not only coloured, so it stands out from
 * the words around it for readers who do not see the colour.
 */
export const LINK_CLASS =
  "font-medium text-brand-700 underline decoration-brand-700/30 underline-offset-2 hover:decoration-brand-700 focus-visible:rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={clsx(LINK_CLASS, className)} {...props} />;
}
