import { EndpointDetailView } from "@/components/endpoints/endpoint-detail-view";

export const metadata = { title: "Endpoint" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EndpointDetailView id={id} />;
}
