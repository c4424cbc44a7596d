import { IncidentsView } from "@/components/oncall/incidents-view";
import { OnDutyPanel } from "@/components/oncall/on-duty-panel";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function OncallPage({ searchParams }: { searchParams: Promise<{ incident?: string }> }) {
  const { incident } = await searchParams;
  // The console link of a page message shows that one incident first.
  const focus = typeof incident === "string" && /^[a-z0-9]{1,64}$/i.test(incident) ? incident : null;
  const user = await requirePageUser();
  if (!canView(user, "oncall.view")) return <Forbidden />;
  return (
    <div className="stack">
      <OnDutyPanel />
      <IncidentsView canAct={canView(user, "oncall.ack")} focus={focus} />
    </div>
  );
}
