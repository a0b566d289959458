import { getDb } from '#db/index'
import { findEntryWithContest } from '#db/repos/entries'
import { isInScope } from '#db/repos/org-units'
import type { StoredFile } from '#db/repos/media'
import { hasRole, type SessionUser } from '~/auth/permissions'
import { getSessionUser } from '~/auth/session.server'
import { canViewEntry, isOwnUnit } from '~/entries/access.server'
import { organiserScope } from '~/users/users.server'

/**
 * Who may fetch a stored file, decided by its owner:
 * - an entry's media: whoever may see the entry (canViewEntry); anyone once published;
 * - a model's media: anyone once the model is published, else its unit's officer and
 *   organisers whose area holds the unit;
 * - a replication's media: anyone (replications are public records).
 * 'public' answers may be cached by shared caches, 'private' ones only by the browser.
 */
export type MediaAccess = 'public' | 'private' | 'denied'

export async function mediaAccess(
  file: Pick<StoredFile, 'model_id' | 'entry_id' | 'replication_id'>,
  request: Request,
): Promise<MediaAccess> {
  if (file.replication_id != null) return 'public'
  if (file.entry_id != null) {
    const entry = await findEntryWithContest(file.entry_id)
    if (!entry) return 'denied'
    if (entry.state === 'published') return 'public'
    return (await canViewEntry(await getSessionUser(request), entry)) ? 'private' : 'denied'
  }
  if (file.model_id != null) {
    const model = await getDb()
      .selectFrom('models')
      .select(['unit_id', 'published_at'])
      .where('id', '=', file.model_id)
      .executeTakeFirst()
    if (!model) return 'denied'
    if (model.published_at) return 'public'
    return (await canSeeUnpublishedModel(await getSessionUser(request), model.unit_id))
      ? 'private'
      : 'denied'
  }
  return 'denied'
}

async function canSeeUnpublishedModel(user: SessionUser | null, unitId: number) {
  if (!user) return false
  if (hasRole(user, 'unit') && isOwnUnit(user, unitId)) return true
  return hasRole(user, 'admin') && (await isInScope(await organiserScope(user), unitId))
}
