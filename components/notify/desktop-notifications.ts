"use client";
// Desktop notifications for the bell: once the user grants the browser's permission, each unread
// notification that arrives after the page loaded shows once as a system notification (in the
// user's language). Nothing is shown for what was already there when the page opened.
import { useEffect, useRef, useState } from "react";
import type { Locale } from "../i18n/config";

interface Item {
  id: string;
  title: string;
  titleZh: string;
  body: string;
  bodyZh: string;
  readAt: number | null;
}

export function useDesktopNotifications(items: readonly Item[] | undefined, locale: Locale) {
  const supported = typeof window !== "undefined" && "Notification" in window;
  const [permission, setPermission] = useState<NotificationPermission>(() =>
    supported ? Notification.permission : "denied",
  );
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!items) return;
    if (seen.current === null) {
      seen.current = new Set(items.map((i) => i.id));
      return;
    }
    for (const i of items) {
      if (seen.current.has(i.id)) continue;
      seen.current.add(i.id);
      if (!i.readAt && supported && permission === "granted") {
        const zh = locale === "zh-CN";
        new Notification(zh ? i.titleZh : i.title, { body: zh ? i.bodyZh : i.body, tag: i.id });
      }
    }
  }, [items, locale, permission, supported]);
  return {
    supported,
    permission,
    request: () => void Notification.requestPermission().then(setPermission),
  };
}
