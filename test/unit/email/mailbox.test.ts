import { describe, expect, it } from 'vitest';
import { mailbox } from '../../../shared/email/mailbox.ts';

const words = (header: string) => header.match(/=\?UTF-8\?B\?[^?]+\?=/g) ?? [];
const decoded = (header: string) =>
  words(header)
    .map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8'))
    .join('');

describe('the From mailbox names the agency safely (RFC 5322, RFC 2047)', () => {
  it('a plain name is a quoted display name before the address', () => {
    expect(mailbox('Acme Recruiting', 'portal@mail.example')).toBe('"Acme Recruiting" <portal@mail.example>');
  });

  it('no name, or only spaces and control characters, leaves the bare address', () => {
    expect(mailbox(undefined, 'portal@mail.example')).toBe('portal@mail.example');
    expect(mailbox(' \r\n\t ', 'portal@mail.example')).toBe('portal@mail.example');
  });

  it('a configured sender that already has a name keeps only its address', () => {
    expect(mailbox('Acme', 'Old Name <portal@mail.example>')).toBe('"Acme" <portal@mail.example>');
  });

  it('quotes and backslashes are escaped; CR, LF and other controls become one space', () => {
    expect(mailbox('A "B" \\ C', 'p@x.example')).toBe('"A \\"B\\" \\\\ C" <p@x.example>');
    expect(mailbox('Acme\r\nBcc: v@x.example\u0000', 'p@x.example')).toBe(
      '"Acme Bcc: v@x.example" <p@x.example>',
    );
  });

  it('a name beyond ASCII becomes encoded words of at most 75 characters, never splitting a character', () => {
    const name = '株式会社リクルート・タレント・パートナーズ東京本社人材紹介事業部';
    const header = mailbox(name, 'p@x.example');
    expect(header.endsWith(' <p@x.example>')).toBe(true);
    expect(words(header).length).toBeGreaterThan(1);
    for (const w of words(header)) expect(w.length).toBeLessThanOrEqual(75);
    expect(decoded(header)).toBe(name);
    expect(decoded(mailbox('Zoë 🙂 Recruiting', 'p@x.example'))).toBe('Zoë 🙂 Recruiting');
  });
});
