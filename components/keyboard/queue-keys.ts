// j/k and o on the queue screens (pure DOM helpers): the rows are the main table's body rows; moving
// focuses a row's first link or button (a row without one is made focusable), and "o" opens the
// focused row's first link. Works on any queue table without the queue components knowing.
export const QUEUE_PATHS = ["/payments/approvals", "/compliance/cases", "/risk/liquidations"] as const;

export function isQueuePath(pathname: string): boolean {
  return QUEUE_PATHS.some((p) => pathname === p);
}

/** True while the user types into a field (shortcuts without a modifier must not fire then). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

function rowsIn(root: ParentNode): HTMLTableRowElement[] {
  return [...root.querySelectorAll<HTMLTableRowElement>("main table tbody tr")].filter((r) => r.offsetParent !== null);
}

function focusRow(row: HTMLTableRowElement): void {
  const target = row.querySelector<HTMLElement>("a[href], button:not([disabled])");
  if (target) {
    target.focus();
  } else {
    row.tabIndex = -1;
    row.focus();
  }
  row.scrollIntoView({ block: "nearest" });
}

/** Moves the focus to the next (+1) or previous (-1) queue row; returns whether there was one. */
export function moveQueueFocus(doc: Document, step: 1 | -1): boolean {
  const rows = rowsIn(doc);
  if (rows.length === 0) return false;
  const current = doc.activeElement?.closest("tr") ?? null;
  const at = current ? rows.indexOf(current as HTMLTableRowElement) : -1;
  const next = at === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(Math.max(at + step, 0), rows.length - 1);
  const row = rows[next];
  if (!row) return false;
  focusRow(row);
  return true;
}

/** Opens the focused row's first link; returns whether there was one. */
export function openQueueRow(doc: Document): boolean {
  const row = doc.activeElement?.closest("main table tbody tr");
  const link = row?.querySelector<HTMLAnchorElement>("a[href]");
  if (!link) return false;
  link.click();
  return true;
}
