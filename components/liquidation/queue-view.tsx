"use client";
// The liquidation queue, the desk's central screen (R6): open tickets by urgency with live countdowns,
// the selected ticket's plan, why and actions, executed tickets and the loss waterfall. Keyboard:
// j/k or arrows move, n jumps to the next ticket still in review, h holds, e executes (dialogs confirm);
// the account search narrows the table (Enter returns the keys to the queue).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { ClosedTickets } from "./closed-tickets";
import { filterQueue, isUrgency, URGENCIES, type Urgency } from "./format";
import styles from "./liquidation.module.css";
import { useLiveTickets, useOpenTickets } from "./live-tickets";
import { useTicketSound } from "./sound";
import { offeredActions, type ActionMode, type ActionRights } from "./ticket-actions";
import { TicketDetailPanel } from "./ticket-detail";
import { TicketTable } from "./ticket-table";
import { useEngineNow } from "./use-engine-now";
import { MarkFreezes } from "./mark-freezes";
import { OpenDisputes } from "./open-disputes";
import { WaterfallPanel } from "./waterfall-panel";

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

export function QueueView({ rights, footer }: { rights: ActionRights; footer?: ReactNode }) {
  const { t, fmt } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const urgencyParam = params.get("urgency");
  const filter: Urgency | null = isUrgency(urgencyParam) ? urgencyParam : null;
  const open = useOpenTickets();
  const live = useLiveTickets();
  const now = useEngineNow();
  const [sound, setSound] = useTicketSound();
  const [selectedId, setSelectedId] = useState<string | null>(params.get("ticket"));
  const [mode, setMode] = useState<ActionMode | null>(null);
  // After a crash the queue holds hundreds of tickets: the desk finds a client's by its account code.
  const [search, setSearch] = useState(params.get("account") ?? "");
  const needle = search.trim();
  const all = useMemo(() => open.data ?? [], [open.data]);
  const visible = useMemo(() => filterQueue(all, filter, search), [all, filter, search]);
  const current = selectedId ?? visible[0]?.id ?? null;
  const index = visible.findIndex((tk) => tk.id === current);
  const counts = {
    open: all.filter((tk) => tk.status === "OPEN").length,
    held: all.filter((tk) => tk.status === "HELD").length,
    executing: all.filter((tk) => tk.status === "EXECUTING" || tk.status === "PARTIALLY_FILLED").length,
  };
  const newCode = live.lastNew ? all.find((tk) => tk.id === live.lastNew?.ticketId)?.accountCode : undefined;

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (mode !== null || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const move = (to: number) => {
        const tk = visible[Math.max(0, Math.min(visible.length - 1, to))];
        if (tk) setSelectedId(tk.id);
      };
      if (e.key === "j" || e.key === "ArrowDown") move(index + 1);
      else if (e.key === "k" || e.key === "ArrowUp") move(index - 1);
      else if (e.key === "n") {
        // The next ticket still waiting for a decision, after the current one, wrapping around.
        const order = [...visible.slice(index + 1), ...visible.slice(0, Math.max(0, index + 1))];
        const next = order.find((tk) => tk.status === "OPEN" && tk.id !== current);
        if (next) setSelectedId(next.id);
      } else if (e.key === "h" || e.key === "e") {
        const tk = visible[index] ?? all.find((x) => x.id === current);
        const want: ActionMode = e.key === "h" ? "hold" : "execute";
        if (tk && offeredActions(tk, rights).includes(want)) setMode(want);
      } else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, visible, index, current, all, rights]);

  function setFilter(u: Urgency | null) {
    const q = new URLSearchParams(params.toString());
    if (u) q.set("urgency", u);
    else q.delete("urgency");
    setSelectedId(null);
    router.replace(q.size > 0 ? `${pathname}?${q.toString()}` : pathname);
  }

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="queue-title">
        <div className={styles.toolbar}>
          <h1 id="queue-title">{t("liquidation.queue.title")}</h1>
          <span className={styles.counts} data-testid="queue-counts">
            <span>{t("liquidation.queue.open", { n: fmt.integer(counts.open) })}</span>
            <span>{t("liquidation.queue.held", { n: fmt.integer(counts.held) })}</span>
            <span>{t("liquidation.queue.executing", { n: fmt.integer(counts.executing) })}</span>
          </span>
          <span className={`live-dot small ${live.polling ? "error" : "live"}`}>
            {live.polling ? t("liquidation.queue.polling") : t("liquidation.queue.live")}
          </span>
          <div className={styles.toolbarRight}>
            <label className="inline-field">
              {t("liquidation.queue.search")}
              <input
                type="search"
                value={search}
                maxLength={40}
                placeholder={t("liquidation.queue.searchPlaceholder")}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setSelectedId(null);
                }}
                onKeyDown={(e) => {
                  // Enter takes the keyboard back to the queue (j/k, h, e) with the first match selected.
                  if (e.key === "Enter") e.currentTarget.blur();
                }}
                data-testid="queue-search"
              />
            </label>
            <label className="inline-field">
              {t("liquidation.queue.filter")}
              <select
                value={filter ?? ""}
                onChange={(e) => setFilter(isUrgency(e.target.value) ? e.target.value : null)}
              >
                <option value="">{t("liquidation.queue.all")}</option>
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t(`liquidation.urgency.${u}`)}
                  </option>
                ))}
              </select>
            </label>
            {rights.act && (
              <button
                type="button"
                className="btn"
                aria-pressed={sound}
                onClick={() => setSound(!sound)}
                title={t("liquidation.queue.sound")}
                data-testid="sound-toggle"
                data-beeps={live.beeps}
              >
                {sound ? t("liquidation.queue.soundOn") : t("liquidation.queue.soundOff")}
              </button>
            )}
          </div>
        </div>
        <p className="muted small">{t("liquidation.queue.intro")}</p>
        <p className={styles.help} aria-live="polite">
          {t("liquidation.queue.help")}
        </p>
        <p role="status" className="small" data-testid="new-ticket-notice">
          {live.lastNew && newCode
            ? t("liquidation.queue.newTicket", {
                code: newCode,
                urgency: t(
                  `liquidation.urgency.${isUrgency(live.lastNew.urgency) ? live.lastNew.urgency : "LIQUIDATION"}`,
                ),
              })
            : ""}
        </p>
        <MarkFreezes />
      </section>
      <OpenDisputes canReview={rights.reviewDispute === true} onSelect={setSelectedId} />
      <div className={styles.grid}>
        <section className="panel" aria-label={t("liquidation.queue.title")}>
          {open.isPending && <p className="muted">{t("common.loading")}</p>}
          {open.isError && (
            <p role="alert" className="form-error">
              {open.error.message}
            </p>
          )}
          {open.isSuccess && visible.length === 0 && (
            <p className="muted empty-state" data-testid="queue-empty">
              {needle
                ? t("liquidation.queue.emptySearch", { q: needle })
                : filter
                  ? t("liquidation.queue.emptyFiltered")
                  : t("liquidation.queue.empty")}
            </p>
          )}
          {visible.length > 0 && (
            <TicketTable tickets={visible} selectedId={current} onSelect={setSelectedId} now={now} />
          )}
        </section>
        <TicketDetailPanel ticketId={current} rights={rights} mode={mode} setMode={setMode} now={now} />
      </div>
      <div className={styles.lower}>
        <ClosedTickets selectedId={current} onSelect={setSelectedId} />
        <WaterfallPanel />
      </div>
      {footer}
    </div>
  );
}
