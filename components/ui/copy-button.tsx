"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "./button";

const RESET_MS = 2_000;

/** Copies `value` to the clipboard and says so on the button for a moment. */
export function CopyButton({ value, label = "Copy", what = "Value", ...props }: Omit<ButtonProps, "onClick" | "icon" | "children"> & { value: string; label?: string; what?: string }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), RESET_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${what} copied to the clipboard`);
    } catch {
      toast.error("Copying failed; select the text and copy it by hand");
    }
  }

  return (
    <Button icon={copied ? Check : Copy} onClick={() => void copy()} {...props}>
      {copied ? "Copied" : label}
    </Button>
  );
}
