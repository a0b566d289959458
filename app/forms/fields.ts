import { z } from 'zod'
import { withParams, type MessageKey } from '~/i18n'
import { readNumber, type NumberKind, type NumberReading } from './number'

/**
 * The zod building blocks of every form's fields, shared by browser and server schemas
 * (Conform). Messages are translation keys, with their parameters where they name a limit.
 */
export const tooLong = (max: number) => withParams('validation.tooLong', { max })

/** Text of at most `max` characters (see ./limits), trimmed; `required` is the message when it is missing. */
export function text(max: number, required: MessageKey = 'validation.required') {
  return z.string({ error: required }).trim().max(max, tooLong(max))
}

/** One line of text: tabs and line breaks (only a hand-made request sends them from an input) become spaces. */
export function line(max: number, required: MessageKey = 'validation.required') {
  return z
    .string({ error: required })
    .overwrite((s) => s.replace(/[\t\r\n]+/g, ' '))
    .trim()
    .max(max, tooLong(max))
}

export interface NumberFieldOptions {
  kind?: NumberKind
  /** Most digits after the decimal point (default 4). */
  maxFraction?: number
  /** The message for text that is not a number (or not whole, for whole numbers). */
  invalid?: MessageKey
  /** The message for a negative number (default: "enter a number that is not negative"). */
  negative?: MessageKey
  required?: MessageKey
}

/** The message for a number the reader refused, naming what it could not decide. */
export function numberRefusalMessage(
  reading: Extract<NumberReading, { ok: false }>,
  typed: string,
  options: NumberFieldOptions = {},
): string {
  const { kind = 'decimal', maxFraction = 4 } = options
  const invalid =
    options.invalid ?? (kind === 'integer' ? 'validation.wholeNumber' : 'validation.decimal')
  switch (reading.reason) {
    case 'ambiguous':
      return withParams('validation.numberAmbiguous', { typed: typed.trim(), ...reading.readings! })
    case 'negative':
      return options.negative ?? 'validation.numberNegative'
    case 'tooLarge':
      return 'validation.numberTooLarge'
    case 'tooPrecise':
      return withParams('validation.numberTooPrecise', { max: maxFraction })
    default:
      return invalid
  }
}

/**
 * A number typed the Vietnamese way (read by ./number: "7,5", "1.234,5"), as exact canonical
 * text ("1234.5"). For inputs with inputMode decimal (or numeric for whole numbers).
 */
export function numberText(options: NumberFieldOptions = {}) {
  return z.string({ error: options.required ?? 'validation.required' }).transform((s, ctx) => {
    const reading = readNumber(s, options)
    if (!reading.ok) {
      ctx.addIssue({ code: 'custom', message: numberRefusalMessage(reading, s, options) })
      return z.NEVER
    }
    return reading.value
  })
}

/** The same, as a JS number (for REAL and INTEGER columns: points, years, quotas). */
export function numberField(options: NumberFieldOptions = {}) {
  return numberText(options).transform(Number)
}

/** A whole number within [min, max]; `message` for anything else (it should name the range or give an example). */
export function wholeNumber(min: number, max: number, message: MessageKey, required?: MessageKey) {
  return numberField({ kind: 'integer', invalid: message, required })
    .refine((n) => n >= min, message)
    .refine((n) => n <= max, message)
}
