// Grouping: repeats of one ongoing event (same key) join its open incident instead of paging again
// every minute. A repeat re-pages only when its severity rises above the incident's; after the
// incident is resolved, the same key opens a new incident.
import { severityRank, type Severity } from "../notify/desk-event";

export interface OpenIncidentView {
  id: string;
  severity: Severity;
  status: "OPEN" | "ACKNOWLEDGED";
}

export type GroupDecision =
  | { action: "open" }
  | { action: "append"; incidentId: string; repage: false }
  | { action: "append"; incidentId: string; repage: true; severity: Severity };

export function groupEvent(open: OpenIncidentView | null, severity: Severity): GroupDecision {
  if (!open) return { action: "open" };
  if (severityRank(severity) > severityRank(open.severity)) {
    return { action: "append", incidentId: open.id, repage: true, severity };
  }
  return { action: "append", incidentId: open.id, repage: false };
}
