import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sessionCreate } from '../../shared/api/schemas/portal.ts';
import {
  loginCodeHash,
  loginCodePolicy,
  matchLoginCode,
  newLoginCodes,
} from '../../shared/domain/login-codes.ts';
import { magicLinkEmail } from '../../shared/email/templates/login-link.ts';

const requestId = 'R'.repeat(43);
const key = 'k'.repeat(64);

describe('B24 login codes', () => {
  it('B24 codes are 6 digits, leading zeros kept, distinct within one request', () => {
    const codes = newLoginCodes(500);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('B24 the stored hash is keyed and bound to its request: neither key nor request can be swapped', () => {
    const hash = loginCodeHash(key, 'req-a', '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(loginCodeHash(key, 'req-a', '123456'));
    expect(hash).not.toBe(loginCodeHash('x'.repeat(64), 'req-a', '123456'));
    expect(hash).not.toBe(loginCodeHash(key, 'req-b', '123456'));
    expect(hash).not.toBe(createHash('sha256').update('123456').digest('hex'));
  });

  it('B24 a code matches its own entry only, and the comparison looks at every entry', () => {
    const entries = ['111111', '222222', '333333'].map((code, i) => ({
      codeHash: loginCodeHash(key, 'req', code),
      agency: i,
    }));
    expect(matchLoginCode(entries, loginCodeHash(key, 'req', '222222'))?.agency).toBe(1);
    expect(matchLoginCode(entries, loginCodeHash(key, 'req', '444444'))).toBeUndefined();
    expect(matchLoginCode([], loginCodeHash(key, 'req', '111111'))).toBeUndefined();
    expect(loginCodePolicy.maxAttempts).toBe(5);
  });

  it('B24 POST /portal/sessions takes a token, or a login request and a code typed with spaces', () => {
    expect(sessionCreate.parse({ token: 'T'.repeat(43) })).toEqual({ token: 'T'.repeat(43) });
    for (const typed of ['123456', ' 123 456 ', '12 34 56', '123-456', '\t123456\n'])
      expect(sessionCreate.parse({ loginRequestId: requestId, code: typed })).toEqual({
        loginRequestId: requestId,
        code: '123456',
      });
    for (const bad of ['12345', '1234567', '12345a', '１２３４５６', '', 'x'.repeat(40)])
      expect(sessionCreate.safeParse({ loginRequestId: requestId, code: bad }).success).toBe(false);
    expect(
      sessionCreate.safeParse({ token: 'T'.repeat(43), loginRequestId: requestId, code: '123456' }).success,
    ).toBe(false);
  });
});

describe('B24 login e-mail', () => {
  const one = magicLinkEmail({
    to: 'ada@client.test',
    links: [
      {
        agencyName: 'Northwind <Talent>',
        organizationName: 'Acme',
        url: 'https://p.test/l?token=t1',
        code: '042917',
      },
    ],
  });

  it('B24 the subject names the login code; the code stands beside the link in both parts', () => {
    expect(one.subject).toBe('Your login code for Northwind <Talent>: 042917');
    expect(one.text).toContain('Login code: 042917\nLink: https://p.test/l?token=t1');
    expect(one.html).toContain('>042917</p>');
    expect(one.html).toContain('Northwind &lt;Talent&gt;');
    expect(one.html).not.toContain('<Talent>');
  });

  it('B24 several agencies: one code and one link each, and a subject without codes', () => {
    const two = magicLinkEmail({
      to: 'ada@client.test',
      links: [
        { agencyName: 'First', organizationName: 'Acme', url: 'https://p.test/l?token=a', code: '111111' },
        { agencyName: 'Second', organizationName: 'Beta', url: 'https://p.test/l?token=b', code: '222222' },
      ],
    });
    expect(two.subject).toBe('Your Client Portal login codes and links');
    expect(two.text).toContain('First (Acme)\nLogin code: 111111');
    expect(two.text).toContain('Second (Beta)\nLogin code: 222222');
  });
});
