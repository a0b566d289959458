import { DEFAULT_CRITERIA, DEFAULT_TIERS, ENTRY_KINDS, FIELDS } from '#db/domain'
import { getDb, type Executor } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { isInScope, orgUnitsInScope } from '#db/repos/org-units'
import { CRITERION_TEXT, TIER_NAMES } from '#db/seed/rubric'
import type { Contest } from '#db/schema'
import { grantFor, type SessionUser } from '~/auth/permissions'
import { now } from '~/clock.server'
import type { MessageKey } from '~/i18n'
import { organiserScope } from '~/users/users.server'
import { contestStage, vietnamDate } from './phase'
import { refusalFor } from './rules'
import type { ContestDatesForm, ContestForm } from './schema'
import { numberForInput } from '~/forms/number'

export type ContestRefusal = { ok: false; message: MessageKey; field?: string }

/** The two instants of the schedule are stored as the end of that day in Vietnam (23:59:59 UTC+7). */
const INSTANTS = new Set(['nomination_deadline', 'judging_closes_at'])
const endOfVietnamDay = (date: string) => `${date}T16:59:59.000Z`

function toDbDates(v: ContestDatesForm) {
  return {
    registration_opens_on: v.registration_opens_on,
    nomination_opens_on: v.nomination_opens_on,
    nomination_deadline: endOfVietnamDay(v.nomination_deadline),
    screening_ends_on: v.screening_ends_on,
    judging_opens_on: v.judging_opens_on,
    judging_closes_at: endOfVietnamDay(v.judging_closes_at),
    results_on: v.results_on,
  }
}

/** A stored date or instant as the calendar date the form shows (instants in Vietnam's time). */
function formDate(key: string, value: string) {
  return INSTANTS.has(key) ? vietnamDate(new Date(value)) : value
}

/** The same calendar day one year later (29 February becomes 28 February). */
export function shiftYear(value: string) {
  const year = Number(value.slice(0, 4)) + 1
  let rest = value.slice(4)
  if (rest.startsWith('-02-29')) rest = `-02-28${rest.slice(6)}`
  return `${year}${rest}`
}

/** Organiser units an organiser may name as a contest's organiser: units inside their area. */
export async function organiserChoices(admin: SessionUser) {
  const scope = await organiserScope(admin)
  const units = await orgUnitsInScope(scope, 'unit')
  return units.map((u) => ({ id: u.id, name: u.name }))
}

/** Contests whose organising unit lies in this organiser's area, newest first. */
export async function contestsOf(admin: SessionUser) {
  const scope = await organiserScope(admin)
  const rows = await getDb()
    .selectFrom('contests')
    .innerJoin('org_units', 'org_units.id', 'contests.organiser_org_unit_id')
    .selectAll('contests')
    .select('org_units.name as organiser_name')
    .select((eb) =>
      eb
        .selectFrom('entries')
        .whereRef('entries.contest_id', '=', 'contests.id')
        .where('entries.state', '<>', 'draft')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('entry_count'),
    )
    .orderBy('contests.year', 'desc')
    .orderBy('contests.id', 'desc')
    .execute()
  const mine = []
  for (const r of rows) if (await isInScope(scope, r.organiser_org_unit_id)) mine.push(r)
  return mine
}

/** A contest of this organiser's area (undefined when unknown or outside it). */
export async function contestOf(admin: SessionUser, contestId: number, db: Executor = getDb()) {
  if (!Number.isInteger(contestId) || contestId <= 0) return undefined
  const contest = await db
    .selectFrom('contests')
    .selectAll()
    .where('id', '=', contestId)
    .executeTakeFirst()
  if (!contest) return undefined
  if (!(await isInScope(await organiserScope(admin), contest.organiser_org_unit_id, db)))
    return null
  return contest
}

