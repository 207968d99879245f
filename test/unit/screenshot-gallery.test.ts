import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const gallery = readFileSync(`${dir}README.md`, 'utf8');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.png'))
  .sort();
/** Every png the gallery points at (images and links, relative to docs/screenshots/). */
const named = [...new Set([...gallery.matchAll(/\]\(([^)\s]+\.png)\)/g)].map((m) => m[1] as string))].sort();
/** The gallery's rows: `| \`state\` | caption | phone | desktop |`. */
const rows = [...gallery.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]*) \|(.*)$/gm)].map(
  ([, state, caption, rest]) => ({
    state: state as string,
    caption: (caption as string).trim(),
    rest: rest as string,
  }),
);

describe('docs/screenshots/README.md, the screenshot gallery', () => {
  it('G3 shows every screenshot in docs/screenshots, and names none that is not there', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(
      files.filter((f) => !named.includes(f)),
      'screenshots missing from the gallery',
    ).toEqual([]);
    expect(
      named.filter((f) => !files.includes(f)),
      'gallery entries without a file',
    ).toEqual([]);
  });

  it('G3 has one row per state with a caption and both widths', () => {
    const states = [...new Set(files.map((f) => f.replace(/-(390|1280)\.png$/, '')))];
    expect(rows.map((r) => r.state).sort()).toEqual(states.sort());
    for (const { state, caption, rest } of rows) {
      expect(caption, state).not.toBe('');
      expect(rest, state).toContain(`(${state}-390.png)`);
      expect(rest, state).toContain(`(${state}-1280.png)`);
    }
  });

  it('the README links the gallery, and every screenshot it shows exists', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    expect(readme).toContain('(docs/screenshots/README.md)');
    const shown = [...readme.matchAll(/\(docs\/screenshots\/([^)\s]+\.png)\)/g)].map((m) => m[1] as string);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((f) => !files.includes(f))).toEqual([]);
  });
});
