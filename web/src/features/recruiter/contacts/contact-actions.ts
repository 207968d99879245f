import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client.ts';
import { crmKeys } from '../queries.ts';

/** The contact's Client Portal actions; each refreshes the contact (its lists too) and its audit. */
export function useContactActions(contactId: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { contactId } } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: crmKeys.contacts.all });
  const options = { onSettled: refresh };
  return {
    invite: useMutation({
      mutationFn: () => unwrap(api.POST('/crm/contacts/{contactId}/portal-invitation', path)),
      ...options,
    }),
    revokeInvitation: useMutation({
      mutationFn: () => unwrap(api.DELETE('/crm/contacts/{contactId}/portal-invitation', path)),
      ...options,
    }),
    revokeAccess: useMutation({
      mutationFn: () => unwrap(api.DELETE('/crm/contacts/{contactId}/portal-access', path)),
      ...options,
    }),
    remove: useMutation({
      mutationFn: () => unwrap(api.DELETE('/crm/contacts/{contactId}', path)),
      onSuccess: () => {
        queryClient.removeQueries({ queryKey: crmKeys.contacts.one(contactId), exact: true });
        return queryClient.invalidateQueries({ queryKey: crmKeys.contacts.all });
      },
    }),
  };
}
