import { SearchBox } from "./search-box";
import { ThemeSwitch } from "@/components/theme/theme-switch";
import { BrandLink } from "./brand-link";
import { NavLinks } from "./nav-links";

/** The navigation column from tablet width up; phones get MobileNav instead. */
export function Sidebar() {
  return (
    <div className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
      <header className="sticky top-0 flex h-screen flex-col gap-4 overflow-y-auto px-3 py-6">
        <BrandLink />
        <SearchBox />
        <NavLinks />
        <ThemeSwitch className="mt-auto" />
      </header>
    </div>
  );
}
