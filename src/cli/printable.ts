/**
 * Text from the network (a service's message, a request target), safe to
 * print on one line: control characters (C0, DEL, C1) escaped as `\xNN`, so
 * nothing a client or service sends can move the cursor or recolour the
 * terminal; cut to `max` characters.
 *
 * >>> printable('GET /\x1b[2J')
 * 'GET /\\x1b[2J'
 * >>> printable('ボーナス: 1')
 * 'ボーナス: 1'
 * >>> printable('x'.repeat(10), 5)
 * 'xxxx…'
 */
export function printable(text: string, max = 200): string {
  const safe = text.replace(
    /[^\x20-\x7e\u00a0-\uffff]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}
