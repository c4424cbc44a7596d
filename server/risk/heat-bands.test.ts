// Heatmap bands at the default lines (hard floor 0.5, liquidation 1.0, warning 1.3, target 1.5):
// each cut-off belongs to the band above it, as "below the line" means strictly below.
import { describe, expect, it } from "vitest";
import { bandOf, HEAT_BANDS } from "./heat-bands";

const lines = { hardFloor: 0.5, liquidation: 1.0, warning: 1.3, target: 1.5 };
const band = (ml: number) => HEAT_BANDS[bandOf(ml, lines)];

describe("bandOf", () => {
  it("cuts at each line, a line itself in the band above", () => {
    expect(band(0.49)).toBe("HARD_FLOOR");
    expect(band(0.5)).toBe("LIQUIDATION");
    expect(band(0.99)).toBe("LIQUIDATION");
    expect(band(1.0)).toBe("WARNING");
    expect(band(1.29)).toBe("WARNING");
    expect(band(1.3)).toBe("BELOW_TARGET");
    expect(band(1.49)).toBe("BELOW_TARGET");
    expect(band(1.5)).toBe("TARGET");
    expect(band(2.99)).toBe("TARGET"); // below twice the target, 3.0
    expect(band(3.0)).toBe("AMPLE");
  });

  it("puts negative equity in the hard-floor band and no-margin accounts in NONE", () => {
    expect(band(-0.2)).toBe("HARD_FLOOR");
    expect(band(NaN)).toBe("NONE");
  });
});
