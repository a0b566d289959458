/**
 * The longest text each kind of field accepts, in one place: the zod schemas refuse more
 * (with a message naming the limit) and the inputs carry the same `maxLength`. Counted in
 * characters after cleaning and trimming. Generous for real use (a model's method runs to a
 * few pages), small enough that a pasted book or a script cannot fill the database, the
 * catalog index or a PDF certificate.
 */
export const MAX_LENGTH = {
  /** Model, entry and contest titles; criterion titles. */
  title: 200,
  /** People's names, panel names, tier names, indicator labels. */
  name: 120,
  /** An indicator's unit. */
  unit: 30,
  /** An indicator's period ("năm 2024"), a decision number. */
  code: 60,
  /** One line: ethnic groups, a signer's title, a photo caption, a criterion description. */
  line: 300,
  /** A model's summary. */
  summary: 1000,
  /** Reasons and comments the other side reads: return, rejection, override, conflict, score comment, stop. */
  reason: 2000,
  /** A section of a model or report: objectives, forces, contributions, sustainability, adaptations, notes. */
  text: 5000,
  /** The long sections: context, method, replication steps. */
  long: 10000,
  /** E-mail addresses (RFC 5321 allows 254). */
  email: 254,
  /** Sign-in names. */
  username: 40,
  /** Passwords (scrypt hashes any length; this only stops abuse). */
  password: 200,
} as const
