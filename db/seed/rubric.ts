import type { DEFAULT_CRITERIA, DEFAULT_TIERS } from '../domain'

type CriterionKey = (typeof DEFAULT_CRITERIA)[number]['key']
type TierKey = (typeof DEFAULT_TIERS)[number]['key']

/** Vietnamese titles and descriptions of the default rubric (PRODUCT.md), in DEFAULT_CRITERIA order. */
export const CRITERION_TEXT: Record<CriterionKey, { title: string; description: string }> = {
  novelty: {
    title: 'Tính mới, sáng tạo, phù hợp điều kiện địa phương',
    description:
      'Cách làm mới hoặc cải tiến so với trước; phù hợp đặc điểm dân cư, phong tục, tập quán và điều kiện kinh tế – xã hội của địa phương.',
  },
  leadership: {
    title: 'Sự lãnh đạo của cấp ủy, chính quyền và phối hợp các lực lượng',
    description:
      'Có nghị quyết, kế hoạch, phân công cụ thể; cấp ủy, chính quyền chỉ đạo sát sao; Mặt trận, các đoàn thể và lực lượng vũ trang phối hợp nhịp nhàng.',
  },
  participation: {
    title: 'Sự tham gia và đồng thuận của nhân dân',
    description:
      'Nhân dân được biết, được bàn, được làm, được kiểm tra, giám sát và thụ hưởng; mức độ tự nguyện đóng góp công sức, tiền của, đất đai.',
  },
  effectiveness: {
    title: 'Hiệu quả thiết thực, đo đếm được',
    description:
      'Kết quả cụ thể, có số liệu và minh chứng rõ ràng (thu nhập, hộ thoát nghèo, công trình, an ninh trật tự…), được nhân dân và chính quyền xác nhận.',
  },
  sustainability: {
    title: 'Tính bền vững và khả năng nhân rộng',
    description:
      'Mô hình duy trì được lâu dài; có điều kiện, quy trình, chi phí rõ ràng để thôn, xã khác áp dụng; đã hoặc có thể nhân rộng.',
  },
}

export const TIER_NAMES: Record<TierKey, string> = {
  excellent: 'Xuất sắc',
  outstanding: 'Tiêu biểu',
  recognised: 'Công nhận',
}

/** Judges' comments per criterion, for a high, middling and low score. */
export const COMMENTS: Record<CriterionKey, [string[], string[], string[]]> = {
  novelty: [
    [
      'Cách làm mới, phù hợp phong tục của đồng bào Mông.',
      'Sáng tạo, xuất phát từ chính yêu cầu của người dân.',
      'Vận dụng linh hoạt điều kiện vùng núi đá, rất phù hợp.',
    ],
    [
      'Có điểm mới nhưng chưa thật rõ so với các mô hình cùng loại.',
      'Phù hợp địa phương; cách làm chưa có nhiều khác biệt.',
    ],
    ['Cách làm còn giống nhiều mô hình đã có.', 'Chưa làm rõ điểm mới so với năm trước.'],
  ],
  leadership: [
    [
      'Cấp ủy có nghị quyết chuyên đề, phân công rõ người, rõ việc.',
      'Phối hợp chặt chẽ giữa cấp ủy, chính quyền và các đoàn thể.',
    ],
    [
      'Có kế hoạch nhưng phân công chưa cụ thể.',
      'Sự phối hợp với các lực lượng còn chưa thường xuyên.',
    ],
    [
      'Hồ sơ chưa thể hiện vai trò lãnh đạo của cấp ủy.',
      'Thiếu văn bản chỉ đạo, kế hoạch triển khai.',
    ],
  ],
  participation: [
    [
      'Nhân dân tự nguyện tham gia đông đảo, đóng góp lớn.',
      'Thể hiện rõ dân biết, dân bàn, dân làm, dân kiểm tra.',
      'Người có uy tín, dòng họ tham gia tích cực.',
    ],
    [
      'Người dân tham gia nhưng chủ yếu theo vận động ban đầu.',
      'Mức đóng góp của nhân dân chưa được nêu cụ thể.',
    ],
    ['Sự tham gia của người dân còn hạn chế.', 'Chủ yếu do lực lượng chức năng thực hiện.'],
  ],
  effectiveness: [
    [
      'Kết quả rõ ràng, số liệu cụ thể, có xác nhận.',
      'Hiệu quả kinh tế – xã hội thể hiện bằng số liệu thuyết phục.',
      'Nhiều hộ thoát nghèo, có minh chứng đầy đủ.',
    ],
    [
      'Có kết quả nhưng một số số liệu chưa có xác nhận.',
      'Hiệu quả bước đầu, cần thêm thời gian đánh giá.',
    ],
    ['Số liệu kết quả còn chung chung.', 'Chưa có minh chứng cho các chỉ số nêu trong hồ sơ.'],
  ],
  sustainability: [
    [
      'Đã được nhân rộng ra nhiều thôn, có quy trình rõ ràng.',
      'Có cơ chế duy trì, chi phí thấp, dễ áp dụng.',
    ],
    [
      'Có khả năng nhân rộng; cần hoàn thiện hướng dẫn các bước.',
      'Tính bền vững phụ thuộc nhiều vào nguồn hỗ trợ.',
    ],
    ['Khó duy trì khi hết nguồn hỗ trợ.', 'Chưa nêu được điều kiện để nhân rộng.'],
  ],
}
