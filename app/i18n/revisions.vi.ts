/** Revisions of published models, approved by the organiser before the public sees them. */
export const viRevisions = {
  'revision.list.link': 'Thay đổi mô hình đã công bố chờ duyệt: {count}',
  'revision.list.title': 'Thay đổi mô hình đã công bố chờ duyệt',
  'revision.list.intro':
    'Đơn vị sửa một mô hình đã công bố thì thay đổi được gửi về đây. Trang công khai, danh mục và dữ liệu mở vẫn hiển thị bản đã duyệt cho đến khi bạn duyệt thay đổi.',
  'revision.list.empty': 'Không có thay đổi nào chờ duyệt.',
  'revision.list.model': 'Mô hình',
  'revision.list.unit': 'Đơn vị',
  'revision.list.submitted': 'Gửi lúc',
  'revision.page.title': 'Thay đổi chờ duyệt: {title}',
  'revision.page.meta': 'Đơn vị: {unit}. Gửi lúc {date} bởi {name}.',
  'revision.page.public': 'Xem trang công khai (bản đã duyệt)',
  'revision.page.changes': 'Những gì thay đổi so với bản đang công bố',
  'revision.page.noChanges': 'Thay đổi này không làm khác nội dung đang công bố.',
  'revision.approve': 'Duyệt và công bố thay đổi',
  'revision.rejectReason': 'Lý do không duyệt (đơn vị sẽ thấy)',
  'revision.reject': 'Không duyệt thay đổi',
  'revision.approved': 'Đã duyệt: trang công khai hiển thị nội dung mới.',
  'revision.rejected': 'Đã không duyệt thay đổi; đơn vị được thông báo lý do.',
  'revision.back': 'Về danh sách thay đổi chờ duyệt',
  'revision.error.decided': 'Thay đổi này đã được xử lý trước đó.',
  'revision.error.communes':
    'Thay đổi nêu một xã mà đơn vị không còn được chọn; hãy không duyệt và nêu lý do để đơn vị sửa lại.',
  'model.publishedHint':
    'Mô hình này đã công bố. Thay đổi bạn lưu sẽ được gửi để Ban Tuyên giáo và Dân vận duyệt; trang công khai vẫn hiển thị bản đã duyệt cho đến khi được duyệt.',
  'model.pendingReview':
    'Đã gửi thay đổi để duyệt. Trang công khai vẫn hiển thị bản đã duyệt cho đến khi Ban Tuyên giáo và Dân vận duyệt thay đổi; bạn sẽ nhận được thông báo.',
  'model.pendingSince':
    'Đang hiển thị thay đổi bạn gửi lúc {date}, đang chờ duyệt. Bạn vẫn có thể sửa tiếp; bản gửi sau cùng sẽ được duyệt.',
  'notice.model.revisionSubmitted': 'Có thay đổi mô hình đã công bố chờ duyệt: “{title}”.',
  'notice.model.revisionApproved': 'Thay đổi mô hình “{title}” đã được duyệt và công bố.',
  'notice.model.revisionRejected': 'Thay đổi mô hình “{title}” không được duyệt: {reason}',
} as const
