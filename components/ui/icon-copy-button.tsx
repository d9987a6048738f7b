import { CopyButton } from "./copy-button";

/**
 * The icon-only CopyButton under its former name, kept for the sources card, which is being
 * rebuilt elsewhere; new code uses `<CopyButton iconOnly what=… />`.
 */
export function IconCopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  return <CopyButton iconOnly value={value} what={label} className={className} />;
}
