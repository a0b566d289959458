import { z } from 'zod'
import { AGGREGATIONS, ENTRY_KINDS, FIELDS } from '#db/domain'
import { line, numberField, text, wholeNumber } from '~/forms/fields'
import { MAX_LENGTH } from '~/forms/limits'

/** Contest levels (cấp tổ chức bình xét). */
export const CONTEST_LEVELS = ['province', 'district', 'commune'] as const

export const isoDate = z
  .string({ error: 'validation.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'validation.date')

/** Points typed the Vietnamese way ("7,5"; "7.5" also reads 7.5). */
const points = numberField()

const criterion = z.object({
  title: line(MAX_LENGTH.title).min(3, 'validation.required'),
  description: text(MAX_LENGTH.reason).optional(),
  max_points: numberField({ negative: 'contest.error.maxPositive' })
    .refine((n) => n > 0, 'contest.error.maxPositive')
    .refine((n) => Number.isInteger(n * 2), 'contest.error.halfPoints'),
})

const tier = z.object({
  name: line(MAX_LENGTH.name).min(2, 'validation.required'),
  min_score: points,
  quota: wholeNumber(1, 100000, 'validation.wholeNumber').optional(),
})

/** The phase dates, in order; each must not come before the one above it. */
export const CONTEST_DATES = [
  'registration_opens_on',
  'nomination_opens_on',
  'nomination_deadline',
  'screening_ends_on',
  'judging_opens_on',
  'judging_closes_at',
  'results_on',
] as const

const dateFields = Object.fromEntries(CONTEST_DATES.map((k) => [k, isoDate])) as Record<
  (typeof CONTEST_DATES)[number],
  typeof isoDate
>

function checkDateOrder(v: Record<(typeof CONTEST_DATES)[number], string>, ctx: z.RefinementCtx) {
  for (let i = 1; i < CONTEST_DATES.length; i++) {
    const prev = CONTEST_DATES[i - 1]!
    const key = CONTEST_DATES[i]!
    if (v[key] < v[prev]) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'contest.error.dateOrder' })
    }
  }
}

/** Only the phase dates: what the organiser may still change once nominations have opened. */
export const contestDatesSchema = z.object(dateFields).superRefine(checkDateOrder)

/**
 * The whole contest form: settings, dates, rubric and tiers. Shared by the
 * browser and the server; messages are translation keys.
 */
export const contestFormSchema = z
  .object({
    title: line(MAX_LENGTH.title).min(5, 'validation.required'),
    year: wholeNumber(2000, 2100, 'contest.error.year'),
    level: z.enum(CONTEST_LEVELS, { error: 'validation.invalidChoice' }),
    organiser_org_unit_id: z.number({ error: 'validation.invalidChoice' }).int().positive(),
    ...dateFields,
    allowed_fields: z
      .array(z.enum(FIELDS, { error: 'validation.invalidChoice' }), {
        error: 'contest.error.chooseField',
      })
      .min(1, 'contest.error.chooseField'),
    allowed_kinds: z
      .array(z.enum(ENTRY_KINDS, { error: 'validation.invalidChoice' }), {
        error: 'contest.error.chooseKind',
      })
      .min(1, 'contest.error.chooseKind'),
    quota_per_unit: wholeNumber(1, 1000, 'validation.wholeNumber').optional(),
    judges_per_entry: wholeNumber(1, 15, 'contest.error.judgesPerEntry'),
    aggregation: z.enum(AGGREGATIONS, { error: 'validation.invalidChoice' }),
    normalise_scores: z.boolean().optional(),
    criteria: z
      .array(criterion, { error: 'contest.error.rubricEmpty' })
      .min(1, 'contest.error.rubricEmpty')
      .max(20, 'contest.error.rubricTooLong'),
    tiers: z
      .array(tier, { error: 'contest.error.tiersEmpty' })
      .min(1, 'contest.error.tiersEmpty')
      .max(10, 'contest.error.tiersTooMany'),
  })
  .superRefine((v, ctx) => {
    checkDateOrder(v, ctx)
    const total = rubricTotal(v.criteria)
    if (v.criteria.length && !(total > 0)) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'contest.error.rubricTotal' })
    }
    v.tiers.forEach((t, i) => {
      if (t.min_score > total) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'min_score'],
          message: 'contest.error.tierAboveTotal',
        })
      } else if (i > 0 && t.min_score >= v.tiers[i - 1]!.min_score) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'min_score'],
          message: 'contest.error.tierOrder',
        })
      }
    })
  })

export type ContestForm = z.infer<typeof contestFormSchema>
export type ContestDatesForm = z.infer<typeof contestDatesSchema>

/** The rubric's maximum: the sum of its criteria's maxima (half points, so exact in floating point). */
export function rubricTotal(criteria: readonly { max_points: number }[]) {
  return criteria.reduce((sum, c) => sum + c.max_points, 0)
}
