"use client";
// Accounts list (R1-R3 live): every account's equity, maintenance margin, margin level, coverage
// and status at the last bar close, refreshed when the risk engine announces a tick. Sorted and
// filtered on the server and read in keyset pages of 200 as the user scrolls; virtualized (only the
// visible rows are in the DOM); filterable by status, held symbol and compliance flags (?status=, ?symbol=,
// ?flagged=1), searchable (?search=).
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AccountSort } from "@/server/accounts/accounts-service";
import { RISK_STATUSES, type RiskStatus } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import { useChangePoll } from "../live/live-changes";
import styles from "../risk/risk.module.css";
import { StatusBadge } from "../risk/status-badge";
import { AccountFlagChips } from "./account-flag-chips";
import { useTRPC } from "../trpc/react";

const ROW_HEIGHT = 34;
const PAGE = 200;
const isStatus = (v: string | null): v is RiskStatus => v !== null && (RISK_STATUSES as readonly string[]).includes(v);

export function AccountsTable() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const statusParam = params.get("status");
  const status = isStatus(statusParam) ? statusParam : undefined;
  const symbol = params.get("symbol") ?? undefined;
  const flagged = params.get("flagged") === "1";
  // ?search= pre-fills the search box (links from payments and compliance rows).
  const [search, setSearch] = useState(() => params.get("search") ?? "");
  const [sort, setSort] = useState<{ key: AccountSort; dir: "asc" | "desc" }>({ key: "marginLevel", dir: "asc" });
  const q = useInfiniteQuery({
    ...trpc.accounts.list.infiniteQueryOptions(
      {
        search: search || undefined,
        status,
        symbol,
        flagged: flagged || undefined,
        sort: sort.key,
        dir: sort.dir,
        limit: PAGE,
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
    // Figures change at a bar close only: the change stream refreshes the loaded pages at every tick.
    refetchInterval: useChangePoll(60_000),
  });
  const pages = q.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const head = pages[0];
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtual.getVirtualItems();
  const lastVisible = rows.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= items.length - 40) void fetchNextPage();
  }, [lastVisible, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const padTop = rows[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  const header = (key: AccountSort, label: string, num = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={num ? "num" : undefined}
        aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      >
        <button
          type="button"
          className={styles.sortBtn}
          aria-label={t("risk.list.sortBy", { column: label })}
          onClick={() => setSort({ key, dir: active && sort.dir === "asc" ? "desc" : "asc" })}
        >
          {label}
          {active ? (sort.dir === "asc" ? " ▲" : " ▼") : ""}
        </button>
      </th>
    );
  };
  const open = (id: string) => router.push(`/accounts/${encodeURIComponent(id)}`);

  return (
    <section className="panel">
      <div className="panel-head">
        <h1>{t("accounts.title")}</h1>
        {head && <span className="muted">{t("risk.list.total", { count: fmt.integer(head.total) })}</span>}
      </div>
      <div className="filters">
        <label className="inline-field">
          {t("common.search")}
          <input
            type="search"
            value={search}
            placeholder={t("accounts.searchPlaceholder")}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="inline-field">
          {t("risk.list.filterStatus")}
          <select value={status ?? ""} onChange={(e) => setFilter("status", e.target.value || undefined)}>
            <option value="">{t("risk.list.allStatuses")}</option>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`risk.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={flagged}
            onChange={(e) => setFilter("flagged", e.target.checked ? "1" : undefined)}
          />
          {t("accounts.flaggedOnly")}
        </label>
        {symbol && (
          <span className="inline-field">
            {t("risk.list.symbol", { symbol })}
            <button type="button" className="btn btn-ghost" onClick={() => setFilter("symbol", undefined)}>
              {t("risk.list.clearSymbol")}
            </button>
          </span>
        )}
      </div>
      {head?.asOf && (
        <p className="muted small">
          {t("risk.list.liveAsOf", { time: fmt.dateTime(head.asOf), version: head.paramVersion ?? "—" })}
        </p>
      )}
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {head && items.length === 0 && <p className="muted">{t("risk.list.none")}</p>}
      {items.length > 0 && (
        <div ref={scroller} className={styles.scroller} data-testid="accounts-scroller">
          <table className="table">
            <thead>
              <tr>
                {header("code", t("risk.list.code"), false)}
                <th scope="col">{t("risk.list.client")}</th>
                <th scope="col" className="num">
                  {t("risk.fig.cash")}
                </th>
                <th scope="col" className="num">
                  {t("risk.fig.debt")}
                </th>
                {header("marketValue", t("risk.fig.marketValue"))}
                {header("equity", t("risk.fig.equity"))}
                {header("maintenance", t("risk.fig.mm"))}
                {header("marginLevel", t("risk.fig.ml"))}
                {header("coverageRatio", t("risk.fig.coverage"))}
                <th scope="col">{t("risk.fig.status")}</th>
                <th scope="col">{t("accounts.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && <tr style={{ height: padTop }} aria-hidden="true" />}
              {rows.map((row) => {
                const a = items[row.index];
                if (!a) return null;
                return (
                  <tr
                    key={a.id}
                    tabIndex={0}
                    className={styles.rowLink}
                    style={{ height: ROW_HEIGHT }}
                    onClick={() => open(a.id)}
                    onKeyDown={(e) => e.key === "Enter" && open(a.id)}
                    data-status={a.status}
                  >
                    <td className="mono">
                      <Link
                        href={`/accounts/${encodeURIComponent(a.id)}`}
                        tabIndex={-1}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {a.code}
                      </Link>
                    </td>
                    <td>{a.clientName}</td>
                    <td className="num">{fmt.money(a.cash)}</td>
                    <td className="num">{fmt.money(a.debt)}</td>
                    <td className="num">{fmt.money(a.marketValue)}</td>
                    <td className={`num ${a.equity <= 0 ? "down" : ""}`}>{fmt.money(a.equity)}</td>
                    <td className="num">{fmt.money(a.maintenance)}</td>
                    <td className="num">{a.marginLevel === null ? "—" : fmt.number(a.marginLevel, 3)}</td>
                    <td className="num" title={t("risk.fig.coverageHint")}>
                      {a.coverageRatio === null ? "—" : fmt.percent(a.coverageRatio).replace(/^\+/, "")}
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td className="nowrap" data-testid="account-flags">
                      <AccountFlagChips flags={a.flags} />
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden="true" />}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
