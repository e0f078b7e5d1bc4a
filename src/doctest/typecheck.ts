/** Placeholder replaced below. */
import type { FoundFile } from './finder.ts';
import type { ItemResult } from './results.ts';
export interface TypeErrorAt {
  file: string;
  line: number;
  message: string;
}
export function typecheckExamples(_found: FoundFile[], _cwd: string): TypeErrorAt[] {
  return [];
}
export function mergeTypeErrors(items: ItemResult[], _errors: TypeErrorAt[]): ItemResult[] {
  return items;
}
