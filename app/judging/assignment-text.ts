import type { Translate } from '~/i18n'
import { EXCLUSIONS, type Shortfall } from './assignment'

/** "Needs 3 judges, has 2: the panel has 6, 2 may judge it; 3 same commune, 1 declared conflict." */
export function shortfallText(t: Translate, s: Shortfall) {
  if (s.panelId == null) return t('assign.noPanel', { required: s.required, assigned: s.assigned })
  if (s.panelSize === 0) {
    return t('assign.emptyPanel', { required: s.required, assigned: s.assigned })
  }
  const reasons = EXCLUSIONS.filter((x) => s.excluded[x] > 0).map((x) =>
    t(`assign.excluded.${x}`, { count: s.excluded[x] }),
  )
  return t('assign.shortfall', {
    required: s.required,
    assigned: s.assigned,
    panel: s.panelSize,
    eligible: s.eligible,
    reasons: reasons.length ? reasons.join(', ') : t('assign.excluded.none'),
  })
}
