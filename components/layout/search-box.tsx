"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CONTROL_CLASS } from "@/components/ui/input";

/** The search box of the navigation: an id, a provider's event id, `order.*`, `path=value` or payload text. */
export function SearchBox({ onNavigate }: { onNavigate?: () => void }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const query = q.trim();
        if (!query) return;
        onNavigate?.();
        router.push(`/search?q=${encodeURIComponent(query)}`);
      }}
      className="relative"
    >
      <Search className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-500" aria-hidden />
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search"
        title="Search by id, provider event id, event type (order.*), payload member (data.id=123) or payload text"
        aria-label="Search"
        className={`${CONTROL_CLASS} pl-8`}
      />
    </form>
  );
}
