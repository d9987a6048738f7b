import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY } from "@/lib/retry";
import { DEFAULT_FORM_VALUES, defaultVariant, type SimulatorFormValues } from "@/components/simulator/form-schema";
import { defaultBacktestValues, toLocalInput } from "@/components/simulator/backtest-form-schema";
import {
  decodeBacktest,
  decodeSimulation,
  decodeTab,
  encodeBacktest,
  encodeSimulation,
  replaceParams,
} from "@/components/simulator/url-state";

const params = (entries: [string, string][] | string) => new URLSearchParams(entries);

describe("simulation settings in the URL", () => {
  it("round-trips every field, compared policies included", () => {
    const values: SimulatorFormValues = {
      scenario: { failureRatePct: 12.5, timeoutRatePct: 0, responseTimeMs: 250, deliveries: 5000, seed: 99, arrivalWindowMin: 0, outage: { enabled: true, startMin: 1.5, endMin: 4 } },
      variants: [
        { label: "Fast ~ cheap", policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, jitterMode: "none" } },
        { label: "Patient", policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 12, exponentialBase: 1.5, jitter: 0.25, jitterMode: "decorrelated" } },
      ],
    };
    const url = params(encodeSimulation(values));
    expect(decodeSimulation(url)).toEqual({ values, committed: true });
  });

  it("keeps links readable", () => {
    const text = params(encodeSimulation(DEFAULT_FORM_VALUES)).toString();
    expect(text).toBe("fail=20&timeout=5&resp=100&n=10000&seed=1&window=60&outage=10-25&p=Policy+A%7E5%7E1000%7E300000%7E2%7E0.1%7Eproportional%7E30000");
  });

  it("gives the defaults, uncommitted, for an empty query", () => {
    expect(decodeSimulation(params(""))).toEqual({ values: DEFAULT_FORM_VALUES, committed: false });
  });

  it("turns the outage off when a committed link has none", () => {
    const decoded = decodeSimulation(params("fail=10"));
    expect(decoded.committed).toBe(true);
    expect(decoded.values.scenario.outage.enabled).toBe(false);
    expect(decoded.values.scenario.failureRatePct).toBe(10);
    expect(decoded.values.variants).toEqual([defaultVariant(0)]);
  });

  it("keeps a malformed number as NaN so the form flags it rather than running defaults", () => {
    const decoded = decodeSimulation(params("n=lots&seed=&p=~x~1000~300000~2~0.1~sideways~30000"));
    expect(decoded.values.scenario.deliveries).toBeNaN();
    expect(decoded.values.scenario.seed).toBeNaN();
    expect(decoded.values.variants[0].label).toBe("Policy A");
    expect(decoded.values.variants[0].policy.maxAttempts).toBeNaN();
    expect(decoded.values.variants[0].policy.jitterMode).toBe("proportional");
  });

  it("reads at most four compared policies", () => {
    const many = Array.from({ length: 6 }, (_, i): [string, string] => ["p", `P${i}~5~1000~300000~2~0.1~none~30000`]);
    expect(decodeSimulation(params(many)).values.variants).toHaveLength(4);
  });
});

describe("backtest settings in the URL", () => {
  const now = Date.parse("2026-03-02T12:00:00Z");

  it("round-trips through ISO instants", () => {
    const values = { ...defaultBacktestValues(now), endpointId: "ep_1", seed: 3, policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 9 } };
    const url = params(encodeBacktest(values));
    expect(url.get("from")).toBe(new Date(values.since).toISOString());
    expect(decodeBacktest(url, defaultBacktestValues(0))).toEqual({ values, committed: true });
  });

  it("falls back to the defaults and shows a broken date as empty", () => {
    const defaults = defaultBacktestValues(now);
    expect(decodeBacktest(params(""), defaults)).toEqual({ values: defaults, committed: false });
    expect(decodeBacktest(params("ep=x&from=yesterday"), defaults).values.since).toBe("");
    expect(toLocalInput(Date.parse(new Date(2026, 0, 5, 7, 3).toISOString()))).toBe("2026-01-05T07:03");
  });
});

describe("replaceParams", () => {
  it("replaces one kind of settings and keeps the rest", () => {
    const current = params("tab=backtest&fail=10&p=a~1~2~3~4~5~none~6&ep=x&bseed=2");
    expect(replaceParams(current, "simulation", [["fail", "20"]])).toBe("tab=backtest&ep=x&bseed=2&fail=20");
    expect(replaceParams(current, "backtest", [["ep", "y"]])).toBe("tab=backtest&fail=10&p=a%7E1%7E2%7E3%7E4%7E5%7Enone%7E6&ep=y");
    expect(replaceParams(current, "tab", [])).toBe("fail=10&p=a%7E1%7E2%7E3%7E4%7E5%7Enone%7E6&ep=x&bseed=2");
  });

  it("reads the tab, defaulting to the simulation", () => {
    expect(decodeTab(params("tab=backtest"))).toBe("backtest");
    expect(decodeTab(params("tab=nope"))).toBe("simulate");
  });
});
