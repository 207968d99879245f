import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountPatch } from '@shared/api/schemas/crm.ts';
import { api, unwrap } from '../../../lib/api/client.ts';
import { crmKeys } from '../queries.ts';

/** PATCH /crm/account; the add-on changes every contact's eligibility and every job's shareability. */
export function useAccountUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountPatch) => unwrap(api.PATCH('/crm/account', { body })),
    onSuccess: async (account, body) => {
      queryClient.setQueryData(crmKeys.account, account);
      if (body.portalEnabled !== undefined)
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: crmKeys.contacts.all }),
          queryClient.invalidateQueries({ queryKey: crmKeys.jobs.all }),
        ]);
    },
  });
}
