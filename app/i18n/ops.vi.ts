/** Operations: the unsaved copy of a long form kept in the browser. */
export const viOps = {
  'unsaved.restored':
    'Đã khôi phục nội dung bạn nhập lúc {time} nhưng chưa được lưu (lần lưu trước không thành công hoặc trang đã bị tải lại). Hãy kiểm tra rồi bấm lưu.',
  'unsaved.discard': 'Bỏ nội dung chưa lưu, dùng bản đã lưu',
} as const
