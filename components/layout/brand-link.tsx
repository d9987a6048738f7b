import { Webhook } from "lucide-react";
import Link from "next/link";

export function BrandLink({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <Link
      href="/"
      onClick={onNavigate}
      className="flex items-center gap-2 rounded-md px-3 text-lg font-semibold text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <Webhook className="h-6 w-6 text-brand-600" aria-hidden />
      Hookrelay
    </Link>
  );
}
