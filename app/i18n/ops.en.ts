import type { viOps } from './ops.vi'

export const enOps: Record<keyof typeof viOps, string> = {
  'unsaved.restored':
    'Restored what you typed at {time}, which has not been saved (the last save failed or the page was reloaded). Check it, then save.',
  'unsaved.discard': 'Discard the unsaved copy and use the saved version',
}
