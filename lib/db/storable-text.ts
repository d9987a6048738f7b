/**
 * Bytes as text that both databases store: invalid UTF-8 reads as U+FFFD, and so does NUL,
 * which PostgreSQL text cannot hold. For what others sent (a refused body, a receiver's
 * answer), so that recording it cannot fail on what it contains.
 */
export function storableText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").replaceAll("\u0000", "\uFFFD");
}
