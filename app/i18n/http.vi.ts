/** Answers the server gives before a page is involved (app/http/body-limit.server.ts). */
export const viHttp = {
  'http.tooLarge.title': 'Dữ liệu gửi lên quá lớn',
  'http.tooLarge.body':
    'Nội dung gửi lên vượt quá giới hạn {max} của trang này nên chưa được nhận. Những gì bạn đã nhập vẫn còn trên trang trước: hãy quay lại, rút gọn nội dung (hoặc gửi ít tệp hơn mỗi lần) rồi gửi lại.',
  'http.tooLarge.short':
    'Nội dung gửi lên quá lớn nên chưa được nhận. Hãy rút gọn nội dung (hoặc gửi ít tệp hơn mỗi lần) rồi gửi lại.',
  'http.tooLarge.back': 'Quay lại trang trước',
  'http.badRequest.title': 'Yêu cầu không hợp lệ',
  'http.badRequest.body':
    'Dữ liệu gửi lên không đúng định dạng nên chưa được nhận. Hãy quay lại và gửi lại.',
} as const
