// The signed acknowledge link from a page message. Opening it only shows what it is about (chat
// apps preview links); the button POSTs to /api/oncall/ack, which acknowledges as the paged person.
import { headers } from "next/headers";
import { getServerI18n } from "@/components/i18n/server";
import { clientIpOf, getAckThrottle } from "@/server/oncall/ack-throttle";
import { describeAckLink } from "@/server/oncall/incident-actions";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Query = { p?: string; e?: string; s?: string; result?: string; message?: string };

export default async function AckPage({ searchParams }: { searchParams: Promise<Query> }) {
  const q = await searchParams;
  const { t, locale } = await getServerI18n();
  const rt = await getRuntime();
  // Only opening a link is counted (it checks the signature and reads the page); an outcome page is not.
  const wait = q.result ? null : await getAckThrottle().take(clientIpOf(await headers()), q.p);
  const view = wait === null ? await describeAckLink(rt.db.prisma, rt.services.oncall.ackKey, q, locale) : null;
  return (
    <main className="signin-page">
      <div className="panel stack signin-form">
        <h1>{t("oncall.ack.title")}</h1>
        {q.result === "ok" && (
          <p role="status" data-testid="ack-result">
            {t("oncall.ack.done")}
          </p>
        )}
        {q.result === "conflict" && (
          <p role="status" data-testid="ack-result">
            {t("oncall.ack.already", { message: (q.message ?? "").slice(0, 200) })}
          </p>
        )}
        {wait !== null && (
          <p role="alert" className="form-error" data-testid="ack-throttled">
            {t("oncall.ack.throttled", { seconds: wait })}
          </p>
        )}
        {!q.result && wait === null && (!view || !view.ok) && (
          <p role="alert" className="form-error">
            {view && !view.ok && view.reason === "expired" ? t("oncall.ack.expired") : t("oncall.ack.invalid")}
          </p>
        )}
        {!q.result && view?.ok && (
          <form method="post" action="/api/oncall/ack" className="stack">
            <p>
              <strong>[{t(`oncall.severity.${view.incident.severity}` as "oncall.severity.CRITICAL")}]</strong>{" "}
              {view.incident.title}
            </p>
            <p className="muted">{t(`oncall.status.${view.incident.status}` as "oncall.status.OPEN")}</p>
            <input type="hidden" name="p" value={q.p} />
            <input type="hidden" name="e" value={q.e} />
            <input type="hidden" name="s" value={q.s} />
            <button type="submit" className="btn btn-primary">
              {t("oncall.ack.confirm")}
            </button>
          </form>
        )}
        <a href="/oncall">{t("oncall.ack.console")}</a>
      </div>
    </main>
  );
}
