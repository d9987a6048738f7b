import { describe, expect, it } from "vitest";
import { describeAction, splitActor, summariseDetails } from "@/components/auth/audit-format";

describe("audit log wording", () => {
  it.each([
    ["token.revoke", "Revoked API token"],
    ["endpoint.update", "Updated endpoint"],
    ["dead_letter.reprocess", "Reprocessed dead letter"],
    ["policy.delete", "Deleted policy"],
    ["endpoint.rotate_secret", "Rotated the secret of endpoint"],
    ["retention.cleanup", "Ran retention cleanup"],
    ["operator.sign_in", "Signed in"],
    ["operator.locked", "Locked after repeated failed sign-ins"],
    ["bulk_job.pause", "bulk job: pause"],
    ["odd", "odd"],
  ])("%s reads as %j", (action, text) => expect(describeAction(action)).toBe(text));

  it("splits actors into their kind and name", () => {
    expect(splitActor("operator:alice@example.com")).toEqual({ kind: "operator", name: "alice@example.com" });
    expect(splitActor("token:ci:deploy")).toEqual({ kind: "token", name: "ci:deploy" });
    expect(splitActor("system")).toEqual({ kind: "system", name: "system" });
    expect(splitActor("metrics")).toEqual({ kind: "system", name: "metrics" });
  });

  it("summarises scalar details and leaves nested ones out", () => {
    expect(summariseDetails({ name: "ci", prefix: "hr_abc", removed: { attempts: 3 }, note: null })).toBe("name: ci · prefix: hr_abc");
    expect(summariseDetails({ removed: { attempts: 3 } })).toBeNull();
    expect(summariseDetails(null)).toBeNull();
    expect(summariseDetails("text")).toBeNull();
  });
});
