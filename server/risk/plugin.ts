// The risk engine (issue 4): margin model, minute tick, margin calls: joins the runtime here.
import type { DomainPlugin } from "../engine/plugins";

export const riskPlugin: DomainPlugin = {
  name: "risk",
};
