import { getDb, type Executor, type Tx } from '#db/index'
import { recordAudit } from '#db/repos/audit'
import { notify, usersWithRole } from '#db/repos/notifications'
import {
  countedScores,
  judgesOfContest,
  lockSheets,
  rankedEntries,
  saveResults,
  setOverride,
  storedResults,
  tiersOfContest,
  type CountedScore,
  type RankedEntry,
  type StoredResult,
} from '#db/repos/results'
import { criteriaOfContest } from '#db/repos/scores'
import type { SessionUser } from '~/auth/permissions'
import { reindexModel } from '~/catalog/catalog.server'
import { now } from '~/clock.server'
import { contestStage, type ContestStage } from '~/contests/phase'
import { refusalFor, type ContestAction } from '~/contests/rules'
import { transition } from '~/entries/rules'
import type { MessageKey } from '~/i18n'
import { findContest, type ContestRow, type Refusal } from '~/judging/assignment.server'
import { computeResults } from './scoring'
import type { ResultsInput, ResultsOutput } from './types'

const refuse = (message: MessageKey, status = 409, field?: string) =>
  ({ ok: false, message, status, field }) as Refusal & { field?: string }

/** Why the organiser may not do `action` on this contest now, or null when they may. */
export function resultsRefusal(contest: ContestRow, action: ContestAction, at = now()) {
  return refusalFor('admin', action, contestStage(contest, at))
}

export interface ContestResults {
  stage: ContestStage
  criteria: Awaited<ReturnType<typeof criteriaOfContest>>
  tiers: Awaited<ReturnType<typeof tiersOfContest>>
  entries: Map<number, RankedEntry>
  scores: CountedScore[]
  output: ResultsOutput
  stored: Map<number, StoredResult>
}

/** Loads a contest's judged entries and counted scores and computes its results (no writes). */
export async function computeContestResults(
  contest: ContestRow,
  db: Executor = getDb(),
  at = now(),
): Promise<ContestResults> {
  const [criteria, tiers, entries, scores, stored] = await Promise.all([
    criteriaOfContest(contest.id, db),
    tiersOfContest(contest.id, db),
    rankedEntries(contest.id, db),
    countedScores(contest.id, db),
    storedResults(contest.id, db),
  ])
  const input: ResultsInput = {
    criteria: criteria.map((c) => ({ id: c.id, position: c.position, maxPoints: c.max_points })),
    tiers: tiers.map((t) => ({
      id: t.id,
      position: t.position,
      minScore: t.min_score,
      quota: t.quota,
    })),
    entries: entries.map((e) => ({ id: e.id, firstSubmittedAt: e.first_submitted_at })),
    scores: scores.map((s) => ({
      entryId: s.entry_id,
      judgeId: s.judge_id,
      criterionId: s.criterion_id,
      points: s.points,
      panelId: s.panel_id,
    })),
    aggregation: contest.aggregation,
    normalise: contest.normalise_scores === 1,
    expectedScores: contest.judges_per_entry,
  }
  return {
    stage: contestStage(contest, at),
    criteria,
    tiers,
    entries: new Map(entries.map((e) => [e.id, e])),
    scores,
    output: computeResults(input),
    stored: new Map(stored.map((r) => [r.entry_id, r])),
  }
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100)

async function storeComputed(contest: ContestRow, db: Executor, at: Date) {
  const r = await computeContestResults(contest, db, at)
  await saveResults(
    contest.id,
    r.output.entries.map((e) => ({
      entry_id: e.entryId,
      raw_score: round2(e.raw),
      normalised_score: round2(e.normalised),
      score_count: e.scoreCount,
      rank: e.rank,
      computed_tier_id: e.tierId,
    })),
    at.toISOString(),
    db,
  )
  return r
}

/** Re-reads the contest inside the transaction so a concurrent finalise or publish is seen. */
async function freshContest(contestId: number, db: Executor) {
  const c = await findContest(contestId, db)
  if (!c) throw new Error(`contest ${contestId} vanished`)
  return c
}

