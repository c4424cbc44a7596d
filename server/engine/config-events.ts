// Configuration changes across instances (issue 14): whoever changes a rule, an action, a parameter
// version or a restriction publishes a config event on the bus; every instance (web and engine) reloads
// the cache it names from the database, so a revoked margin multiplier stops applying everywhere.
import type { EventBus } from "./event-bus";

export const CONFIG_TOPIC = "config";

export type ConfigKind = "rules" | "actions" | "params" | "restrictions";

export interface ConfigEvent {
  kind: ConfigKind;
  /** What changed, when one object did (an action's id): lets a listener drop it without a reload. */
  id?: string;
  op: "changed" | "added" | "revoked";
}

export function publishConfigChange(bus: EventBus, event: ConfigEvent): void {
  bus.publish<ConfigEvent>(CONFIG_TOPIC, event);
}

export function onConfigChange(bus: EventBus, handler: (event: ConfigEvent) => void): () => void {
  return bus.subscribe<ConfigEvent>(CONFIG_TOPIC, (e) => handler(e.data));
}
