import { InboundDetailView } from "@/components/inbound/inbound-detail-view";

export const metadata = { title: "Inbound event" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <InboundDetailView id={id} />;
}
