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

  it('has no two shortcuts on the same keys: global ones among themselves, and each workspace\'s against the global ones', () => {
    const keys = (list: readonly { key: string; mod?: boolean; shift?: boolean }[]) => list.map((s) => `${s.mod ? 'mod+' : ''}${s.shift ? 'shift+' : ''}${s.key.toLowerCase()}`);
    const global = keys([...workspaceShortcuts(workspaces), ...globalShortcuts(() => {})]);
    expect(new Set(global).size).toBe(global.length);
    for (const w of workspaces) {
      const own = keys(w.shortcuts ?? []);
      expect(new Set(own).size, w.id).toBe(own.length);
      expect(own.filter((k) => global.includes(k)), w.id).toEqual([]);
    }
  });
});
