"use client";

import { Menu, X } from "lucide-react";
import { useState } from "react";
import { SearchBox } from "./search-box";
import { ThemeSwitch } from "@/components/theme/theme-switch";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { BrandLink } from "./brand-link";
import { NavLinks } from "./nav-links";

/**
 * Below tablet width: a bar with the name and a Menu button that opens the navigation as a
 * panel from the left, on the native <dialog> (the browser traps focus, Escape closes it and
 * focus returns to the button).
 */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);

  const close = () => setOpen(false);

  return (
    <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white px-1 py-2 md:hidden">
      <BrandLink />
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="inline-flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        <Menu className="h-5 w-5" aria-hidden />
        Menu
      </button>
      <dialog
        ref={ref}
        aria-label="Menu"
        onClose={close}
        onClick={(e) => {
          // A click on the backdrop lands on the dialog element itself.
          if (e.target === e.currentTarget) close();
        }}
        className="m-0 h-full max-h-none w-72 max-w-[85vw] border-r border-slate-200 bg-white p-0 shadow-2xl backdrop:bg-black/40"
      >
        <div className="flex h-full flex-col gap-4 px-3 py-4">
          <div className="flex items-center justify-between">
            <BrandLink onNavigate={close} />
            <button
              type="button"
              onClick={close}
              aria-label="Close menu"
              className="rounded-md p-2 text-slate-600 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              <X className="h-5 w-5" aria-hidden />
            </button>
          </div>
          <SearchBox onNavigate={close} />
          <NavLinks onNavigate={close} />
          <ThemeSwitch className="mt-auto" />
        </div>
      </dialog>
    </header>
  );
}
