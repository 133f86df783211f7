import { describe, expect, it } from 'vitest';
import { globalShortcuts, workspaceShortcuts } from '../../src/app/appShortcuts.ts';
import { workspaces } from '../../src/app/workspaces.ts';

describe('the workspace registry', () => {
  it('has unique ids that are safe in a URL', () => {
    const ids = workspaces.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*$/);
  });

  it('gives every workspace something to show, and a main view where the twin shares the centre', () => {
    for (const w of workspaces) {
      expect(w.side !== undefined || w.main !== undefined || w.twin !== 'none', w.id).toBe(true);
      if (w.twin === 'split') expect(w.main, w.id).toBeDefined();
    }
  });

  it('has no two shortcuts on the same key', () => {
    const keys = [...workspaceShortcuts(workspaces), ...globalShortcuts(() => {}), ...workspaces.flatMap((w) => w.shortcuts ?? [])]
      .map((s) => `${s.mod ? 'mod+' : ''}${s.shift ? 'shift+' : ''}${s.key.toLowerCase()}`);
    const workspaceLocal = new Set(workspaces.flatMap((w) => (w.shortcuts ?? []).map((s) => s.key)));
    // Two workspaces may use the same key for their own actions; nothing may clash with a global key.
    const globals = keys.filter((k) => !workspaceLocal.has(k));
    expect(new Set(globals).size).toBe(globals.length);
  });
});
