import { clsx } from "clsx";
import type { ComponentProps } from "react";
import { CONTROL_CLASS } from "./input";

/** A multi-line input with the same border, focus ring and invalid state as Input. */
export function TextArea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={clsx(CONTROL_CLASS, "h-auto resize-y py-2 leading-relaxed", className)} {...props} />;
}
