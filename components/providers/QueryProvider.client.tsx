'use client';
// Client: React Query's cache lives in the browser; the server renders the first view without it.

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

/**
 * A React Query client for the islands inside it (the article's update check, load more). Mount it
 * around those leaves only, not the whole layout, so pages without them ship no React Query code.
 *
 * The client is created in state, once per mounted provider: one per browser tab. It is never a
 * module-level value, which on the server would be shared by every visitor's render.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // The server rendered the first view; the islands decide themselves when to fetch again.
            staleTime: 60 * 1000,
            refetchOnWindowFocus: false,
            retry: 1,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
