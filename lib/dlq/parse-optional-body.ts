import type { z, ZodType } from "zod";
import { parseBody } from "../http/handler";

/** A one-click action may come with no body at all: an empty body reads as `{}`. */
export async function parseOptionalBody<S extends ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  if ((await req.clone().text()).trim() === "") return schema.parse({});
  return parseBody(req, schema);
}
