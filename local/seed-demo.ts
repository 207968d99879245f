/**
 * The demo agency, created through the HTTP API like a recruiter would (so it exercises the real
 * handlers and their rules). It is the cast of the README's walk-through: Northwind Talent and its
 * client Acme Robotics, whose Ada Lovelace is not invited yet, with one job shared to the portal
 * and two candidates on it (one already shortlisted, with a remark the client may read).
 */
export const demoAccount = {
  accountId: 'demo-agency',
  email: 'admin@northwind-talent.example',
  role: 'admin',
  name: 'Morgan Reyes',
} as const;

export interface SeedResult {
  skipped: boolean;
  /** A contact that can be invited right away (for the "try it" hint); absent when skipped. */
  invitableContactId?: string;
  counts?: Record<string, number>;
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ id: string } & Record<string, unknown>>;

function client(appUrl: string, token: string): Call {
  return async (method, path, body) => {
    // Bounded: a handler that hangs must fail the seed, not the start-up.
    const res = await fetch(`${appUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      throw new Error(`${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : {};
  };
}

export async function seedDemoAgency(appUrl: string, token: string): Promise<SeedResult> {
  const call = client(appUrl, token);
  // Idempotent enough for --persist: an account with organizations was seeded before.
  const existing = (await call('GET', '/crm/organizations?limit=1')) as unknown as { items: unknown[] };
  if (existing.items.length > 0) return { skipped: true };

  await call('PATCH', '/crm/account', {
    portalEnabled: true,
    portalName: 'Northwind Talent',
    notificationEmail: 'recruiting@northwind-talent.example',
  });
  const acme = await call('POST', '/crm/organizations', { name: 'Acme Robotics' });
  const globex = await call('POST', '/crm/organizations', { name: 'Globex Logistics' });

  const contact = (firstName: string, lastName: string, email: string | null, organizationId?: string) =>
    call('POST', '/crm/contacts', {
      firstName,
      lastName,
      email,
      ...(organizationId ? { organizationId } : {}),
    });
  const ada = await contact('Ada', 'Lovelace', 'ada.lovelace@acme-robotics.example', acme.id);
  await contact('Grace', 'Hopper', 'grace.hopper@acme-robotics.example', acme.id);
  const hedy = await contact('Hedy', 'Lamarr', 'hedy.lamarr@globex.example', globex.id);
  await contact('Alan', 'Turing', 'alan.turing@freelance.example');

  const job = (
    title: string,
    description: string,
    organizationId: string,
    primaryContactId: string,
    location: string,
  ) => call('POST', '/crm/jobs', { title, description, organizationId, primaryContactId, location });
  const robotics = await job(
    'Senior Robotics Engineer',
    'Design motion control for our next warehouse robot.',
    acme.id,
    ada.id,
    'Berlin',
  );
  const warehouse = await job(
    'Warehouse Operations Lead',
    'Run a 40-person night shift.',
    globex.id,
    hedy.id,
    'Rotterdam',
  );
  // One shared job, so the portal has something to show once a contact has joined.
  await call('PUT', `/crm/jobs/${robotics.id}/portal-share`);

  const candidate = (firstName: string, lastName: string, headline: string) =>
    call('POST', '/crm/candidates', {
      firstName,
      lastName,
      email: `${firstName}.${lastName}@candidates.example`.toLowerCase(),
      headline,
      summary: `${firstName} ${lastName}: ${headline.toLowerCase()}, available in four weeks.`,
    });
  const katherine = await candidate('Katherine', 'Johnson', 'Control systems engineer');
  const margaret = await candidate('Margaret', 'Hamilton', 'Embedded software lead');
  const claude = await candidate('Claude', 'Shannon', 'Operations manager');
  const submissions: Record<string, string> = {};
  for (const [jobId, candidateId] of [
    [robotics.id, katherine.id],
    [robotics.id, margaret.id],
    [warehouse.id, claude.id],
  ] as const) {
    submissions[candidateId] = (await call('POST', `/crm/jobs/${jobId}/submissions`, { candidateId })).id;
  }
  await call('PATCH', `/crm/jobs/${robotics.id}/submissions/${submissions[margaret.id]}`, {
    stage: 'shortlisted',
    remark: 'Led the flight software team; available from March.',
    remarkVisibility: 'client',
  });
  return {
    skipped: false,
    invitableContactId: ada.id,
    counts: { organizations: 2, contacts: 4, jobs: 2, candidates: 3, submissions: 3 },
  };
}
