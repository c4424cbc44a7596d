// The one rule for who is paged (server/oncall/escalation.ts planChain), stated where the roster is
// edited so whoever leaves a gap knows what happens at 03:00.
import { getServerI18n } from "../i18n/server";

export async function PagingRule() {
  const { t } = await getServerI18n();
  return (
    <section className="panel stack" aria-labelledby="paging-rule-title" data-testid="paging-rule">
      <h2 id="paging-rule-title">{t("oncall.rule.title")}</h2>
      <ol className="stack" style={{ margin: 0 }}>
        <li>{t("oncall.rule.onDuty")}</li>
        <li>{t("oncall.rule.hole")}</li>
        <li>{t("oncall.rule.noRole")}</li>
        <li>{t("oncall.rule.quiet")}</li>
      </ol>
    </section>
  );
}
