/** Every user-supplied string that reaches an e-mail's HTML goes through here. */
export const escapeHtml = (value: string): string =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** A plain, widely rendered e-mail layout; `body` must already be escaped HTML. */
export const layout = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif;color:#1f2933">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">${body}</div>
</body></html>`;

/** A button that survives e-mail clients (a styled link, not a form). `href` is built by us, then escaped. */
export const button = (label: string, href: string): string =>
  `<p style="margin:28px 0"><a href="${escapeHtml(href)}" style="background:#2f5bea;color:#ffffff;text-decoration:none;padding:12px 22px;border-radius:6px;font-weight:bold;display:inline-block">${escapeHtml(label)}</a></p>`;
