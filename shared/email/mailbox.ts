import { headerText } from './header-text.ts';

/**
 * A From header's mailbox, `"Acme Recruiting" <portal@mail.example>` (RFC 5322 §3.4), with the
 * display name made safe (`headerText`): control characters (CR and LF above all, which could add
 * headers) become spaces; a plain ASCII name is a quoted string with `"` and `\` escaped; any other name is written
 * as RFC 2047 encoded words (UTF-8, base64), each at most 75 characters, split between characters.
 */
export function mailbox(displayName: string | undefined, address: string): string {
  const addr = bareAddress(address);
  // Format characters (zero-width, soft hyphen, …) too: a name in the From line needs none of them.
  const name = headerText((displayName ?? '').replace(/\p{Cf}/gu, ' '), 200);
  if (!name) return addr;
  // Printable ASCII only: a quoted string (RFC 5322 §3.2.4).
  if (/^[\x20-\x7e]+$/.test(name)) return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}" <${addr}>`;
  return `${encodedWords(name)} <${addr}>`;
}

/** The address of `portal@x` or `Name <portal@x>` (a configured sender may carry a name already). */
function bareAddress(address: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(address);
  return (angle?.[1] ?? address).trim();
}

const maxWordBytes = 45; // 45 bytes → 60 base64 characters; with `=?UTF-8?B?` and `?=`, 72 ≤ 75.

function encodedWords(name: string): string {
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk = '';
  for (const char of name) {
    if (encoder.encode(chunk + char).length > maxWordBytes) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}
