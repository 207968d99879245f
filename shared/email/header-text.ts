import { bidiControl, bodyControls, lineBreakOrControl, loneSurrogate } from '../util/text-characters.ts';

const global = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
const headerBreakers = global(new RegExp(`${lineBreakOrControl.source}|${bidiControl.source}`));
const loneSurrogates = global(loneSurrogate);

/** At most this many code points in a header value: a subject of ours is well under it. */
export const headerMaxLength = 400;

/**
 * A value that becomes an e-mail header (the subject, the From display name) from stored text.
 * The input rules (docs/input-rules.md) keep new data clean; data stored before them may still hold
 * CR, LF, NUL or other controls, which could split a header or make SES refuse the message. Every
 * control, line/paragraph separator and bidi control becomes a space, runs of white space one
 * space, a lone surrogate U+FFFD; the result is trimmed and capped without splitting a character.
 */
export function headerText(value: string, max = headerMaxLength): string {
  const clean = value
    .replace(loneSurrogates, '\uFFFD')
    .replace(headerBreakers, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : clean;
}

/** A text or HTML body from stored text: controls other than TAB, LF and CR are dropped. */
export const bodyText = (value: string): string =>
  value.replace(loneSurrogates, '\uFFFD').replace(bodyControls, '');
