import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { email, longText, name, optionalName } from '../../../shared/api/schemas/common.ts';
import { textMessages } from '../../../shared/api/schemas/text.ts';

const refusal = (schema: z.core.$ZodType, value: string) => {
  const result = z.safeParse(schema, value);
  return result.success ? undefined : result.error.issues[0]?.message;
};
const accepted = (schema: z.core.$ZodType, value: string) => z.safeParse(schema, value).data;

const hex = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const c0 = range(0x00, 0x1f);
const c1 = range(0x80, 0x9f);
const del = '\u007f';
const bidi = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const fine = [
  'Ada Lovelace',
  'Zoë Ærøskøbing-Ñúñez',
  'Łódź',
  '株式会社',
  'مريم',
  '🙂 Team 👩‍💻',
  'O’Brien & Co.',
];

describe('single-line fields (names, titles, portal name, location, phone)', () => {
  it('single-line fields refuse CR, LF and NUL with a sentence a person can act on', () => {
    for (const bad of ['Ada\rLovelace', 'Ada\nLovelace', 'Ada\r\nBcc: x@y.example', 'Ada\u0000'])
      expect(refusal(name, bad)).toBe(textMessages.singleLine);
  });

  it.each([
    ['every C0 control, TAB included', c0],
    ['DEL', [del]],
    ['every C1 control (U+0080–U+009F)', c1],
    ['the line and paragraph separators U+2028, U+2029', ['\u2028', '\u2029']],
  ])('single-line fields refuse %s, anywhere in the value', (_family, chars) => {
    for (const c of chars)
      for (const value of [`a${c}b`, `${c}ab`, `ab${c}`])
        expect(refusal(name, value), `${hex(c)} in ${JSON.stringify(value)}`).toBe(textMessages.singleLine);
  });

  it('single-line fields refuse bidi embeddings, overrides and isolates', () => {
    for (const c of bidi) expect(refusal(name, `invoice${c}fdp.exe`), hex(c)).toBe(textMessages.direction);
  });

  it('a leading or trailing line break is refused, not trimmed away; spaces are trimmed', () => {
    expect(refusal(name, '\nAda')).toBe(textMessages.singleLine);
    expect(refusal(name, 'Ada\t')).toBe(textMessages.singleLine);
    expect(accepted(name, '  Ada  ')).toBe('Ada');
  });

  it('single-line fields accept accented letters, other scripts and emoji (surrogate pairs, ZWJ)', () => {
    for (const value of fine) {
      expect(accepted(name, value)).toBe(value);
      expect(accepted(optionalName, value)).toBe(value);
    }
    expect(accepted(optionalName, '')).toBe('');
  });
});

describe('long texts (descriptions, summaries, remarks, review remarks)', () => {
  it('long texts keep LF and TAB, and store CRLF and a lone CR as LF', () => {
    expect(accepted(longText, 'Line one\n\tindented\nline three')).toBe('Line one\n\tindented\nline three');
    expect(accepted(longText, 'Windows\r\nline\rold Mac')).toBe('Windows\nline\nold Mac');
  });

  it('long texts refuse every other C0 control, DEL and every C1 control', () => {
    const refused = [...c0.filter((c) => !'\t\n\r'.includes(c)), del, ...c1];
    expect(refused).toHaveLength(32 - 3 + 1 + 32);
    for (const c of refused)
      expect(refusal(longText, `remark ${c} here`), hex(c)).toBe(textMessages.longText);
  });

  it('long texts accept accented letters, emoji and prose in any script', () => {
    for (const value of fine) expect(accepted(longText, value)).toBe(value);
    expect(accepted(longText, '')).toBe('');
  });

  it('a long text over 10,000 characters is still refused after its line breaks are normalised', () => {
    expect(accepted(longText, 'a\r\n'.repeat(5_000))).toHaveLength(10_000);
    expect(refusal(longText, 'a'.repeat(10_001))).toBeDefined();
  });
});

describe('lone surrogates are refused everywhere', () => {
  it.each([
    ['a single-line field', name],
    ['an optional single-line field', optionalName],
    ['a long text', longText],
  ])('%s refuses a lone high and a lone low surrogate, accepts a pair', (_class, schema) => {
    for (const value of ['Ada \ud83d', '\ude42 Ada', 'a\ud800b', 'a\udfffb', '\ude42\ud83d'])
      expect(refusal(schema, value), JSON.stringify(value)).toBe(textMessages.brokenCharacter);
    expect(accepted(schema, 'Ada \ud83d\ude42')).toBe('Ada 🙂');
  });

  it('an e-mail address refuses lone surrogates and control characters', () => {
    expect(accepted(email, 'ada@example.com')).toBe('ada@example.com');
    for (const bad of [
      'ada\ud800@example.com',
      'ada@example.com\ud800',
      'ada@exa\nmple.com',
      'ada\u0000@x.com',
    ])
      expect(refusal(email, bad), JSON.stringify(bad)).toBeDefined();
  });
});
