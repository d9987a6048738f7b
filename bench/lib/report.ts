import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Row {
  /** What is measured, e.g. "inbound unique events/s". */
  figure: string;
  provider: "sqlite" | "postgresql" | "-";
  value: number;
  unit: string;
  baselineLabel: string;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** Human-readable target, e.g. "≥ 0.5 × baseline"; empty when the row only informs. */
  target: string;
  /** null when there is no target for the row. */
  met: boolean | null;
  note?: string;
}

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return "n/a";
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${unit}`.trim();
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

export function renderTable(rows: Row[]): string {
  const header = ["figure", "db", "value", "baseline", "ratio", "target", "met?"];
  const cells = rows.map((r) => [
    r.figure,
    r.provider,
    fmt(r.value, r.unit),
    `${r.baselineLabel}: ${fmt(r.baseline, r.unit)}`,
    Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : "n/a",
    r.target || "-",
    r.met === null ? "-" : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => pad(x, widths[i])).join(" | ")} |`;
  const sep = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(header), sep, ...cells.map(line)].join("\n");
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function writeResults(file: string, data: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