/**
 * Runs a results action in one transaction on the contest as it is now (re-read inside the
 * transaction, so a concurrent finalise or publish is seen), refused out of phase.
 */
function inPhase<T>(
  contest: ContestRow,
  action: ContestAction,
  fn: (tx: Tx, c: ContestRow, at: Date) => Promise<T>,
) {
  const at = now()
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const c = await freshContest(contest.id, tx)
      const refusal = resultsRefusal(c, action, at)
      if (refusal) return refuse(refusal)
      return fn(tx, c, at)
    })
}

/**
 * The organiser sets an entry's tier by hand (or no tier), with a written reason.
 * Only after judging closes and before finalising; never beyond a tier's quota.
 */
export async function overrideTier(
  admin: SessionUser,
  contest: ContestRow,
  v: { entryId: number; tierId: number | null; reason: string },
  ip: string | null,
) {
  return inPhase(contest, 'contest.overrideTier', async (tx, c, at) => {
    const r = await storeComputed(c, tx, at)
    const computed = r.output.entries.find((e) => e.entryId === v.entryId)
    if (!computed) return refuse('results.error.entryNotRanked', 404, 'entryId')
    if (v.tierId !== null) {
      const tier = r.tiers.find((t) => t.id === v.tierId)
      if (!tier) return refuse('results.error.tierUnknown', 400, 'tierId')
      if (tier.quota !== null) {
        const holders = (await storedResults(c.id, tx)).filter(
          (s) => s.tier_id === tier.id && s.entry_id !== v.entryId,
        ).length
        if (holders >= tier.quota) return refuse('results.error.quotaFull', 409, 'tierId')
      }
    }
    const before = r.stored.get(v.entryId)
    await setOverride(
      v.entryId,
      { tierId: v.tierId, reason: v.reason, by: admin.id, at: at.toISOString() },
      tx,
    )
    await recordAudit(
      {
        actorId: admin.id,
        action: 'results.override',
        subjectType: 'entry',
        subjectId: v.entryId,
        before: {
          tier_id: before?.tier_id ?? computed.tierId,
          computed_tier_id: computed.tierId,
        },
        after: { tier_id: v.tierId },
        reason: v.reason,
        ip,
      },
      tx,
    )
    return { ok: true as const }
  })
}

/**
 * Finalises the results: stores them as computed now (overrides kept), locks every
 * score sheet, moves each judged entry to awarded or not awarded, and records who
 * and when. One transaction; refused out of phase or when already finalised.
 */
export async function finaliseResults(admin: SessionUser, contest: ContestRow, ip: string | null) {
  return inPhase(contest, 'contest.finalise', async (tx, c, at) => {
    const r = await storeComputed(c, tx, at)
    const final = await storedResults(c.id, tx)
    const tierOf = new Map(final.map((s) => [s.entry_id, s.tier_id]))
    for (const e of r.entries.values()) {
      const scored = e.state === 'accepted' ? transition(e.state, 'score') : e.state
      const next =
        scored === 'scored'
          ? transition(scored, tierOf.get(e.id) != null ? 'award' : 'notAward')
          : null
      if (next) {
        await tx
          .updateTable('entries')
          .set({ state: next, updated_at: at.toISOString() })
          .where('id', '=', e.id)
          .execute()
      }
    }
    await lockSheets(c.id, at.toISOString(), tx)
    const updated = await tx
      .updateTable('contests')
      .set({
        status: 'finalised',
        finalised_at: at.toISOString(),
        finalised_by: admin.id,
        updated_at: at.toISOString(),
      })
      .where('id', '=', c.id)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return refuse('contest.error.finaliseOutOfPhase')
    await recordAudit(
      {
        actorId: admin.id,
        action: 'contest.finalise',
        subjectType: 'contest',
        subjectId: c.id,
        before: { status: c.status },
        after: {
          status: 'finalised',
          ranked: r.output.entries.filter((e) => e.rank !== null).length,
          awarded: final.filter((s) => s.tier_id !== null).length,
        },
        ip,
      },
      tx,
    )
    return { ok: true as const }
  })
}

