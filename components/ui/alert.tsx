import { clsx } from "clsx";
import { AlertTriangle, Info, XCircle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export type AlertTone = "info" | "warning" | "error";

const TONES: Record<AlertTone, { box: string; icon: LucideIcon; iconClass: string }> = {
  info: { box: "border-brand-100 bg-brand-50 text-slate-800", icon: Info, iconClass: "text-brand-600" },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: AlertTriangle, iconClass: "text-amber-600" },
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: XCircle, iconClass: "text-red-600" },
};

export function Alert({ tone = "info", title, children, className }: { tone?: AlertTone; title?: ReactNode; children?: ReactNode; className?: string }) {
  const { box, icon: Icon, iconClass } = TONES[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={clsx("flex gap-3 rounded-lg border px-4 py-3 text-sm", box, className)}>
      <Icon className={clsx("mt-0.5 h-4 w-4 shrink-0", iconClass)} aria-hidden />
      <div className="min-w-0">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={clsx(title && "mt-0.5")}>{children}</div> : null}
      </div>
    </div>
  );
}
