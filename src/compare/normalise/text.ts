/** Small text and path helpers the normalisers share. */
import path from 'node:path';

export function toRepoPath(root: string, file: string): string {
  const absolute = path.isAbsolute(file) ? file : path.join(root, file);
  return path.relative(root, absolute).split(path.sep).join('/');
}

export function firstLine(text: string): string | undefined {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line;
}

/** Lines from `start` up to (not including) the first later line that `isEnd` accepts. */
export function sliceUntil(lines: string[], start: number, isEnd: (line: string) => boolean) {
  let end = start + 1;
  while (end < lines.length && !isEnd(lines[end] ?? '')) end++;
  return lines.slice(start, end);
}
