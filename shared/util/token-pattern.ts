/** A token as it may arrive in a URL or body: base64url of 32 bytes. No Node import: the web app reads it too. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