/** The form's values for a new contest: the default rubric and tiers of PRODUCT.md. */
export function newContestDefaults(admin: SessionUser, at: Date) {
  const year = Number(vietnamDate(at).slice(0, 4))
  return {
    title: `Bình xét mô hình "Dân vận khéo" năm ${year}`,
    year: String(year),
    level: 'district',
    organiser_org_unit_id: String(grantFor(admin, 'admin')?.orgUnitId ?? ''),
    registration_opens_on: `${year}-01-15`,
    nomination_opens_on: `${year}-06-01`,
    nomination_deadline: `${year}-09-30`,
    screening_ends_on: `${year}-10-15`,
    judging_opens_on: `${year}-10-16`,
    judging_closes_at: `${year}-11-30`,
    results_on: `${year}-12-15`,
    allowed_fields: [...FIELDS] as string[],
    allowed_kinds: [...ENTRY_KINDS] as string[],
    quota_per_unit: '',
    judges_per_entry: '3',
    aggregation: 'mean',
    normalise_scores: '',
    criteria: DEFAULT_CRITERIA.map((c) => ({
      title: CRITERION_TEXT[c.key].title,
      description: CRITERION_TEXT[c.key].description,
      max_points: points(c.maxPoints),
    })),
    tiers: DEFAULT_TIERS.map((t) => ({
      name: TIER_NAMES[t.key],
      min_score: points(t.minScore),
      quota: '',
    })),
  }
}

export type ContestFormValues = ReturnType<typeof newContestDefaults>

/** Points shown the Vietnamese way in the form ("7,5"), so that they read back the same. */
const points = (n: number) => numberForInput(n)

/** The form's values for a stored contest. */
export async function contestFormValues(
  contest: Contest,
  db: Executor = getDb(),
): Promise<ContestFormValues> {
  const [criteria, tiers] = await Promise.all([
    db
      .selectFrom('criteria')
      .selectAll()
      .where('contest_id', '=', contest.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('award_tiers')
      .selectAll()
      .where('contest_id', '=', contest.id)
      .orderBy('position')
      .execute(),
  ])
  const fields = JSON.parse(contest.allowed_fields) as string[]
  const kinds = JSON.parse(contest.allowed_kinds) as string[]
  return {
    title: contest.title,
    year: String(contest.year),
    level: contest.level,
    organiser_org_unit_id: String(contest.organiser_org_unit_id),
    registration_opens_on: contest.registration_opens_on,
    nomination_opens_on: contest.nomination_opens_on,
    nomination_deadline: formDate('nomination_deadline', contest.nomination_deadline),
    screening_ends_on: contest.screening_ends_on,
    judging_opens_on: contest.judging_opens_on,
    judging_closes_at: formDate('judging_closes_at', contest.judging_closes_at),
    results_on: contest.results_on,
    // An empty list in the database means "all allowed".
    allowed_fields: fields.length ? fields : [...FIELDS],
    allowed_kinds: kinds.length ? kinds : [...ENTRY_KINDS],
    quota_per_unit: contest.quota_per_unit == null ? '' : String(contest.quota_per_unit),
    judges_per_entry: String(contest.judges_per_entry),
    aggregation: contest.aggregation,
    normalise_scores: contest.normalise_scores ? 'on' : '',
    criteria: criteria.map((c) => ({
      title: c.title,
      description: c.description,
      max_points: points(c.max_points),
    })),
    tiers: tiers.map((t) => ({
      name: t.name,
      min_score: points(t.min_score),
      quota: t.quota == null ? '' : String(t.quota),
    })),
  }
}

function settingsRow(v: ContestForm) {
  return {
    title: v.title,
    year: v.year,
    level: v.level,
    organiser_org_unit_id: v.organiser_org_unit_id,
    ...toDbDates(v),
    allowed_fields: JSON.stringify(FIELDS.filter((f) => v.allowed_fields.includes(f))),
    allowed_kinds: JSON.stringify(ENTRY_KINDS.filter((k) => v.allowed_kinds.includes(k))),
    quota_per_unit: v.quota_per_unit ?? null,
    judges_per_entry: v.judges_per_entry,
    aggregation: v.aggregation,
    normalise_scores: v.normalise_scores ? 1 : 0,
  }
}

async function replaceRubric(
  contestId: number,
  v: Pick<ContestForm, 'criteria' | 'tiers'>,
  tx: Executor,
) {
  await tx.deleteFrom('criteria').where('contest_id', '=', contestId).execute()
  await tx.deleteFrom('award_tiers').where('contest_id', '=', contestId).execute()
  await tx
    .insertInto('criteria')
    .values(
      v.criteria.map((c, i) => ({
        contest_id: contestId,
        position: i + 1,
        title: c.title,
        description: c.description ?? '',
        max_points: c.max_points,
      })),
    )
    .execute()
  await tx
    .insertInto('award_tiers')
    .values(
      v.tiers.map((t, i) => ({
        contest_id: contestId,
        position: i + 1,
        name: t.name,
        min_score: t.min_score,
        quota: t.quota ?? null,
      })),
    )
    .execute()
}

async function checkOrganiserUnit(
  admin: SessionUser,
  unitId: number,
): Promise<ContestRefusal | null> {
  const choices = await organiserChoices(admin)
  return choices.some((c) => c.id === unitId)
    ? null
    : { ok: false, message: 'validation.invalidChoice', field: 'organiser_org_unit_id' }
}

/** Creates a draft contest with its rubric and tiers. One transaction, audited. */
export async function createContest(
  admin: SessionUser,
  v: ContestForm,
  ip: string | null,
): Promise<{ ok: true; id: number } | ContestRefusal> {
  const refused = await checkOrganiserUnit(admin, v.organiser_org_unit_id)
  if (refused) return refused
  const at = now().toISOString()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const { id } = await tx
        .insertInto('contests')
        .values({ ...settingsRow(v), status: 'draft', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
      await replaceRubric(id, v, tx)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'contest.create',
          subjectType: 'contest',
          subjectId: id,
          after: v,
          ip,
        },
        tx,
      )
      return { ok: true, id } as const
    })
}

