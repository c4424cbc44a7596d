import { redirect } from "next/navigation";
import { getPageUser } from "@/server/auth/page-session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getPageUser();
  redirect(user ? "/desk" : "/signin");
}
