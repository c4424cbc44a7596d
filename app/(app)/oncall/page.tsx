import { IncidentsView } from "@/components/oncall/incidents-view";
import { OnDutyPanel } from "@/components/oncall/on-duty-panel";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function OncallPage() {
  const user = await requirePageUser();
  if (!canView(user, "oncall.view")) return <Forbidden />;
  return (
    <div className="stack">
      <OnDutyPanel />
      <IncidentsView canAct={canView(user, "oncall.ack")} />
    </div>
  );
}
