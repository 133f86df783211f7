import { useRef, type KeyboardEvent } from 'react';

export interface WorkspaceTab { id: string; title: string; shortcut: string; href: string }

/**
 * The workspaces as tabs (one Tab stop; arrows, Home and End move between them). Each tab is a
 * link to its route, so it can be opened in a new tab or copied.
 */
export function WorkspaceTabs({ tabs, current, panelId, onChoose }: { tabs: readonly WorkspaceTab[]; current: string; panelId: string; onChoose(id: string): void }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === current);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onChoose(tab.id);
    list.current?.querySelector<HTMLElement>(`[data-workspace="${tab.id}"]`)?.focus();
  };
  return (
    <nav className="workspace-nav" aria-label="Workspaces">
      <div ref={list} role="tablist" aria-label="Workspaces" className="workspace-tabs" onKeyDown={move}>
        {tabs.map((t) => {
          const selected = t.id === current;
          return (
            <a
              key={t.id}
              id={`tab-${t.id}`}
              role="tab"
              href={t.href}
              className="workspace-tab"
              aria-selected={selected}
              aria-controls={panelId}
              aria-keyshortcuts={t.shortcut}
              tabIndex={selected ? 0 : -1}
              title={`${t.title} (${t.shortcut})`}
              data-testid="workspace-tab"
              data-workspace={t.id}
            >
              {t.title}
            </a>
          );
        })}
      </div>
    </nav>
  );
}
