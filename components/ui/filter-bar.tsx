"use client";

import { clsx } from "clsx";
import { X } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import { Field } from "./field";
import { Input, type InputProps } from "./input";
import { Select } from "./select";

const TYPE_DEBOUNCE_MS = 400;

export interface FilterBarProps {
  /** The filters, each a Field; laid out by `className` (a grid template). */
  children: ReactNode;
  onReset: () => void;
  /** Whether anything is filtered, i.e. whether resetting would change the list. */
  canReset: boolean;
  resetLabel?: string;
  className?: string;
}

/** The filters above a list, with the way back to the unfiltered list at their end. */
export function FilterBar({ children, onReset, canReset, resetLabel = "Clear filters", className }: FilterBarProps) {
  return (
    <div role="group" aria-label="Filters" className={clsx("grid gap-3 sm:grid-cols-2 lg:items-end", className)}>
      {children}
      <Button variant="ghost" icon={X} onClick={onReset} disabled={!canReset} className="justify-self-start">
        {resetLabel}
      </Button>
    </div>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterSelectProps {
  id: string;
  label: string;
  /** "" for the option that lifts the filter. */
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** One labelled choice in a FilterBar. */
export function FilterSelect({ id, label, value, options, onChange, disabled }: FilterSelectProps) {
  return (
    <Field id={id} label={label}>
      {(c) => (
        <Select {...c} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The event-type box of a FilterBar. */
export function EventTypeFilter({ id, value, onCommit, placeholder = "e.g. order.created" }: { id: string; value: string | null; onCommit: (value: string | null) => void; placeholder?: string }) {
  return (
    <Field id={id} label="Event type">
      {(c) => <FilterSearch {...c} placeholder={placeholder} value={value} onCommit={onCommit} />}
    </Field>
  );
}

/** The list's `q`: what the search box in the navigation takes, narrowing this list. */
export function ListSearchFilter({ id, value, onCommit }: { id: string; value: string | null; onCommit: (value: string | null) => void }) {
  return (
    <Field id={id} label="Search this list">
      {(c) => (
        <FilterSearch
          {...c}
          placeholder="Event id, order.*, data.id=…, words"
          title="An id or a provider's event id, an event-type prefix (order.*), a payload member and its value (data.id=123), or words in the payload"
          value={value}
          onCommit={onCommit}
        />
      )}
    </Field>
  );
}

export interface FilterSearchProps extends Omit<InputProps, "value" | "onChange" | "type"> {
  /** The filter as the URL has it; null when unset. */
  value: string | null;
  /** Writes the filter (to the URL): once typing pauses, or at once on Enter. */
  onCommit: (value: string | null) => void;
}

/**
 * A text filter that follows the URL without writing it on every keystroke. When the URL
 * changes from elsewhere (a reset, the back button) the box shows the new value; when it
 * only catches up with what was typed, the box keeps any typing done meanwhile.
 */
export function FilterSearch({ value, onCommit, ...props }: FilterSearchProps) {
  const [text, setText] = useState(value ?? "");
  const [followed, setFollowed] = useState(value);
  if (value !== followed) {
    setFollowed(value);
    setText(value ?? "");
  }

  // The timer fires after renders the operator did not cause (a list refresh): it must use the
  // filters as they are then, not as they were when typing started, or it would undo a select
  // changed meanwhile.
  const latest = useRef({ value, onCommit });
  useEffect(() => {
    latest.current = { value, onCommit };
  });

  function commit(raw: string) {
    const typed = raw.trim() || null;
    if (typed === latest.current.value) return;
    setFollowed(typed);
    latest.current.onCommit(typed);
  }

  // Only typing restarts the wait; a refresh of the list in between does not.
  useEffect(() => {
    const timer = setTimeout(() => commit(text), TYPE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <Input
      type="search"
      autoComplete="off"
      spellCheck={false}
      {...props}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit(text);
      }}
    />
  );
}
