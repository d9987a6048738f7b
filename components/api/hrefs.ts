/** The dashboard page of one record: every link to a detail view is built here, ids encoded once. */
const detail = (section: string) => (id: string) => `/${section}/${encodeURIComponent(id)}`;

export const deliveryHref = detail("deliveries");
export const letterHref = detail("dead-letters");
export const inboundHref = detail("inbound");
export const endpointHref = detail("endpoints");
export const policyHref = detail("policies");