/**
 * Saves the whole form while settings may change (draft, registration); after
 * that only the dates (until finalised), through `saveContestDates`.
 */
export async function updateContest(
  admin: SessionUser,
  contest: Contest,
  v: ContestForm,
  ip: string | null,
): Promise<{ ok: true } | ContestRefusal> {
  const refusal = refusalFor('admin', 'contest.editSettings', contestStage(contest, now()))
  if (refusal) return { ok: false, message: refusal }
  const refused = await checkOrganiserUnit(admin, v.organiser_org_unit_id)
  if (refused) return refused
  const at = now().toISOString()
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const before = await contestFormValues(contest, tx)
      await tx
        .updateTable('contests')
        .set({ ...settingsRow(v), updated_at: at })
        .where('id', '=', contest.id)
        .execute()
      await replaceRubric(contest.id, v, tx)
      await recordAudit(
        {
          actorId: admin.id,
          action: 'contest.update',
          subjectType: 'contest',
          subjectId: contest.id,
          before,
          after: v,
          ip,
        },
        tx,
      )
    })
  return { ok: true }
}

/** Moves the phase dates (any time before the contest is finalised). */
export async function saveContestDates(
  admin: SessionUser,
  contest: Contest,
  v: ContestDatesForm,
  ip: string | null,
): Promise<{ ok: true } | ContestRefusal> {
  const refusal = refusalFor('admin', 'contest.editDates', contestStage(contest, now()))
  if (refusal) return { ok: false, message: refusal }
  const at = now().toISOString()
  const dates = toDbDates(v)
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await tx
        .updateTable('contests')
        .set({ ...dates, updated_at: at })
        .where('id', '=', contest.id)
        .execute()
      await recordAudit(
        {
          actorId: admin.id,
          action: 'contest.update_dates',
          subjectType: 'contest',
          subjectId: contest.id,
          before: Object.fromEntries(
            Object.keys(dates).map((k) => [k, contest[k as keyof typeof dates]]),
          ),
          after: dates,
          ip,
        },
        tx,
      )
    })
  return { ok: true }
}

