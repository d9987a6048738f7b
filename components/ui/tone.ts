/** How a state reads at a glance: the one colour vocabulary of badges, figures and timeline nodes. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export const TONE_CLASSES: Record<Tone, { soft: string; text: string; dot: string }> = {
  neutral: { soft: "bg-slate-100 text-slate-700 ring-slate-200", text: "text-slate-600", dot: "bg-slate-400" },
  info: { soft: "bg-brand-50 text-brand-700 ring-brand-100", text: "text-brand-700", dot: "bg-brand-500" },
  success: { soft: "bg-emerald-50 text-emerald-700 ring-emerald-200", text: "text-emerald-700", dot: "bg-emerald-500" },
  warning: { soft: "bg-amber-50 text-amber-800 ring-amber-200", text: "text-amber-700", dot: "bg-amber-500" },
  danger: { soft: "bg-red-50 text-red-700 ring-red-200", text: "text-red-700", dot: "bg-red-500" },
};

/** A success rate's tone: anything under 99% deserves a look, under 90% is trouble. */
export function successRateTone(rate: number | null): Tone {
  if (rate === null) return "neutral";
  if (rate >= 0.99) return "success";
  return rate >= 0.9 ? "warning" : "danger";
}

/** A state in words and colour: its label, its tone, and what it means (for a hover text). */
export interface StatusMeta {
  label: string;
  tone: Tone;
  description: string;
}

/** The entry for `key`, or the key itself, neutral, for a value this page does not know yet. */
export function metaFor(table: Readonly<Record<string, StatusMeta>>, key: string): StatusMeta {
  return Object.hasOwn(table, key) ? table[key] : { label: key, tone: "neutral", description: "" };
}
