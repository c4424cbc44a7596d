"use client";
// Accounts list: searchable, paged by cursor, numbers with units. Live risk status per account
// arrives with the risk engine; here the book at yesterday's close.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Pager, useCursorPages } from "../ui/pager";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function AccountsTable() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const pages = useCursorPages<string>();
  const cursor = pages.cursor;
  const q = useQuery({
    ...trpc.accounts.list.queryOptions({ search: search || undefined, cursor, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel">
      <div className="panel-head">
        <h1>{t("accounts.title")}</h1>
        {q.data && <span className="muted">{t("accounts.total", { count: fmt.integer(q.data.total) })}</span>}
      </div>
      <label className="inline-field">
        {t("common.search")}
        <input
          type="search"
          value={search}
          placeholder={t("accounts.searchPlaceholder")}
          onChange={(e) => {
            setSearch(e.target.value);
            pages.reset();
          }}
        />
      </label>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && <p role="alert" className="form-error">{q.error.message}</p>}
      {q.data && q.data.items.length === 0 && <p className="muted">{t("accounts.none")}</p>}
      {q.data && q.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("accounts.code")}</th>
              <th scope="col">{t("accounts.client")}</th>
              <th scope="col" className="num">{t("accounts.kyc")}</th>
              <th scope="col" className="num">{t("accounts.cash")}</th>
              <th scope="col" className="num">{t("accounts.debt")}</th>
              <th scope="col" className="num">{t("accounts.marketValue")}</th>
              <th scope="col" className="num">{t("accounts.positions")}</th>
              <th scope="col" className="num" title={t("accounts.coverageHint")}>{t("accounts.coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((a) => (
              <tr key={a.id} tabIndex={0}>
                <td className="mono">{a.code}</td>
                <td>{a.clientName}</td>
                <td className="num">{a.kycLevel}</td>
                <td className="num">{fmt.money(a.cash)}</td>
                <td className="num">{fmt.money(a.debt)}</td>
                <td className="num">{fmt.money(a.marketValue)}</td>
                <td className="num">{a.positions}</td>
                <td className={`num ${a.coverageRatio !== null && a.coverageRatio < 1.3 ? "down" : ""}`}>
                  {a.coverageRatio === null ? "—" : fmt.percent(a.coverageRatio).replace(/^\+/, "")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager pages={pages} next={q.data?.nextCursor} />
    </section>
  );
}
