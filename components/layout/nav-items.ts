import { Activity, BookOpen, Gauge, Inbox, Send, Settings, ShieldAlert, SlidersHorizontal, Waypoints, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", icon: Gauge },
  { href: "/deliveries", label: "Deliveries", icon: Send },
  { href: "/inbound", label: "Inbound", icon: Inbox },
  { href: "/dead-letters", label: "Dead letters", icon: ShieldAlert },
  { href: "/endpoints", label: "Endpoints", icon: Waypoints },
  { href: "/policies", label: "Policies", icon: SlidersHorizontal },
  { href: "/simulator", label: "Simulator", icon: Activity },
  { href: "/settings", label: "Settings", icon: Settings },
  { href: "/docs/api", label: "API", icon: BookOpen },
];
