import { describe, expect, it } from 'vitest';
import { portalLinks } from '../../shared/email/links.ts';
import { invitationEmail } from '../../shared/email/templates/invitation.ts';

describe('B4 invitation e-mail', () => {
  const mail = invitationEmail({
    to: 'ada@client.test',
    firstName: '<b>Ada</b>',
    agencyName: 'Northwind & "Partners"',
    organizationName: '<script>alert(1)</script>',
    link: portalLinks.signup('tok_EN-123'),
    expiresAt: '2026-11-29T12:00:00.000Z',
  });

  it('B4 greets by first name, names agency and organization, links to /signup?token= from configuration', () => {
    expect(mail.text).toContain('Hi <b>Ada</b>,');
    expect(mail.text).toContain('Northwind & "Partners" invited you');
    expect(mail.text).toContain('Join Client Portal: https://portal.agency.test/signup?token=tok_EN-123');
    expect(mail.html).toContain('>Join Client Portal</a>');
    expect(mail.html).toContain('href="https://portal.agency.test/signup?token=tok_EN-123"');
  });

  it('B4 escapes user-supplied text in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Ada</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Northwind &amp; &quot;Partners&quot;');
  });
});
