import type { ReactNode } from 'react';

/** A workspace whose tools are still being built: says what will come here, and what to use meanwhile. */
export function Placeholder({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="placeholder" aria-label={title} data-testid="workspace-placeholder">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
