"use client";

import { clsx } from "clsx";
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useIsClient } from "./use-is-client";

const GAP = 6;
const MARGIN = 8;

interface Position {
  top: number;
  left: number;
}

/**
 * A tooltip that opens on hover and on keyboard focus and closes on Escape. It is drawn in a
 * portal with fixed coordinates so a scrolling table around the trigger cannot clip it. The
 * text is tied to the trigger with aria-describedby, so screen readers hear it on focus.
 * The trigger is made focusable; don't wrap something that is already interactive.
 */
export function HoverTip({ content, children, className }: { content: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  const triggerRef = useRef<HTMLSpanElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<Position | null>(null);
  const mounted = useIsClient();

  function show() {
    setOpen(true);
  }
  function hide() {
    setOpen(false);
    setPosition(null);
  }

  // Measured once the hidden tip is laid out, so it can be placed inside the viewport.
  useLayoutEffect(() => {
    if (!open) return;
    const trigger = triggerRef.current?.getBoundingClientRect();
    const tip = tipRef.current?.getBoundingClientRect();
    if (!trigger || !tip) return;
    const below = trigger.bottom + GAP;
    const top = below + tip.height + MARGIN > window.innerHeight ? trigger.top - GAP - tip.height : below;
    const centred = trigger.left + trigger.width / 2 - tip.width / 2;
    const left = Math.min(Math.max(MARGIN, centred), window.innerWidth - tip.width - MARGIN);
    setPosition({ top, left });
  }, [open]);

  useLayoutEffect(() => {
    if (!open) return;
    // Scrolling moves the trigger away from fixed coordinates: close rather than float.
    const close = () => {
      setOpen(false);
      setPosition(null);
    };
    window.addEventListener("scroll", close, true);
    window.addEventListener("resize", close);
    return () => {
      window.removeEventListener("scroll", close, true);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  return (
    <>
      <span
        ref={triggerRef}
        tabIndex={0}
        aria-describedby={id}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => {
          if (e.key === "Escape") hide();
        }}
        className={clsx("inline-flex rounded-full focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1", className)}
      >
        {children}
      </span>
      {/* Always in the DOM (hidden when closed) so aria-describedby has a target to read. */}
      {!mounted
        ? null
        : createPortal(
            <div
              ref={tipRef}
              id={id}
              role="tooltip"
              hidden={!open}
              style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, visibility: "hidden" }}
              className="pointer-events-none fixed z-50 max-w-xs rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug text-white shadow-lg"
            >
              {content}
            </div>,
            document.body,
          )}
    </>
  );
}
