import { Link } from 'wouter';
import type { Contact } from '../queries.ts';
import { reasonWords } from './portal-words.ts';

/**
 * B2: why the contact cannot be invited, and what fixes it. The fixes that are edits open the
 * contact form; the add-on is switched in the settings.
 */
export function EligibilityNotice({ contact, onEdit }: { contact: Contact; onEdit(): void }) {
  const reasons = contact.portal.reasons.filter((r) => r !== 'already_active');
  if (contact.portal.reasons.includes('already_active') && reasons.length === 0)
    return (
      <p className="hint">
        {reasonWords('already_active', contact).why} There is nothing to invite to; to end the access, choose{' '}
        <strong>Revoke portal access</strong> under More actions.
      </p>
    );
  if (contact.portal.eligible || reasons.length === 0) return null;
  return (
    <div className="notice notice-warn" aria-labelledby="not-invitable">
      <p className="notice-title" id="not-invitable">
        {contact.firstName} cannot be invited to the Client Portal yet
      </p>
      <ul className="reasons">
        {reasons.map((reason) => {
          const { why, fix } = reasonWords(reason, contact);
          return (
            <li key={reason}>
              {why}{' '}
              {reason === 'portal_disabled' ? (
                <Link href="/settings">{fix}</Link>
              ) : (
                <button type="button" className="link-button" onClick={onEdit}>
                  {fix}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
