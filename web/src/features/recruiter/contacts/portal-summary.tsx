import { formatDate } from '../../../lib/format.ts';
import type { Contact } from '../queries.ts';
import { PortalStatusBadge } from './portal-status-badge.tsx';
import { accessEnded } from './portal-words.ts';

/** The contact's Client Portal status in a sentence, beside its badge. */
export function PortalSummary({ contact }: { contact: Contact }) {
  const { portal, firstName } = contact;
  const expires = portal.invitationExpiresAt ? formatDate(portal.invitationExpiresAt) : undefined;
  const sentence = {
    none: 'Not invited to the Client Portal.',
    invited: `Invitation sent${expires ? `; the link works until ${expires}` : ''}.`,
    expired: `The invitation expired${expires ? ` on ${expires}` : ''}. Re-send it to give ${firstName} a new link.`,
    active: `${firstName} has joined and can log in to the Client Portal.`,
    deactivated: `${portal.deactivatedCause ? accessEnded(portal.deactivatedCause) : 'Access ended'}.${
      portal.eligible ? ` ${firstName} can be invited again.` : ''
    }`,
  }[portal.status];
  return (
    <div className="portal-summary">
      <PortalStatusBadge portal={portal} />
      <p>{sentence}</p>
    </div>
  );
}
