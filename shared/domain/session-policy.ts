/**
 * How long a portal session lives. Clients log in with e-mailed links, so sessions are generous
 * but bounded: idle for a day, a week at most. Both are checked in code on every request (TTL
 * deletion can lag by up to 48 hours and never happens in DynamoDB Local).
 */
export const sessionPolicy = {
  idleMs: 24 * 3_600_000,
  absoluteMs: 7 * 24 * 3_600_000,
  /**
   * An expired or ended session (and its cookie) is kept this much longer, so that its holder
   * hears why it no longer works (docs/portal-errors.md); it grants nothing meanwhile.
   */
  rememberedForMs: 7 * 24 * 3_600_000,
  /** Sliding the idle expiry costs a write; do it at most this often per session. */
  touchEveryMs: 10 * 60_000,
  loginLinkMs: 15 * 60_000,
  cookieName: 'portal_session',
} as const;