/** The commendation decision (number, date, signer's title): after judging closes, until published. */
export async function recordDecision(
  admin: SessionUser,
  contest: ContestRow,
  v: { decisionNumber: string; decisionDate: string; signerTitle: string },
  ip: string | null,
) {
  return inPhase(contest, 'contest.recordDecision', async (tx, c, at) => {
    await tx
      .updateTable('contests')
      .set({
        decision_number: v.decisionNumber,
        decision_date: v.decisionDate,
        decision_signer_title: v.signerTitle,
        updated_at: at.toISOString(),
      })
      .where('id', '=', c.id)
      .execute()
    await recordAudit(
      {
        actorId: admin.id,
        action: 'contest.decision',
        subjectType: 'contest',
        subjectId: c.id,
        before: {
          decision_number: c.decision_number,
          decision_date: c.decision_date,
          decision_signer_title: c.decision_signer_title,
        },
        after: {
          decision_number: v.decisionNumber,
          decision_date: v.decisionDate,
          decision_signer_title: v.signerTitle,
        },
        ip,
      },
      tx,
    )
    return { ok: true as const }
  })
}

/**
 * Publishes finalised results: the contest, its awards (with the decision), the awarded
 * entries (state published, so their photos become public) and their models, which join
 * the public catalog with the award. The units of every judged entry are told. One
 * transaction; refused before finalising, without a decision, or twice.
 */
export async function publishResults(admin: SessionUser, contest: ContestRow, ip: string | null) {
  return inPhase(contest, 'contest.publish', async (tx, c, at) => {
    const iso = at.toISOString()
    if (!c.decision_number || !c.decision_date || !c.decision_signer_title) {
      return refuse('results.error.decisionMissing', 409, 'decisionNumber')
    }
    const results = await storedResults(c.id, tx)
    const entries = new Map((await rankedEntries(c.id, tx)).map((e) => [e.id, e]))
    const awarded = results.filter((r) => r.tier_id !== null)
    const score = (r: StoredResult) => (c.normalise_scores === 1 ? r.normalised_score : r.raw_score)
    for (const r of awarded) {
      const e = entries.get(r.entry_id)
      if (!e) continue
      await tx
        .insertInto('awards')
        .values({
          entry_id: e.id,
          model_id: e.model_id,
          contest_id: c.id,
          tier_id: r.tier_id!,
          score: score(r),
          rank: r.rank,
          decision_number: c.decision_number,
          decision_date: c.decision_date,
          certificate_key: null,
          created_at: iso,
        })
        .execute()
      const next = transition(e.state, 'publish')
      if (next) {
        await tx
          .updateTable('entries')
          .set({ state: next, updated_at: iso })
          .where('id', '=', e.id)
          .execute()
      }
      await tx
        .updateTable('models')
        .set({ published_at: iso, updated_at: iso })
        .where('id', '=', e.model_id)
        .where('published_at', 'is', null)
        .execute()
    }
    const updated = await tx
      .updateTable('contests')
      .set({ status: 'published', published_at: iso, published_by: admin.id, updated_at: iso })
      .where('id', '=', c.id)
      .where('status', '=', 'finalised')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return refuse('results.error.publishOutOfPhase')
    // The catalog reads awards of published contests: index once the contest is published.
    for (const r of awarded) {
      const e = entries.get(r.entry_id)
      if (e) await reindexModel(e.model_id, tx)
    }
    const unitIds = [...new Set([...entries.values()].map((e) => e.unit_id))]
    const officers = (await Promise.all(unitIds.map((u) => usersWithRole('unit', u, tx)))).flat()
    await notify(
      officers.map((o) => o.id),
      {
        kind: 'results.notify.published',
        params: { contest: c.title },
        link: `/contests/${c.id}/results`,
        now: at,
      },
      tx,
    )
    await recordAudit(
      {
        actorId: admin.id,
        action: 'contest.publish',
        subjectType: 'contest',
        subjectId: c.id,
        before: { status: c.status },
        after: {
          status: 'published',
          awards: awarded.length,
          decision_number: c.decision_number,
        },
        ip,
      },
      tx,
    )
    return { ok: true as const }
  })
}

