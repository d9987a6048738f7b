"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { Toaster } from "sonner";
import { ApiError } from "@/components/api/fetcher";
import { isDarkApplied, subscribeToTheme } from "@/components/theme/theme";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            refetchOnWindowFocus: true,
            // A 4xx will not fix itself; only retry what might.
            retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
          },
        },
      }),
  );
  // Subscribing also keeps the page in step with the system's setting while it is open.
  const dark = useSyncExternalStore(subscribeToTheme, isDarkApplied, () => false);
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* At the top: forms end in their main button at the bottom right, where toasts used to cover it. */}
      <Toaster richColors position="top-center" closeButton theme={dark ? "dark" : "light"} />
    </QueryClientProvider>
  );
}
