import { LetterDetailView } from "@/components/dead-letters/letter-detail-view";

export const metadata = { title: "Dead letter" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LetterDetailView id={id} />;
}
