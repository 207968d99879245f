/**
 * The characters the input rules refuse, by family (docs/input-rules.md). No imports: the zod
 * schemas, the e-mail header guard and the web app read the same definitions.
 *
 * Written with `\u` ranges rather than `\p{…}` so that the same source is a portable JSON Schema
 * `pattern` in the OpenAPI document.
 */

/** C0 controls (NUL…US, including TAB, LF and CR), DEL and the C1 controls U+0080–U+009F. */
const controls = '\\u0000-\\u001F\\u007F-\\u009F';
/** C0, DEL and C1 except TAB and LF: what a long text may not hold (CR is normalised to LF first). */
const controlsButTabAndLineFeed = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
/** The same but CR too: the long-text pattern (a client may send CRLF) and e-mail bodies. */
const controlsButTabLineFeedAndReturn = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks too, for anything that honours Unicode. */
const separators = '\\u2028\\u2029';
/** Bidi embeddings, overrides (LRE…RLO, U+202A–U+202E) and isolates (LRI…PDI, U+2066–U+2069). */
const bidiControls = '\\u202A-\\u202E\\u2066-\\u2069';

/** Any character a single-line field refuses: controls, line/paragraph separators. */
export const lineBreakOrControl = new RegExp(`[${controls}${separators}]`);
/** Bidi controls, which a single-line field also refuses: they reorder what a subject line shows. */
export const bidiControl = new RegExp(`[${bidiControls}]`);
/** A control character a long text refuses: every one but TAB and LF. */
export const longTextControl = new RegExp(`[${controlsButTabAndLineFeed}]`);
/** What an e-mail body may not hold: every control but TAB, LF and CR (all of them, `g`). */
export const bodyControls = new RegExp(`[${controlsButTabLineFeedAndReturn}]`, 'g');
/**
 * A UTF-16 surrogate that is not half of a pair: not a character at all, and not encodable as
 * UTF-8 (JSON can carry one as `"\ud800"`). With the `u` flag a well-formed pair is one code point,
 * so `\p{Cs}` matches only the lone halves.
 */
export const loneSurrogate = /\p{Cs}/u;

/** JSON Schema patterns of the two classes (lone surrogates cannot be said portably in one). */
export const singleLinePattern = `^[^${controls}${separators}${bidiControls}]*$`;
export const longTextPattern = `^[^${controlsButTabLineFeedAndReturn}]*$`;
