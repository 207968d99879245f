/** Events on the project's own bus: one source, detail types named in the past tense. */
export const eventSource = 'client-portal';

export const detailTypes = {
  loginLinksRequested: 'LoginLinksRequested',
} as const;

export interface LoginLinksRequested {
  email: string;
  requestedAt: string;
}
