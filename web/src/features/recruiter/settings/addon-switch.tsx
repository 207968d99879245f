import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { ErrorMessage, StatusMessage } from '../../../components/ui/feedback.tsx';
import type { Account } from '../queries.ts';
import { useAccountUpdate } from './use-account-update.ts';

/** B1: the Client Portal add-on, a switch that acts at once (switching off asks first). */
export function AddonSwitch({ account }: { account: Account }) {
  const update = useAccountUpdate();
  const [confirmOff, setConfirmOff] = useState(false);
  const [news, setNews] = useState<string>();
  // The state asked for, shown at once (in the same event as the click) until the answer is in.
  const [asked, setAsked] = useState<boolean>();
  const set = (portalEnabled: boolean) => {
    setNews(undefined);
    setAsked(portalEnabled);
    update.mutate(
      { portalEnabled },
      {
        onSuccess: () =>
          setNews(portalEnabled ? 'The Client Portal add-on is on.' : 'The Client Portal add-on is off.'),
        onSettled: () => {
          setAsked(undefined);
          setConfirmOff(false);
        },
      },
    );
  };
  return (
    <section aria-labelledby="addon-title">
      <h2 id="addon-title">Client Portal add-on</h2>
      {news ? <StatusMessage>{news}</StatusMessage> : null}
      {update.isError ? (
        <ErrorMessage title="The add-on was not changed">{update.error.message}</ErrorMessage>
      ) : null}
      <div className="switch-field">
        <input
          id="addon-switch"
          type="checkbox"
          role="switch"
          // Optimistic: the switch shows the state asked for while the change is saved.
          checked={asked ?? account.portalEnabled}
          disabled={update.isPending}
          aria-describedby="addon-hint"
          onChange={(e) => (e.target.checked ? set(true) : setConfirmOff(true))}
        />
        <label htmlFor="addon-switch">Client Portal</label>
      </div>
      <p className="hint" id="addon-hint">
        While it is on, you can invite contacts and share jobs, and invited clients log in to see them. While
        it is off, clients cannot log in.
      </p>
      <ConfirmDialog
        open={confirmOff}
        title="Switch the Client Portal off?"
        confirmLabel="Switch off"
        busy={update.isPending}
        onConfirm={() => set(false)}
        onCancel={() => setConfirmOff(false)}
      >
        <p>
          Every client is logged out at once and cannot log in until you switch it on again. No one can be
          invited and no job can be shared meanwhile.
        </p>
      </ConfirmDialog>
    </section>
  );
}
