import { PolicyDetailView } from "@/components/policies/policy-detail-view";

export const metadata = { title: "Retry policy" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PolicyDetailView id={id} />;
}
