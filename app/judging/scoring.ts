import { z } from 'zod'
import { numberRefusalMessage } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'
import { readNumber } from '~/forms/number'
import { withParams } from '~/i18n'

/**
 * The rules of a score sheet, shared by browser and server: each criterion gets
 * points from 0 to its maximum in steps of 0.5 and an optional comment; a sheet
 * is complete when every criterion of the rubric has points. Messages are
 * translation keys.
 */
export interface RubricCriterion {
  id: number
  max_points: number
}

export const COMMENT_MAX = MAX_LENGTH.reason
export const SHEET_INTENTS = ['save', 'submit'] as const
export type SheetIntent = (typeof SHEET_INTENTS)[number]

export type ScoreRefusal = 'score.error.number' | 'score.error.range' | 'score.error.step'

/** How points are read: the project's Vietnamese number reader, at most two decimals. */
const POINTS = {
  kind: 'decimal',
  maxFraction: 2,
  invalid: 'score.error.number',
  negative: 'score.error.range',
} as const

/** Points as typed: "7", "7,5" (Vietnamese decimal comma) or "7.5"; null when not a number. */
export function parsePoints(input: string): number | null {
  const reading = readNumber(input, POINTS)
  return reading.ok ? Number(reading.value) : null
}

/** Why these points are not allowed for a criterion with this maximum, or null when they are. */
export function scoreRefusal(points: number, max: number): ScoreRefusal | null {
  if (!Number.isFinite(points)) return 'score.error.number'
  if (points < 0 || points > max) return 'score.error.range'
  if (!Number.isInteger(points * 2)) return 'score.error.step'
  return null
}

export const isValidScore = (points: number, max: number) => scoreRefusal(points, max) === null

/** Sum of the points given (exact: halves add up without rounding error). */
export function sheetTotal(scores: { points: number }[]) {
  return scores.reduce((sum, s) => sum + s.points, 0)
}

/** Maximum total of a rubric. */
export function rubricMax(criteria: RubricCriterion[]) {
  return criteria.reduce((sum, c) => sum + c.max_points, 0)
}

/** Every criterion of the rubric has valid points. */
export function isSheetComplete(
  criteria: RubricCriterion[],
  scores: { criterion_id: number; points: number }[],
) {
  const byCriterion = new Map(scores.map((s) => [s.criterion_id, s.points]))
  return criteria.every((c) => {
    const p = byCriterion.get(c.id)
    return p !== undefined && isValidScore(p, c.max_points)
  })
}

/** Form field names of a criterion's pair. */
export const pointsField = (criterionId: number) => `points_${criterionId}`
export const commentField = (criterionId: number) => `comment_${criterionId}`

export interface SheetValue {
  intent: SheetIntent
  scores: { criterion_id: number; points: number | null; comment: string }[]
}

/**
 * The score sheet form for a rubric: `points_<id>` and `comment_<id>` per
 * criterion, and the intent. Saving a draft accepts blanks; submitting needs
 * points for every criterion. Out-of-range or off-step points are refused either way.
 */
export function scoreSheetSchema(criteria: RubricCriterion[]) {
  const shape: Record<string, z.ZodType> = {
    intent: z.enum(SHEET_INTENTS).default('save'),
  }
  for (const c of criteria) {
    shape[pointsField(c.id)] = z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s.trim() === '') return null
        const reading = readNumber(s, POINTS)
        if (!reading.ok) {
          ctx.addIssue({ code: 'custom', message: numberRefusalMessage(reading, s, POINTS) })
          return z.NEVER
        }
        const points = Number(reading.value)
        const refusal = scoreRefusal(points, c.max_points)
        if (refusal) {
          ctx.addIssue({ code: 'custom', message: refusal })
          return z.NEVER
        }
        return points
      })
    shape[commentField(c.id)] = z
      .string()
      .trim()
      .max(COMMENT_MAX, withParams('score.error.commentTooLong', { max: COMMENT_MAX }))
      .optional()
      .transform((s) => s ?? '')
  }
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      for (const c of criteria) {
        if (v[pointsField(c.id)] !== null) continue
        // A comment is stored with its points: a draft cannot keep one alone.
        const message =
          v.intent === 'submit'
            ? 'score.error.required'
            : v[commentField(c.id)]
              ? 'score.error.commentNeedsPoints'
              : null
        if (message) ctx.addIssue({ code: 'custom', message, path: [pointsField(c.id)] })
      }
    })
    .transform((v): SheetValue => ({
      intent: v.intent as SheetIntent,
      scores: criteria.map((c) => ({
        criterion_id: c.id,
        points: v[pointsField(c.id)] as number | null,
        comment: v[commentField(c.id)] as string,
      })),
    }))
}
