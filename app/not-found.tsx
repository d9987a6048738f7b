import { Compass } from "lucide-react";
import type { Metadata } from "next";
import { BrandLink } from "@/components/layout/brand-link";
import { LinkButton } from "@/components/ui/link-button";

export const metadata: Metadata = { title: "Page not found" };

/** Any URL no page answers: the app's own look, and the ways back in. */
export default function NotFound() {
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-8 px-4 py-12">
      <BrandLink />
      <section className="w-full max-w-md rounded-2xl border border-slate-200 bg-white px-6 py-8 text-center shadow-sm">
        <Compass className="mx-auto h-10 w-10 text-slate-500" aria-hidden />
        <p className="mt-4 text-sm font-medium text-slate-500">404</p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">This page does not exist</h1>
        <p className="mt-2 text-sm text-slate-600">The address may be mistyped, or what it named has been deleted. Deliveries, events and dead letters have pages of their own under their lists.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          <LinkButton href="/" variant="primary">
            Go to the overview
          </LinkButton>
          <LinkButton href="/deliveries">Deliveries</LinkButton>
        </div>
      </section>
    </main>
  );
}
