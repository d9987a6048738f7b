import { clsx } from "clsx";
import { useId, type ReactNode } from "react";

export interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or badges shown at the right of the title. */
  actions?: ReactNode;
  /** The heading level of the title in the page's outline. */
  level?: 2 | 3;
  className?: string;
  bodyClassName?: string;
  children?: ReactNode;
  "aria-label"?: string;
}

/** A titled box of the page; its title names it as a region, so it can be found by name. */
export function Card({ title, description, actions, level = 2, className, bodyClassName, children, "aria-label": ariaLabel }: CardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  const titleId = useId();
  return (
    <section aria-label={ariaLabel} aria-labelledby={ariaLabel || !title ? undefined : titleId} className={clsx("min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm", className)}>
      {title || actions ? (
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            {title ? (
              <Heading id={titleId} className="text-sm font-semibold text-slate-900">
                {title}
              </Heading>
            ) : null}
            {description ? <p className="mt-0.5 text-xs text-slate-500">{description}</p> : null}
          </div>
          {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className={clsx("px-4 py-4 sm:px-5", bodyClassName)}>{children}</div>
    </section>
  );
}
