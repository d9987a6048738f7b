import type { ReactNode } from "react";

/** The card the sign-in and setup forms sit in. */
export function AuthCard({ title, description, children, footer }: { title: string; description: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="w-full max-w-sm">
      <section className="rounded-2xl border border-slate-200 bg-white px-6 py-7 shadow-xl shadow-slate-900/5 sm:px-8">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-1.5 text-sm text-slate-600">{description}</p>
        <div className="mt-6">{children}</div>
      </section>
      {footer ? <p className="mt-5 text-center text-xs text-slate-500">{footer}</p> : null}
    </div>
  );
}
