import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { newAccountId } from '../../support/api.ts';

/**
 * A bounded poll long enough for a cold local stack (each handler loads on its first request, which
 * can take seconds on a busy 2-core machine); expect.poll's default is one second.
 */
export const eventually = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 10_000, interval: 100 });

export interface RecruiterIdentity {
  accountId: string;
  email: string;
  name: string;
  role: 'admin' | 'recruiter';
}

/** A recruiter of a fresh agency (its add-on off, as every new account starts). */
export function newRecruiter(overrides: Partial<RecruiterIdentity> = {}): RecruiterIdentity {
  const accountId = overrides.accountId ?? newAccountId();
  return { accountId, email: `rita@${accountId}.test`, name: 'Rita Recruiter', role: 'admin', ...overrides };
}

/** Opens /recruiter and signs in with the local form, as a person types it. */
export async function signInLocally(page: Page, who: RecruiterIdentity, path = '/recruiter'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Account ID').fill(who.accountId);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Role').selectOption(who.role);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await eventually(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
}

/** The console's main navigation. */
export const consoleNav = (page: Page) => page.getByRole('navigation', { name: 'Recruiter console' });

/** Opens a section of the console by its navigation link. */
export async function openSection(page: Page, name: string | RegExp): Promise<void> {
  await consoleNav(page).getByRole('link', { name }).click();
}

/** The More actions menu of the page: opened, and its item names. */
export async function moreActions(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu', { name: 'More actions' });
  await eventually(() => menu.isVisible()).toBe(true);
  return menu.getByRole('menuitem').allTextContents();
}
