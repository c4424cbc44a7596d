// The alert to ADMIN that a page went to the fallback because nobody of a role was on duty: the
// roster has a hole to fill. One incident per role while it stays open (grouping by key).
import type { DeskEvent } from "../notify/desk-event";
import type { PagedRole } from "./policy";

const ROLE_ZH: Record<PagedRole, string> = { RISK: "风控", COMPLIANCE: "合规", MANAGER: "经理", ADMIN: "管理员" };

export function rosterHoleEvent(role: PagedRole, now: number): DeskEvent {
  return {
    kind: "oncall.rosterHole",
    severity: "WARNING",
    key: `roster-hole:${role}`,
    title: `Nobody on duty for ${role}`,
    detail: `A ${role} page found nobody on the duty roster, so every ${role} user was paged. Add a shift on the on-call setup page.`,
    zh: {
      title: `${ROLE_ZH[role]}岗位无人值班`,
      detail: `一条${ROLE_ZH[role]}通知在排班表上找不到当班人员，已通知所有${ROLE_ZH[role]}用户。请在值班设置页补排班次。`,
    },
    objectType: "OncallRoster",
    objectId: role,
    link: "/admin/oncall",
    ts: now,
  };
}
