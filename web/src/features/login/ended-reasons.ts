/** Why the last visit ended, by the API's 401 code: what the login page tells the person. */
export const endedReasons: Record<string, { title: string; text: string }> = {
  session_expired: {
    title: 'Your session has ended',
    text: 'For your security, sessions end after a day without activity or after a week. Log in again to continue.',
  },
  access_removed: {
    title: 'Your access to the Client Portal was removed',
    text: 'Your recruiting agency has changed or removed your contact record, so this portal account no longer works. If you still need access, ask your recruiter to invite you again.',
  },
  portal_unavailable: {
    title: 'The Client Portal is switched off',
    text: 'Your recruiting agency has switched its Client Portal off for now. Ask your recruiter when it will be back.',
  },
  not_logged_in: { title: 'Please log in', text: 'Log in to open the Client Portal.' },
  logged_out: { title: 'You are logged out', text: 'Log in again whenever you like.' },
};

export const endedReason = (code: string | null) =>
  code ? (endedReasons[code] ?? endedReasons.not_logged_in) : undefined;
