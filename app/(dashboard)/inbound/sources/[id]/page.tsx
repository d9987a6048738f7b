import { SourceDetailView } from "@/components/inbound/source-detail-view";

export const metadata = { title: "Inbound source" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SourceDetailView id={id} />;
}
