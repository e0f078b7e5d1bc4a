import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState, loadState, markDone, saveState } from '../../../src/workshop/state.ts';
import { type TempWorkspace, tempWorkspace } from './temp-workspace.ts';

describe('the workshop state file', () => {
  let ws: TempWorkspace;
  beforeEach(async () => {
    ws = await tempWorkspace();
  });
  afterEach(() => ws.remove());

  it('round-trips through the file', async () => {
    const state = { done: ['return-value'], hintsShown: { 'call-args': 2 }, current: 'call-args' };
    await saveState(ws.stateFile, state);
    expect(await loadState(ws.stateFile)).toEqual(state);
    expect(JSON.parse(await readFile(ws.stateFile, 'utf8'))).toEqual(state);
  });

  it('starts empty when there is no file yet', async () => {
    expect(await loadState(`${ws.dir}/missing/state.json`)).toEqual(emptyState());
  });

  it('drops fields of the wrong type instead of trusting them', async () => {
    await writeFile(ws.stateFile, JSON.stringify({ done: ['a', 3], hintsShown: null, current: 7 }));
    expect(await loadState(ws.stateFile)).toEqual({ done: ['a'], hintsShown: {} });
    await writeFile(ws.stateFile, JSON.stringify({ done: 'a' }));
    expect(await loadState(ws.stateFile)).toEqual(emptyState());
  });

  it('says how to recover from a corrupt file', async () => {
    await writeFile(ws.stateFile, '{ not json');
    await expect(loadState(ws.stateFile)).rejects.toThrow(/not valid JSON: delete it/);
  });

  it('passes on other read errors', async () => {
    await expect(loadState(ws.dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('marks an exercise done once', () => {
    const once = markDone(emptyState(), 'return-value');
    expect(once.done).toEqual(['return-value']);
    expect(markDone(once, 'return-value')).toBe(once);
  });
});
