import { Badge } from '../../../components/ui/feedback.tsx';
import type { ContactPortal } from '../queries.ts';
import { statusLabels, statusTones } from './portal-words.ts';

/** The contact's Client Portal status, as a badge with words (colour is never the only sign). */
export function PortalStatusBadge({ portal }: { portal: ContactPortal }) {
  return (
    <Badge tone={statusTones[portal.status]}>
      <span className="visually-hidden">Client Portal: </span>
      {statusLabels[portal.status]}
    </Badge>
  );
}