/** Everything the organiser's results page shows, as plain data. */
export async function resultsView(contest: ContestRow, at = now()) {
  const db = getDb()
  const [r, judges, panels, people] = await Promise.all([
    computeContestResults(contest, db, at),
    judgesOfContest(contest.id, db),
    db.selectFrom('panels').select(['id', 'name']).where('contest_id', '=', contest.id).execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [contest.finalised_by ?? 0, contest.published_by ?? 0])
      .execute(),
  ])
  const judgeName = new Map(judges.map((j) => [j.id, j.name]))
  const panelName = new Map(panels.map((p) => [p.id, p.name]))
  const personName = new Map(people.map((p) => [p.id, p.display_name]))
  const tierName = new Map(r.tiers.map((t) => [t.id, t.name]))
  const rows = r.output.entries.map((e) => {
    const entry = r.entries.get(e.entryId)!
    const stored = r.stored.get(e.entryId)
    const overridden = stored?.override_reason ? stored : null
    const finalTierId = overridden ? overridden.tier_id : e.tierId
    const means = new Map(e.criterionMeans.map((m) => [m.criterionId, m.mean]))
    return {
      entryId: e.entryId,
      title: entry.title,
      unitName: entry.unit_name,
      modelSlug: entry.model_slug,
      rank: e.rank,
      raw: e.raw,
      normalised: e.normalised,
      scoreCount: e.scoreCount,
      trimmed: e.trimmed,
      flags: e.flags,
      criterionMeans: r.criteria.map((c) => means.get(c.id) ?? null),
      computedTierId: e.tierId,
      computedTier: e.tierId === null ? null : (tierName.get(e.tierId) ?? null),
      tierId: finalTierId,
      tier: finalTierId === null ? null : (tierName.get(finalTierId) ?? null),
      override: overridden
        ? {
            reason: overridden.override_reason!,
            by: overridden.overridden_by_name ?? '',
            at: overridden.overridden_at!,
          }
        : null,
    }
  })
  const refusal = (action: ContestAction) => resultsRefusal(contest, action, at)
  return {
    contest: {
      id: contest.id,
      title: contest.title,
      year: contest.year,
      stage: r.stage,
      aggregation: contest.aggregation,
      normalise: contest.normalise_scores === 1,
      k: contest.judges_per_entry,
      decisionNumber: contest.decision_number,
      decisionDate: contest.decision_date,
      signerTitle: contest.decision_signer_title,
      finalisedAt: contest.finalised_at,
      finalisedBy: contest.finalised_by ? (personName.get(contest.finalised_by) ?? '') : null,
      publishedAt: contest.published_at,
      publishedBy: contest.published_by ? (personName.get(contest.published_by) ?? '') : null,
    },
    criteria: r.criteria.map((c) => ({ id: c.id, title: c.title, maxPoints: c.max_points })),
    tiers: r.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      minScore: t.min_score,
      quota: t.quota,
      count: rows.filter((x) => x.tierId === t.id).length,
    })),
    rows,
    judges: r.output.judges.map((j) => ({
      ...j,
      name: judgeName.get(j.judgeId) ?? `#${j.judgeId}`,
    })),
    panels: r.output.panels.map((p) => ({
      ...p,
      name: p.panelId === null ? null : (panelName.get(p.panelId) ?? null),
    })),
    refusals: {
      override: refusal('contest.overrideTier'),
      decision: refusal('contest.recordDecision'),
      finalise: refusal('contest.finalise'),
      publish: refusal('contest.publish'),
      export: refusal('contest.export'),
      certificates: refusal('contest.certificates'),
    },
  }
}

export type ResultsView = Awaited<ReturnType<typeof resultsView>>
