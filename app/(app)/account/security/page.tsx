import { MySecurityView } from "@/components/security/my-security-view";
import { requirePageUser } from "@/server/auth/page-session";

export default async function MySecurityPage() {
  await requirePageUser();
  return <MySecurityView />;
}
