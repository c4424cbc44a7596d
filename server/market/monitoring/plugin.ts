// The market monitoring (issue 3): feeds, indicators, detectors, alerts: joins the runtime here.
import type { DomainPlugin } from "../../engine/plugins";

export const marketMonitoringPlugin: DomainPlugin = {
  name: "market-monitoring",
};
