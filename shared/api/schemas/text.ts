import * as z from 'zod/mini';
import {
  bidiControl,
  lineBreakOrControl,
  longTextControl,
  longTextPattern,
  loneSurrogate,
  singleLinePattern,
} from '../../util/text-characters.ts';

/**
 * The two classes of free text (docs/input-rules.md), defined once and used by every schema.
 * Each refusal is a sentence a person can act on: the API's 400 `details` and the web forms show it
 * as it is (`web/src/lib/zod-errors.ts` shows a custom issue's own message).
 */
export const textMessages = {
  singleLine: 'Use a single line without control characters (no line breaks or tabs).',
  direction: 'Remove the invisible text-direction characters (U+202A–U+202E, U+2066–U+2069).',
  longText: 'Remove the control characters: line breaks and tabs are the only ones allowed here.',
  brokenCharacter:
    'The text holds a broken character (an unpaired UTF-16 surrogate): type or paste it again.',
} as const;

const isWellFormed = (s: string) => !loneSurrogate.test(s);

/** Refuses lone surrogates: every string field has this check, whatever else it allows. */
export const wellFormed = () => z.refine<string>(isWellFormed, textMessages.brokenCharacter);

/** CRLF (Windows) and lone CR (old Mac) are a line break: stored as LF, as a browser's textarea gives. */
const normaliseLineBreaks = (s: string) => s.replace(/\r\n?/g, '\n');

/**
 * A single-line field (names, titles, portal name, location, phone, …): no control character at
 * all, no line/paragraph separator, no bidi control, no lone surrogate. Checked before trimming,
 * so a leading or trailing CR/LF/TAB is refused too, never silently removed. The OpenAPI document
 * carries the pattern (the surrogate rule cannot be said portably in one).
 */
export const singleLineText = (options: { max: number; min?: number }) =>
  z
    .string()
    .check(
      z.refine((s) => !lineBreakOrControl.test(s), textMessages.singleLine),
      z.refine((s) => !bidiControl.test(s), textMessages.direction),
      wellFormed(),
      z.trim(),
      ...(options.min === undefined ? [] : [z.minLength(options.min)]),
      z.maxLength(options.max),
    )
    .register(z.globalRegistry, { pattern: singleLinePattern });

/**
 * A long text (descriptions, qualifications, summaries, remarks, review remarks): keeps LF and TAB
 * (CR and CRLF become LF), refuses every other control character and lone surrogates.
 */
export const longTextField = (options: { max: number }) =>
  z
    .string()
    .check(
      z.overwrite(normaliseLineBreaks),
      z.refine((s) => !longTextControl.test(s), textMessages.longText),
      wellFormed(),
      z.maxLength(options.max),
    )
    .register(z.globalRegistry, { pattern: longTextPattern });
