import type { viRevisions } from './revisions.vi'

export const enRevisions: Record<keyof typeof viRevisions, string> = {
  'revision.list.link': 'Changes to published models awaiting review: {count}',
  'revision.list.title': 'Changes to published models awaiting review',
  'revision.list.intro':
    'When a unit edits a published model, the change comes here. The public page, the catalog and open data keep showing the approved version until you approve the change.',
  'revision.list.empty': 'No changes are awaiting review.',
  'revision.list.model': 'Model',
  'revision.list.unit': 'Unit',
  'revision.list.submitted': 'Sent',
  'revision.page.title': 'Change awaiting review: {title}',
  'revision.page.meta': 'Unit: {unit}. Sent {date} by {name}.',
  'revision.page.public': 'See the public page (approved version)',
  'revision.page.changes': 'What changes from the published version',
  'revision.page.noChanges': 'This change leaves the published content as it is.',
  'revision.approve': 'Approve and publish the change',
  'revision.rejectReason': 'Why it is not approved (the unit will see this)',
  'revision.reject': 'Do not approve the change',
  'revision.approved': 'Approved: the public page shows the new content.',
  'revision.rejected': 'The change was not approved; the unit has been told why.',
  'revision.back': 'Back to the changes awaiting review',
  'revision.error.decided': 'This change has already been dealt with.',
  'revision.error.communes':
    'The change names a commune the unit may no longer choose; do not approve it and give the reason so the unit can correct it.',
  'model.publishedHint':
    'This model is published. Changes you save are sent to the organiser for review; the public page keeps showing the approved version until they are approved.',
  'model.pendingReview':
    'Your change has been sent for review. The public page keeps showing the approved version until the organiser approves it; you will be notified.',
  'model.pendingSince':
    'Showing the change you sent on {date}, awaiting review. You can keep editing; the latest version you send is the one reviewed.',
  'notice.model.revisionSubmitted': 'A change to a published model awaits review: “{title}”.',
  'notice.model.revisionApproved': 'Your change to the model “{title}” was approved and published.',
  'notice.model.revisionRejected': 'Your change to the model “{title}” was not approved: {reason}',
}
