// Metric label hygiene: route and topic labels stay bounded whatever paths and topics appear.
import { describe, expect, it } from "vitest";
import { metrics, routeLabel, topicFamily } from "./registry";

describe("metric labels", () => {
  const templates = ["/health", "/health/ready", "/accounts/{id}/risk"];
  it("maps a path to its documented template, ids included, and anything else to (unknown)", () => {
    expect(routeLabel("/api/v1/accounts/acc-42/risk", templates)).toBe("/api/v1/accounts/{id}/risk");
    expect(routeLabel("/api/v1/accounts/abc/risk", templates)).toBe("/api/v1/accounts/{id}/risk");
    expect(routeLabel("/api/v1/health/ready", templates)).toBe("/api/v1/health/ready");
    expect(routeLabel("/api/v1/health/readyz", templates)).toBe("(unknown)");
    expect(routeLabel("/api/v1/accounts/a/b/risk", templates)).toBe("(unknown)");
  });

  it("labels a bus topic by its family", () => {
    expect(topicFamily("bar:600519.SH")).toBe("bar");
    expect(topicFamily("minute")).toBe("minute");
  });

  it("is one registry per process", () => {
    expect(metrics()).toBe(metrics());
  });
});
