import { redirect } from "next/navigation";
import { EnrollTotp } from "@/components/auth/enroll-totp";
import { getPageUser } from "@/server/auth/page-session";

export const dynamic = "force-dynamic";

export default async function EnrollTotpPage() {
  const user = await getPageUser();
  if (!user) redirect("/signin");
  if (!user.totpPending) redirect("/desk");
  return (
    <main className="signin-page">
      <EnrollTotp />
    </main>
  );
}
