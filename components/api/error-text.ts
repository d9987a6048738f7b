import { ApiError } from "./fetcher";

export interface IssueDetail {
  path: string;
  message: string;
}

/** The field problems of a refused request (validation_failed's details), or none. */
export function issueDetails(err: unknown): IssueDetail[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return err.details.filter(
    (d): d is IssueDetail => typeof d === "object" && d !== null && typeof (d as IssueDetail).path === "string" && typeof (d as IssueDetail).message === "string",
  );
}

/** One line for a toast: the server's own words, the first field problem for a refused form. */
export function mutationErrorText(err: unknown): string {
  if (!(err instanceof ApiError)) return "Hookrelay could not be reached. Check your connection and try again.";
  const [first] = issueDetails(err);
  return first ? first.message : err.message;
}
