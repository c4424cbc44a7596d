import { DeskView } from "@/components/desk/desk-view";

export default async function DeskPage({ searchParams }: { searchParams: Promise<{ symbol?: string }> }) {
  const { symbol } = await searchParams;
  return <DeskView symbol={symbol ?? null} />;
}
