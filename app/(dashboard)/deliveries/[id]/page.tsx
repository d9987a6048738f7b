import { DeliveryDetailView } from "@/components/deliveries/delivery-detail-view";

export const metadata = { title: "Delivery" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DeliveryDetailView id={id} />;
}
