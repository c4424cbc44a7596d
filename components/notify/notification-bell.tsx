"use client";
// The bell in the shell: the unread count, and a panel of the latest notifications, each linking to
// its object; opening one marks it read. Kept fresh by the "notifications" change notice (polls
// while the live stream is down). New unread notifications also show as desktop notifications when
// the user has granted the browser's permission.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import type { MessageKey } from "../i18n/config";
import { useChangePoll } from "../live/live-changes";
import { useTRPC } from "../trpc/react";
import { useDesktopNotifications } from "./desktop-notifications";

const LIST = { unreadOnly: false, limit: 30 };

export function NotificationBell() {
  const { t, locale, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const poll = useChangePoll(15_000);
  const count = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: poll });
  const list = useQuery({ ...trpc.notifications.list.queryOptions(LIST), refetchInterval: poll });
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const desktop = useDesktopNotifications(list.data, locale);
  const unread = count.data ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    panelRef.current?.querySelector<HTMLElement>("a, button")?.focus();
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const zh = locale === "zh-CN";
  return (
    <div className="bell">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("notify.bellUnread", { count: unread }) : t("notify.bell")}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="bell-count" data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="panel bell-panel" role="region" aria-label={t("notify.panelTitle")}>
          <div className="bell-panel-head">
            <h2>{t("notify.panelTitle")}</h2>
            <button
              type="button"
              className="btn btn-ghost"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t("notify.markAllRead")}
            </button>
          </div>
          {desktop.supported && desktop.permission !== "granted" && (
            <button
              type="button"
              className="btn btn-ghost bell-desktop"
              disabled={desktop.permission === "denied"}
              onClick={() => desktop.request()}
            >
              {desktop.permission === "denied" ? t("notify.desktopDenied") : t("notify.desktopEnable")}
            </button>
          )}
          {list.isPending ? (
            <p className="muted">{t("common.loading")}</p>
          ) : (list.data ?? []).length === 0 ? (
            <p className="muted">{t("notify.empty")}</p>
          ) : (
            <ul className="bell-list" data-testid="notification-list">
              {(list.data ?? []).map((n) => (
                <li key={n.id} className={n.readAt ? "bell-item" : "bell-item unread"} data-kind={n.kind}>
                  <Link
                    href={n.href}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate({ ids: [n.id] });
                      setOpen(false);
                    }}
                  >
                    <span className={`bell-sev sev-${n.severity.toLowerCase()}`}>
                      {t(`notify.kinds.${n.kind.replaceAll(".", "_")}` as MessageKey)}
                      {!n.readAt && <span className="sr-only"> ({t("notify.unread")})</span>}
                    </span>
                    <strong>{zh ? n.titleZh : n.title}</strong>
                    <span className="bell-body">{zh ? n.bodyZh : n.body}</span>
                    <time dateTime={new Date(n.createdAt).toISOString()}>{fmt.dateTime(n.createdAt)}</time>
                  </Link>
                  {!n.readAt && (
                    <button
                      type="button"
                      className="btn btn-ghost bell-mark"
                      onClick={() => markRead.mutate({ ids: [n.id] })}
                    >
                      {t("notify.markRead")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
