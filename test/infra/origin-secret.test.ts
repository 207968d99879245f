import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalStacks } from '../../lib/portal-app.ts';
import { routeList } from '../../shared/api/routes.ts';
import { envNames } from '../../shared/config/env.ts';
import { buildTestApp, resourcesOf, routeTemplate, statementsOf, wiringOf } from './app-fixture.ts';

let stacks: PortalStacks;

beforeAll(() => {
  ({ stacks } = buildTestApp());
});

/** The export name of the origin secret as the Web stack's dynamic reference imports it. */
function importedByCloudFront(s: PortalStacks): string {
  const json = JSON.stringify(Template.fromStack(s.web).toJSON());
  const match = /\{\{resolve:secretsmanager:","?\{"Fn::ImportValue":"([^"]+)"\}/.exec(json);
  if (!match) throw new Error('The Web stack has no origin secret reference');
  return match[1]!;
}

describe('direct calls to the API endpoint are refused: every API function checks the origin header', () => {
  it('gives every route function the origin secret of the Api stack, and the right to read it', () => {
    const secretExport = importedByCloudFront(stacks);
    expect(secretExport).toMatch(/^ClientPortal-dev-Api:.*OriginSecret/);
    for (const route of routeList) {
      const template = routeTemplate(stacks, route);
      const { fn } = wiringOf(template, route);
      const env = fn.Properties!.Environment.Variables as Record<string, unknown>;
      // The same secret CloudFront sends; there is no setting that turns the check off.
      expect(env[envNames.originSecretArn], route.id).toEqual({ 'Fn::ImportValue': secretExport });
      expect(env[envNames.originSecret], route.id).toBeUndefined();
      const reads = statementsOf(template, fn).filter((s) =>
        [s.Action].flat().includes('secretsmanager:GetSecretValue'),
      );
      expect(reads.flatMap((s) => [s.Resource].flat())).toContainEqual({ 'Fn::ImportValue': secretExport });
    }
  });

  it('keeps the setting away from event handlers, which no viewer can call', () => {
    const pipeline = Template.fromStack(stacks.pipeline);
    for (const fn of Object.values(resourcesOf(pipeline, 'AWS::Lambda::Function'))) {
      const env = (fn.Properties?.Environment?.Variables ?? {}) as Record<string, unknown>;
      expect(Object.keys(env).filter((k) => k.startsWith('ORIGIN_'))).toEqual([]);
    }
  });

  it('pins the secret version CloudFront sends when a rotation names one', () => {
    const versionId = 'a1b2c3d4-5678-90ab-cdef-111122223333';
    const { stacks: rotated } = buildTestApp({}, { originSecretVersion: versionId });
    expect(JSON.stringify(Template.fromStack(rotated.web).toJSON())).toContain(
      `:SecretString:::${versionId}}}`,
    );
    expect(() => buildTestApp({}, { originSecretVersion: 'AWSCURRENT}}x' })).toThrow(/originSecretVersion/);
  });
});

describe('portalBaseUrl', () => {
  const baseUrls = (s: PortalStacks) =>
    routeList
      .map(
        (r) => wiringOf(routeTemplate(s, r), r).fn.Properties!.Environment.Variables[envNames.portalBaseUrl],
      )
      .filter((v) => v !== undefined);

  it("defaults to the distribution's own https address, in every function that builds links", () => {
    const urls = baseUrls(stacks);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls)
      expect(url).toEqual({
        'Fn::Join': [
          '',
          ['https://', { 'Fn::ImportValue': expect.stringMatching(/^ClientPortal-dev-Web:.*DomainName/) }],
        ],
      });
  });

  it('takes an explicit -c portalBaseUrl as is, and the Web stack keeps exporting its address', () => {
    const { stacks: custom } = buildTestApp({}, { portalBaseUrl: 'https://portal.agency.com/' });
    expect(new Set(baseUrls(custom))).toEqual(new Set(['https://portal.agency.com']));
    const outputs = Template.fromStack(custom.web).toJSON().Outputs as Record<string, { Export?: unknown }>;
    expect(Object.entries(outputs).some(([id, o]) => id.includes('DomainName') && o.Export)).toBe(true);
  });

  it('needs no cycle: the Web stack takes only from the Api stack (and follows the WAF stack), and the functions from the Web stack', () => {
    const names = (deps: { stackName: string }[]) => deps.map((d) => d.stackName);
    expect(names(stacks.web.dependencies).sort()).toEqual(['ClientPortal-dev-Api', 'ClientPortal-dev-Waf']);
    for (const stack of [...Object.values(stacks.routes), stacks.pipeline])
      expect(names(stack.dependencies), stack.stackName).toContain('ClientPortal-dev-Web');
  });
});

describe('the built web app', () => {
  it('must exist before synth, and the error says how to build it', () => {
    expect(() => buildTestApp({}, { webDist: '/nonexistent/web/dist' })).toThrow(/npm run build:web/);
    expect(() => buildTestApp({}, { webDist: 'no-such-folder' })).toThrow(/no-such-folder\/index\.html/);
  });
});
