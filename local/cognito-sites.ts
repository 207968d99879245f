import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { type CognitoAuthConfig, cognitoAuthConfig, siteSecurityHeaders } from '../lib/auth-config.ts';
import { errorBody } from '../shared/http/error-body.ts';
import { fieldDetails } from '../shared/http/parse-request.ts';
import { assertConnectOrigin } from '../shared/http/security-headers.ts';
import { localJson } from './lambda-result.ts';
import type { LocalRouteHandler } from './local-routes.ts';
import { localHost } from './ports.ts';

/**
 * The same stack behind another front door, set up the way the Web stack sets up a deployment with
 * Cognito sign-in: its `/auth-config.json` is lib/auth-config.ts `cognitoAuthConfig` for that
 * domain and client (callback and logout URLs on the new site's own origin), and every answer
 * carries `siteSecurityHeaders` of it — the CSP whose `connect-src` names the sign-in domain, built
 * by the function CloudFront's response headers policy is built from.
 *
 * Routes, handlers, data and the JWT authorizer are the stack's own: the API still accepts only
 * tokens of the local issuer, so a stand-in for Cognito must sign with that key (the browser tests'
 * fake does, test/support/fake-cognito.ts). Nothing of this exists in AWS, where one deployment has
 * one sign-in configuration.
 */
export interface CognitoSite {
  /** `http://localhost:<port>`: the site's origin. */
  url: string;
  authConfig: CognitoAuthConfig;
  close(): Promise<void>;
}

export interface CognitoSiteFactory {
  /** A server answering like the stack's own, with this site's `/auth-config.json` and headers. */
  (site: { authConfig: () => CognitoAuthConfig; headers: Readonly<Record<string, string>> }): Server;
}

const siteRequest = z
  .object({
    /** The sign-in domain: an origin (https, or http on loopback for a stand-in). */
    domain: z.string().refine((value) => {
      try {
        assertConnectOrigin(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be an origin: https://host, or http://localhost:<port> / http://127.0.0.1:<port>'),
    clientId: z.string().regex(/^[\w-]{1,128}$/, 'must be 1–128 letters, digits, _ or -'),
  })
  .strict();

const json = localJson;

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export function createCognitoSites(newServer: CognitoSiteFactory) {
  const open = new Map<number, CognitoSite>();

  async function openSite(input: { domain: string; clientId: string }): Promise<CognitoSite> {
    // Known once the server listens: its URLs are on the site's own origin.
    const settings: { authConfig?: CognitoAuthConfig } = {};
    const domain = assertConnectOrigin(input.domain.replace(/\/+$/, ''));
    const server = newServer({
      authConfig: () => {
        if (!settings.authConfig) throw new Error('The Cognito site is not listening yet');
        return settings.authConfig;
      },
      headers: siteSecurityHeaders({ domain }),
    });
    server.listen(0, localHost);
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    const authConfig = cognitoAuthConfig({ domainUrl: domain, clientId: input.clientId, portalBaseUrl: url });
    settings.authConfig = authConfig;
    const site: CognitoSite = {
      url,
      authConfig,
      close: async () => {
        open.delete(port);
        await closeServer(server);
      },
    };
    open.set(port, site);
    return site;
  }

  /** `POST /_local/cognito-sites` {domain, clientId} → 201 {url, authConfig}; `DELETE /_local/cognito-sites/<port>`. */
  const routes: LocalRouteHandler = async (method, path, body) => {
    if (method === 'POST' && path === '/_local/cognito-sites') {
      let input: unknown;
      try {
        input = JSON.parse(body ?? '');
      } catch {
        return json(400, errorBody('invalid_json', 'The request body is not valid JSON.'));
      }
      const parsed = siteRequest.safeParse(input);
      if (!parsed.success)
        return json(
          400,
          errorBody('validation_failed', 'The request body is not valid.', fieldDetails(parsed.error)),
        );
      const site = await openSite(parsed.data);
      return json(201, { url: site.url, authConfig: site.authConfig });
    }
    const port = /^\/_local\/cognito-sites\/(\d{1,5})$/.exec(path)?.[1];
    if (method === 'DELETE' && port !== undefined) {
      const site = open.get(Number(port));
      if (!site) return json(404, errorBody('not_found', 'No Cognito site on that port.'));
      await site.close();
      return { statusCode: 204, headers: {}, cookies: [], body: Buffer.alloc(0) };
    }
    return undefined;
  };

  return {
    open: openSite,
    routes,
    closeAll: () => Promise.all([...open.values()].map((site) => site.close())).then(() => undefined),
  };
}
