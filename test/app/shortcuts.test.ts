import { describe, expect, it } from 'vitest';
import { matchShortcut } from '../../src/app/shortcuts.ts';
import type { Shortcut } from '../../src/app/workspace.ts';

const run = () => {};
const list: Shortcut[] = [
  { key: '3', label: 'Go to Simulate', run },
  { key: 'f', label: 'Fit', run },
  { key: '?', label: 'Help', run },
  { key: 'z', mod: true, label: 'Undo', run },
  { key: 'z', mod: true, shift: true, label: 'Redo', run },
];
const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('matches single keys in either case (Caps Lock), Shift only where the shortcut has it, and ? typed with Shift', () => {
    expect(matchShortcut(list, press('3'), true)?.label).toBe('Go to Simulate');
    expect(matchShortcut(list, press('F'), true)?.label).toBe('Fit');
    expect(matchShortcut(list, press('F', { shiftKey: true }), true)).toBeUndefined();
    expect(matchShortcut(list, press('?', { shiftKey: true }), true)?.label).toBe('Help');
  });

  it('tells Ctrl+Z from Ctrl+Shift+Z, and takes ⌘ for Ctrl', () => {
    expect(matchShortcut(list, press('z', { ctrlKey: true }), true)?.label).toBe('Undo');
    expect(matchShortcut(list, press('Z', { ctrlKey: true, shiftKey: true }), true)?.label).toBe('Redo');
    expect(matchShortcut(list, press('z', { metaKey: true }), true)?.label).toBe('Undo');
    expect(matchShortcut(list, press('z'), true)).toBeUndefined();
  });

  it('ignores Alt combinations (the browser and the OS own them) and a Ctrl press of a single-key shortcut', () => {
    expect(matchShortcut(list, press('3', { altKey: true }), true)).toBeUndefined();
    expect(matchShortcut(list, press('f', { ctrlKey: true }), true)).toBeUndefined();
  });

  it('switched off, single keys do nothing while Ctrl shortcuts still work', () => {
    expect(matchShortcut(list, press('3'), false)).toBeUndefined();
    expect(matchShortcut(list, press('z', { ctrlKey: true }), false)?.label).toBe('Undo');
  });
});
