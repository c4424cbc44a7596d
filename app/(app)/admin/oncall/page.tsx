import { ChannelsEditor } from "@/components/oncall/channels-editor";
import { DrillButton } from "@/components/oncall/drill-button";
import { PagingRule } from "@/components/oncall/paging-rule";
import { PolicyEditor } from "@/components/oncall/policy-editor";
import { RosterEditor } from "@/components/oncall/roster-editor";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

async function engineNow(): Promise<number> {
  const rt = await getRuntime();
  return rt.services.oncall.now();
}

export default async function OncallAdminPage() {
  const user = await requirePageUser();
  if (!canView(user, "oncall.view")) return <Forbidden />;
  const manage = canView(user, "oncall.manage");
  const now = await engineNow();
  return (
    <div className="stack">
      {manage && (
        <div>
          <DrillButton />
        </div>
      )}
      <PagingRule />
      <RosterEditor canManage={manage} now={now} />
      <ChannelsEditor canManage={manage} />
      <PolicyEditor canPropose={manage} canDecide={canView(user, "oncall.approvePolicy")} />
    </div>
  );
}