/** Opens a draft contest: from now on its dates decide the phase. */
export async function openContest(
  admin: SessionUser,
  contest: Contest,
  ip: string | null,
): Promise<{ ok: true } | ContestRefusal> {
  if (contest.status !== 'draft') return { ok: false, message: 'contest.error.notDraft' }
  const at = now().toISOString()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const criteria = await tx
        .selectFrom('criteria')
        .select((eb) => eb.fn.sum<number>('max_points').as('total'))
        .where('contest_id', '=', contest.id)
        .executeTakeFirst()
      if (!(Number(criteria?.total ?? 0) > 0))
        return { ok: false, message: 'contest.error.rubricTotal' } as const
      const result = await tx
        .updateTable('contests')
        .set({ status: 'open', updated_at: at })
        .where('id', '=', contest.id)
        .where('status', '=', 'draft')
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1)
        return { ok: false, message: 'contest.error.notDraft' } as const
      await recordAudit(
        {
          actorId: admin.id,
          action: 'contest.open',
          subjectType: 'contest',
          subjectId: contest.id,
          before: { status: 'draft' },
          after: { status: 'open' },
          ip,
        },
        tx,
      )
      return { ok: true } as const
    })
}

/**
 * A new draft contest copied from an earlier one: its settings, rubric and
 * tiers, the year and every date one year later. One transaction, audited.
 */
export async function copyContest(
  admin: SessionUser,
  source: Contest,
  ip: string | null,
): Promise<{ ok: true; id: number } | ContestRefusal> {
  if (source.year >= 2100) return { ok: false, message: 'contest.error.year' }
  const at = now().toISOString()
  const year = source.year + 1
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const { id } = await tx
        .insertInto('contests')
        .values({
          title: source.title.replaceAll(String(source.year), String(year)),
          year,
          level: source.level,
          organiser_org_unit_id: source.organiser_org_unit_id,
          status: 'draft',
          registration_opens_on: shiftYear(source.registration_opens_on),
          nomination_opens_on: shiftYear(source.nomination_opens_on),
          nomination_deadline: shiftYear(source.nomination_deadline),
          screening_ends_on: shiftYear(source.screening_ends_on),
          judging_opens_on: shiftYear(source.judging_opens_on),
          judging_closes_at: shiftYear(source.judging_closes_at),
          results_on: shiftYear(source.results_on),
          allowed_fields: source.allowed_fields,
          allowed_kinds: source.allowed_kinds,
          quota_per_unit: source.quota_per_unit,
          judges_per_entry: source.judges_per_entry,
          aggregation: source.aggregation,
          normalise_scores: source.normalise_scores,
          copied_from_id: source.id,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const criteria = await tx
        .selectFrom('criteria')
        .select(['position', 'title', 'description', 'max_points'])
        .where('contest_id', '=', source.id)
        .execute()
      if (criteria.length)
        await tx
          .insertInto('criteria')
          .values(criteria.map((c) => ({ ...c, contest_id: id })))
          .execute()
      const tiers = await tx
        .selectFrom('award_tiers')
        .select(['position', 'name', 'min_score', 'quota'])
        .where('contest_id', '=', source.id)
        .execute()
      if (tiers.length)
        await tx
          .insertInto('award_tiers')
          .values(tiers.map((t) => ({ ...t, contest_id: id })))
          .execute()
      await recordAudit(
        {
          actorId: admin.id,
          action: 'contest.copy',
          subjectType: 'contest',
          subjectId: id,
          after: { copiedFrom: source.id, year },
          ip,
        },
        tx,
      )
      return { ok: true, id } as const
    })
}
