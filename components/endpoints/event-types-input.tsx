"use client";

import { clsx } from "clsx";
import { X } from "lucide-react";
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import type { FieldControlProps } from "@/components/ui/field";

export interface EventTypesInputProps extends FieldControlProps {
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
  /** Indexes of chips the schema refused, drawn in red. */
  invalid?: ReadonlySet<number>;
  disabled?: boolean;
}

const SEPARATORS = /[\s,]+/;

/**
 * A list of event types typed as chips: Enter, comma or space adds what was typed, Backspace
 * in the empty box takes the last chip back for editing, and each chip has its own remove
 * button. Pasting "a, b, c" adds three.
 */
export function EventTypesInput({ value, onChange, onBlur, invalid, disabled, id, ...aria }: EventTypesInputProps) {
  const [draft, setDraft] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  function add(text: string): boolean {
    const parts = text.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
    if (parts.length === 0) return false;
    onChange([...value, ...parts.filter((p) => !value.includes(p))]);
    setDraft("");
    return true;
  }

  function remove(index: number) {
    onChange(value.filter((_, i) => i !== index));
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === "," || event.key === " ") {
      // An empty box lets Enter submit the form as usual.
      if (add(draft)) event.preventDefault();
      else if (event.key !== "Enter") event.preventDefault();
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      event.preventDefault();
      setDraft(value[value.length - 1]);
      onChange(value.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text");
    if (!SEPARATORS.test(text)) return;
    event.preventDefault();
    add(draft + text);
  }

  return (
    <div
      onClick={() => inputRef.current?.focus()}
      className={clsx(
        "flex min-h-9 w-full cursor-text flex-wrap items-center gap-1.5 rounded-md border bg-white px-2 py-1.5 shadow-sm",
        "focus-within:ring-2",
        aria["aria-invalid"] ? "border-red-500 focus-within:ring-red-500/30" : "border-slate-300 focus-within:border-brand-500 focus-within:ring-brand-500/30",
        disabled && "cursor-not-allowed bg-slate-50",
      )}
    >
      {value.length > 0 ? (
        <ul className="contents" aria-label="Event types added">
          {value.map((type, index) => {
            const bad = invalid?.has(index) ?? false;
            return (
              <li
                key={type}
                className={clsx(
                  "inline-flex max-w-full items-center gap-1 rounded py-0.5 pl-2 pr-1 font-mono text-xs ring-1 ring-inset",
                  bad ? "bg-red-50 text-red-800 ring-red-300" : "bg-slate-100 text-slate-800 ring-slate-200",
                )}
              >
                <span className="truncate">{type}</span>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove(index);
                  }}
                  aria-label={`Remove ${type}`}
                  className="rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                >
                  <X className="h-3 w-3" aria-hidden />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        {...aria}
        value={draft}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          add(draft);
          onBlur();
        }}
        placeholder={value.length === 0 ? "All event types; type one, press Enter" : "Add another"}
        autoComplete="off"
        spellCheck={false}
        className="h-6 min-w-[10rem] flex-1 border-0 bg-transparent p-0 font-mono text-sm text-slate-900 placeholder:font-sans placeholder:text-slate-500 focus:outline-none focus:ring-0"
      />
    </div>
  );
}
