/**
 * The portal: invitations, sign-up, login links and sessions — five public routes (the CSRF guard
 * still applies to their POSTs) — and the signed-in user.
 */
import { loginLinkRequest, sessionCreate, signup as signupBody, tokenParams } from '../schemas/portal.ts';
import { type Route, read, write } from './route.ts';

export const getInvitation = {
  id: 'portal/get-invitation',
  method: 'GET',
  path: '/portal/invitations/{token}',
  auth: 'public',
  status: 200,
  summary: 'Who is invited; consumes nothing (B5)',
  params: tokenParams,
  access: read,
} satisfies Route;

export const signup = {
  id: 'portal/sign-up',
  method: 'POST',
  path: '/portal/signup',
  auth: 'public',
  status: 201,
  summary: 'Accept an invitation: portal user, session cookie, login-link e-mail (B5, B6)',
  body: signupBody,
  access: { table: 'readWrite', email: true },
} satisfies Route;

export const requestLoginLinks = {
  id: 'portal/request-login-links',
  method: 'POST',
  path: '/portal/login-links',
  auth: 'public',
  status: 202,
  summary: 'E-mail login links and codes; answers the login request id, alike for every address (B7, B24)',
  body: loginLinkRequest,
  access: { table: 'readWrite', events: true },
} satisfies Route;

export const getLoginLink = {
  id: 'portal/get-login-link',
  method: 'GET',
  path: '/portal/login-links/{token}',
  auth: 'public',
  status: 200,
  summary: 'Check a login link; consumes nothing (B7)',
  params: tokenParams,
  access: read,
} satisfies Route;

export const createSession = {
  id: 'portal/create-session',
  method: 'POST',
  path: '/portal/sessions',
  auth: 'public',
  status: 201,
  summary:
    'Log in with a login link, or a login request and its code: consumes both, sets the session cookie (B7, B24)',
  body: sessionCreate,
  access: { table: 'readWrite', loginCode: true },
} satisfies Route;

export const deleteSession = {
  id: 'portal/delete-session',
  method: 'DELETE',
  path: '/portal/sessions/current',
  auth: 'session',
  status: 204,
  summary: 'Log out',
  access: write,
} satisfies Route;

export const me = {
  id: 'portal/get-me',
  method: 'GET',
  path: '/portal/me',
  auth: 'session',
  status: 200,
  summary: 'The signed-in user, organization and agency',
  access: read,
} satisfies Route;
