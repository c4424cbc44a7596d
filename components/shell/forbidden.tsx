import Link from "next/link";
import { getServerI18n } from "../i18n/server";

export async function Forbidden() {
  const { t } = await getServerI18n();
  return (
    <div className="panel empty-state" role="alert">
      <p>{t("errors.forbidden")}</p>
      <Link href="/desk">{t("errors.back")}</Link>
    </div>
  );
}
