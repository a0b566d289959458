/**
 * What people type reaches validation and storage as the text they saw: NFC, with no
 * character that is invisible and can change how the text reads. Pure; used by the
 * one form door (`./parse`) in the browser and on the server.
 *
 * Removed everywhere:
 * - bidi controls U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C (U+202E in a title
 *   reverses the rest of the line on the public page; "anh\u202Egpj.exe" reads "anhexe.jpg");
 * - C0 controls except tab, LF and CR (the only ones a textarea sends), DEL and C1 controls;
 * - U+FEFF (byte-order mark), U+200B (zero-width space), U+2060–2064 (word joiner and the
 *   invisible operators), U+206A–206F (deprecated format controls), U+00AD (soft hyphen),
 *   U+180E, U+FFF9–FFFB (annotation controls) and the tag characters U+E0000–E007F
 *   (invisible ASCII look-alikes; the price is that the rare England/Scotland flag emoji lose
 *   their tags and show as a plain black flag).
 * Kept: U+200C ZWNJ and U+200D ZWJ. Vietnamese never needs them, but they are part of emoji
 * sequences (👨‍👩‍👧) and of the Khmer script some communes write names in; they carry no direction,
 * so they cannot reorder what is shown.
 * Line and paragraph separators (U+2028/2029) become a line feed.
 *
 * File names lose tab, CR and LF too, and any path.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|\u{E0000}|[\u{E0001}-\u{E007F}]/gu

const LINE_SEPARATORS = /[\u2028\u2029]/g

/** The characters removed from every text field (for tests and documentation). */
export function isInvisible(ch: string) {
  INVISIBLE.lastIndex = 0
  return INVISIBLE.test(ch)
}

/** A text field's value as stored: NFC, invisible controls removed; tab and line breaks kept. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '').replace(LINE_SEPARATORS, '\n').normalize('NFC')
}

/** A user's file name as a harmless label: no path, no control or invisible characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? ''
  const clean = cleanText(base)
    .replace(/[\t\r\n]+/g, ' ')
    .trim()
  return [...clean].slice(0, 200).join('')
}

/** A copy of the form with every text value cleaned and every file renamed with its cleaned name. */
export function cleanFormData<T extends FormData | URLSearchParams>(form: T): T {
  if (form instanceof URLSearchParams) {
    const out = new URLSearchParams()
    form.forEach((value, key) => out.append(key, cleanText(value)))
    return out as T
  }
  const out = new FormData()
  for (const [key, value] of (form as FormData).entries()) {
    if (typeof value === 'string') out.append(key, cleanText(value))
    else {
      const name = cleanFileName(value.name)
      out.append(
        key,
        name === value.name
          ? value
          : new File([value], name, { type: value.type, lastModified: value.lastModified }),
      )
    }
  }
  return out as T
}
