/**
 * Text in terminal columns, for the tools (npm start, the workshop): widths
 * as the terminal draws them (string-width: wide characters, no escape codes),
 * cut with `…` or hard-wrapped with slice-ansi, which keeps colours intact
 * across the cut.
 */
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

export { stringWidth };

/** The width to draw for: the terminal's, or 80 when the output is not a terminal. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

/** `text` cut to `width` columns, the cut marked with `…`. */
export function clip(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  return width <= 0 ? '' : `${sliceAnsi(text, 0, width - 1)}…`;
}

/** `text` cut to `width` and padded with spaces to exactly `width` columns. */
export function pad(text: string, width: number): string {
  const cut = clip(text, width);
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/**
 * Every line of `text` broken into pieces of at most `width` columns, at any
 * character: code and framework output keep their spacing, nothing is lost.
 */
export function hardWrap(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => {
    const pieces: string[] = [];
    let rest = line;
    while (stringWidth(rest) > width) {
      let piece = sliceAnsi(rest, 0, width);
      // A wide character that straddles the edge goes to the next piece.
      if (piece === '') piece = sliceAnsi(rest, 0, width + 1);
      pieces.push(piece);
      rest = sliceAnsi(rest, stringWidth(piece));
    }
    pieces.push(rest);
    return pieces;
  });
}
