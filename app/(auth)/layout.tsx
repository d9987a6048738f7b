import { Webhook } from "lucide-react";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="relative flex min-h-full flex-col items-center justify-center overflow-hidden bg-slate-50 px-4 py-12">
      <div aria-hidden className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-gradient-to-b from-brand-100/70 to-transparent" />
      <div className="relative flex w-full flex-col items-center">
        <div className="mb-8 flex items-center gap-2.5 text-slate-900">
          <span className="flex h-10 w-10 items-center justify-center rounded-xl bg-brand-600 text-white shadow-md shadow-brand-600/30">
            <Webhook className="h-5 w-5" aria-hidden />
          </span>
          <span className="text-xl font-semibold tracking-tight">Hookrelay</span>
        </div>
        {children}
      </div>
    </main>
  );
}
