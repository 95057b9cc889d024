'use client';
// Client: the locale error boundary is a client component that Next renders without props from the
// page, so its strings reach it through a context the layout fills on the server.

import { createContext, useContext, type ReactNode } from 'react';

/** The error page's strings in the edition's language (the `ErrorPage` messages), and its home link. */
export interface ErrorPageLabels {
  title: string;
  description: string;
  retry: string;
  home: string;
  /** The edition's front page: `/` or `/en`. */
  homeHref: string;
}

const ErrorPageLabelsContext = createContext<ErrorPageLabels | null>(null);

/** Mounted by the locale layout around the page, which is where Next puts the error boundary. */
export function ErrorPageLabelsProvider({ labels, children }: { labels: ErrorPageLabels; children: ReactNode }) {
  return <ErrorPageLabelsContext.Provider value={labels}>{children}</ErrorPageLabelsContext.Provider>;
}

export function useErrorPageLabels(): ErrorPageLabels {
  const labels = useContext(ErrorPageLabelsContext);
  if (labels === null) throw new Error('useErrorPageLabels needs the ErrorPageLabelsProvider of the locale layout');
  return labels;
}
