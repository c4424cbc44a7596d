// The payments (issue 5): ledger, withdrawals, AML, reconciliation: joins the runtime here.
import type { DomainPlugin } from "../engine/plugins";

export const paymentsPlugin: DomainPlugin = {
  name: "payments",
};
