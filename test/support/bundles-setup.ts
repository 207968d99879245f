import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFunctionBundles } from '../../lib/build/function-bundles.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the infra run built every function, once, as `cdk synth` does. */
    functionBundlesDir: string;
  }
}

/** One build of all functions for the whole infra run: the apps under test use these real assets. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'function-bundles-'));
  await buildFunctionBundles(dir);
  project.provide('functionBundlesDir', dir);
  console.log(`functions built in ${Date.now() - started} ms into ${dir}`);
  return () => rmSync(dir, { recursive: true, force: true });
}
