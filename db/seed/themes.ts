import type { Field } from '../domain'

/**
 * The kinds of model the demo is made of, written the way units in Yên Minh describe them in
 * their nomination files. Each theme's text takes the place (commune, village, unit) of the model
 * built from it, so models of one kind read alike but are located and measured differently —
 * which is also what replicated models look like in real life.
 */

export interface Place {
  /** "xã Mậu Duệ", or "các xã Sủng Thài, Sủng Tráng" for a model spanning communes. */
  xa: string
  /** Same, capitalised for the start of a sentence. */
  Xa: string
  /** "thôn Khâu Chang" */
  thon: string
  Thon: string
  /** The nominating unit's name. */
  donVi: string
}

export interface IndicatorSpec {
  label: string
  unit: string
  min: number
  max: number
  /** Decimal places (default 0). */
  decimals?: number
  /** Integers are rounded to this step (default 1). */
  step?: number
  /** Range for the value before the model started. */
  baseline?: [number, number]
  /** Rates and percentages do not add up over the years; counts do. */
  rate?: boolean
}

export type Scene =
  | 'road'
  | 'border'
  | 'cattle'
  | 'water'
  | 'meeting'
  | 'classroom'
  | 'night'
  | 'tea'
  | 'houses'
  | 'volunteer'
  | 'health'
  | 'fields'

type Range = [number, number]

export interface Theme {
  field: Field
  scene: Scene
  summary: (p: Place) => string
  context: (p: Place) => string
  objectives: (p: Place) => string
  method: (p: Place) => string
  forces: (p: Place) => string
  residentContributions: string
  sustainability: string
  replicationConditions: string
  replicationSteps: string
  /** How a commune typically adapts the model when it replicates it. */
  adaptation: string
  indicators: IndicatorSpec[]
  resources: { vnd: Range; workdays: Range; residents: Range; replicationCost: Range }
  captions: [string, string, string]
}

const M = 1_000_000

export const THEMES = {
  road: {
    field: 'economy',
    scene: 'road',
    summary: (p) =>
      `Cấp ủy, chính quyền ${p.xa} vận động nhân dân ${p.thon} tự nguyện hiến đất, góp công, góp tiền làm đường bê tông nông thôn theo phương châm “Nhà nước hỗ trợ xi măng, nhân dân làm”. Đảng viên, người có uy tín trong dòng họ đi trước làm gương nên không phát sinh khiếu kiện.`,
    context: (p) =>
      `Trước khi có mô hình, đường vào ${p.thon} chủ yếu là đường đất, mùa mưa lầy lội, xe máy không đi được; học sinh đi học, bà con đưa nông sản ra chợ rất vất vả. Một số hộ còn e ngại khi phải hiến đất vườn, đất nương để mở rộng mặt đường.`,
    objectives: () =>
      `Hoàn thành tuyến đường bê tông rộng 3 m vào trung tâm thôn; 100% hộ dân trên tuyến đồng thuận hiến đất, không đòi bồi thường; tạo điều kiện giao thương, phát triển sản xuất, góp phần xây dựng nông thôn mới.`,
    method: () =>
      `Chi bộ ra nghị quyết chuyên đề, làm theo cách “Dân vận khéo”: phân công mỗi đảng viên phụ trách vận động các hộ có đất trên tuyến. Thôn họp để người dân tự bàn phương án, tự bình xét mức đóng góp ngày công; trưởng dòng họ, người có uy tín gặp riêng từng hộ còn băn khoăn. Gia đình cán bộ, đảng viên hiến đất trước; danh sách hộ hiến đất và các khoản đóng góp được công khai tại nhà văn hóa thôn. Ban giám sát đầu tư cộng đồng theo dõi chất lượng công trình.`,
    forces: (p) =>
      `Chi bộ, trưởng thôn lãnh đạo và tổ chức; Mặt trận và các đoàn thể tuyên truyền, vận động; Đoàn Thanh niên làm nòng cốt ra quân thi công; Ban giám sát đầu tư cộng đồng giám sát chất lượng; UBND ${p.xa} hỗ trợ xi măng và kỹ thuật.`,
    residentContributions:
      'Hiến đất vườn, đất nương; tự tháo dỡ tường rào, chặt cây cối trên tuyến; góp ngày công, cát, đá; một số hộ khá giả ủng hộ thêm tiền mặt.',
    sustainability:
      'Thôn thành lập tổ tự quản duy tu đường, mỗi quý ra quân phát quang, khơi thông rãnh thoát nước; quy ước thôn quy định trách nhiệm giữ gìn công trình. Người dân coi con đường là công trình của mình nên tự giác bảo vệ.',
    replicationConditions:
      'Chi bộ, trưởng thôn đoàn kết, được dân tin; có chính sách hỗ trợ xi măng của tỉnh, huyện; có người có uy tín tham gia vận động; tuyến đường đi qua đất của các hộ trong thôn.',
    replicationSteps:
      '1. Chi bộ ra nghị quyết, phân công đảng viên phụ trách từng hộ. 2. Họp thôn bàn phương án, công khai thiết kế và mức hỗ trợ. 3. Vận động hộ cán bộ, đảng viên hiến đất trước, lập biên bản hiến đất. 4. Thành lập tổ thi công và tổ giám sát cộng đồng. 5. Thi công, công khai thu chi. 6. Bàn giao, lập tổ tự quản duy tu.',
    adaptation:
      'Mặt đường làm rộng 2,5 m do địa hình dốc; các dòng họ nhận thi công từng đoạn, đoạn nào xong trước được biểu dương trước toàn thôn.',
    indicators: [
      { label: 'Diện tích đất nhân dân hiến', unit: 'm²', min: 1200, max: 6000, step: 50 },
      { label: 'Chiều dài đường bê tông hoàn thành', unit: 'km', min: 0.8, max: 6, decimals: 1 },
      { label: 'Số hộ hiến đất', unit: 'hộ', min: 12, max: 80 },
      { label: 'Ngày công nhân dân đóng góp', unit: 'ngày công', min: 400, max: 3000, step: 10 },
      {
        label: 'Tiền, vật liệu nhân dân đóng góp (quy đổi)',
        unit: 'đồng',
        min: 80 * M,
        max: 600 * M,
        step: 5 * M,
      },
    ],
    resources: {
      vnd: [300 * M, 1800 * M],
      workdays: [500, 3000],
      residents: [150, 900],
      replicationCost: [200 * M, 500 * M],
    },
    captions: [
      'Nhân dân trong thôn ra quân đổ bê tông mặt đường',
      'Tuyến đường bê tông mới hoàn thành vào trung tâm thôn',
      'Họp thôn bàn phương án hiến đất làm đường',
    ],
  },

  border: {
    field: 'defence_security',
    scene: 'border',
    summary: (p) =>
      `${p.donVi} phối hợp cấp ủy, chính quyền ${p.xa} thành lập các tổ tự quản đường biên, mốc giới gồm các hộ dân sinh sống gần biên giới. Mỗi tổ nhận quản lý một đoạn đường biên và các cột mốc, cùng bộ đội biên phòng tuần tra, phát hiện và báo tin kịp thời.`,
    context: (p) =>
      `${p.Xa} có đường biên giới dài, địa hình chia cắt, núi đá hiểm trở; lực lượng chuyên trách mỏng. Trước đây một số người dân còn qua lại biên giới bằng đường mòn, lối mở; tình trạng xuất nhập cảnh trái phép, buôn bán hàng lậu vẫn xảy ra.`,
    objectives: () =>
      'Tất cả các đoạn đường biên và cột mốc trên địa bàn có tổ tự quản; không để xảy ra vi phạm chủ quyền, xê dịch, xâm phạm mốc giới; nâng cao ý thức của đồng bào về bảo vệ chủ quyền lãnh thổ, an ninh biên giới.',
    method: () =>
      'Đồn cử cán bộ “ba bám, bốn cùng” (bám địa bàn, bám dân, bám cơ sở; cùng ăn, cùng ở, cùng làm, cùng nói tiếng dân tộc) tại thôn. Tổ chức ký cam kết với từng hộ tự quản, giao trách nhiệm cụ thể đoạn đường biên, cột mốc. Hằng tháng tuần tra chung, sinh hoạt tổ tự quản, tuyên truyền pháp luật bằng tiếng Mông; gắn với giúp dân làm nhà, khám chữa bệnh, tặng giống cây, con giống.',
    forces: () =>
      'Đồn Biên phòng chủ trì, hướng dẫn nghiệp vụ; cấp ủy, chính quyền xã lãnh đạo, chỉ đạo; công an xã, dân quân phối hợp tuần tra; trưởng thôn, người có uy tín vận động các hộ tham gia; Mặt trận xã giám sát và biểu dương.',
    residentContributions:
      'Các hộ tự nguyện tham gia tổ tự quản, góp ngày công tuần tra, phát quang đường tuần tra biên giới và cung cấp thông tin.',
    sustainability:
      'Tổ tự quản được đưa vào quy ước thôn, sinh hoạt định kỳ hằng tháng; hằng năm sơ kết, biểu dương hộ tiêu biểu; con cháu trong các gia đình được giáo dục ý thức giữ gìn cột mốc, đường biên.',
    replicationConditions:
      'Xã, thôn có đường biên giới; đồn biên phòng và cấp ủy, chính quyền xã phối hợp chặt chẽ; cán bộ biên phòng biết tiếng dân tộc.',
    replicationSteps:
      '1. Khảo sát đoạn đường biên, cột mốc và các hộ sinh sống gần biên giới. 2. Họp thôn tuyên truyền, vận động hộ đăng ký tham gia. 3. Thành lập tổ, ký cam kết, giao đoạn đường biên, cột mốc. 4. Xây dựng lịch tuần tra chung, chế độ báo tin. 5. Sơ kết, khen thưởng hằng năm.',
    adaptation:
      'Ghép tổ tự quản với tổ an ninh trật tự cơ sở của thôn; lịch tuần tra chung được bố trí vào ngày phiên chợ để gặp được nhiều bà con.',
    indicators: [
      { label: 'Số tổ tự quản đường biên, mốc giới', unit: 'tổ', min: 3, max: 12 },
      { label: 'Số hộ tham gia tự quản', unit: 'hộ', min: 40, max: 220 },
      { label: 'Số lượt tuần tra chung với bộ đội biên phòng', unit: 'lượt', min: 60, max: 300 },
      { label: 'Chiều dài đường biên được tự quản', unit: 'km', min: 4, max: 22, decimals: 1 },
      { label: 'Số vụ việc người dân phát hiện, báo tin', unit: 'vụ', min: 3, max: 25 },
    ],
    resources: {
      vnd: [40 * M, 180 * M],
      workdays: [600, 2500],
      residents: [120, 700],
      replicationCost: [30 * M, 100 * M],
    },
    captions: [
      'Tổ tự quản cùng bộ đội biên phòng tuần tra đường biên',
      'Các hộ dân ký cam kết tự quản cột mốc',
      'Sinh hoạt tổ tự quản tại nhà văn hóa thôn',
    ],
  },

  pension: {
    field: 'culture_society',
    scene: 'meeting',
    summary: (p) =>
      `${p.donVi} phối hợp Bưu điện, ngân hàng và các đoàn thể vận động người hưởng lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp người có công và bảo trợ xã hội ở ${p.xa} mở tài khoản, nhận tiền qua tài khoản ngân hàng thay cho nhận tiền mặt.`,
    context: (p) =>
      `Người hưởng chính sách ở ${p.xa} phần lớn là người cao tuổi, người khuyết tật, nhiều người không biết chữ, nhà ở xa điểm chi trả; mỗi kỳ nhận tiền phải đi bộ nhiều giờ, có người phải nhờ nhận hộ dẫn đến sai sót. Nhiều người còn e ngại, chưa tin vào việc nhận tiền qua điện thoại, thẻ ngân hàng.`,
    objectives: () =>
      'Trên 80% người hưởng chính sách nhận tiền qua tài khoản; rút ngắn thời gian, bảo đảm chi trả đúng người, đúng số tiền, đúng hạn; góp phần chuyển đổi số ở vùng cao.',
    method: () =>
      'Lập danh sách từng người hưởng, phân công đoàn viên thanh niên “cầm tay chỉ việc” hướng dẫn cài ứng dụng, rút tiền tại cây ATM hoặc điểm giao dịch lưu động. Với người cao tuổi, người khuyết tật, tổ công tác mở tài khoản và chi trả tại nhà. Tuyên truyền bằng tiếng Mông, tiếng Tày qua loa truyền thanh và họp thôn; công khai số điện thoại hỗ trợ khi có vướng mắc.',
    forces: () =>
      'UBND chỉ đạo; công chức văn hóa – xã hội lập danh sách; Bưu điện và Ngân hàng Chính sách xã hội mở tài khoản; Đoàn Thanh niên hỗ trợ kỹ thuật; trưởng thôn, Hội Người cao tuổi vận động.',
    residentContributions:
      'Người dân tự nguyện mở tài khoản; con cháu trong gia đình hướng dẫn ông bà dùng điện thoại; thôn bố trí địa điểm cho điểm giao dịch lưu động.',
    sustainability:
      'Chi trả qua tài khoản đã thành nền nếp hằng tháng, chi phí thấp hơn chi trả tiền mặt; các hộ trẻ tiếp tục dùng tài khoản để nhận tiền bán nông sản, trả tiền điện.',
    replicationConditions:
      'Có sóng điện thoại di động ở các thôn; có điểm giao dịch ngân hàng hoặc Bưu điện gần xã; có đoàn viên thanh niên dùng điện thoại thông minh làm lực lượng hỗ trợ.',
    replicationSteps:
      '1. Rà soát danh sách người hưởng và điện thoại của từng người. 2. Tuyên truyền, họp thôn bằng tiếng dân tộc. 3. Tổ chức ngày mở tài khoản tập trung tại xã và tại nhà. 4. Phân công đoàn viên hỗ trợ từng người. 5. Theo dõi, giải đáp vướng mắc sau mỗi kỳ chi trả.',
    adaptation:
      'Vì nhiều thôn chưa có sóng ổn định, xã bố trí điểm giao dịch lưu động theo lịch phiên chợ và cho người cao tuổi ủy quyền cho con cháu qua ứng dụng.',
    indicators: [
      {
        label: 'Số người nhận lương hưu, trợ cấp qua tài khoản',
        unit: 'người',
        min: 150,
        max: 900,
      },
      {
        label: 'Tỷ lệ chi trả không dùng tiền mặt',
        unit: '%',
        min: 70,
        max: 98,
        decimals: 1,
        baseline: [5, 20],
        rate: true,
      },
      { label: 'Số tài khoản mở mới', unit: 'tài khoản', min: 120, max: 700 },
      {
        label: 'Thời gian đi nhận tiền bình quân giảm',
        unit: 'giờ/lần',
        min: 2,
        max: 6,
        decimals: 1,
        rate: true,
      },
    ],
    resources: {
      vnd: [15 * M, 60 * M],
      workdays: [100, 400],
      residents: [150, 900],
      replicationCost: [10 * M, 40 * M],
    },
    captions: [
      'Đoàn viên hướng dẫn người cao tuổi nhận trợ cấp qua điện thoại',
      'Điểm mở tài khoản lưu động tại nhà văn hóa thôn',
      'Tổ công tác chi trả tại nhà cho người khuyết tật',
    ],
  },

  cattle: {
    field: 'economy',
    scene: 'cattle',
    summary: (p) =>
      `${p.donVi} vận động các hộ ở ${p.thon} liên kết thành tổ hợp tác chăn nuôi bò vàng Mông theo hướng hàng hóa: trồng cỏ, làm chuồng xa nhà ở, tiêm phòng định kỳ; hộ khá giúp hộ nghèo con giống theo cách “chia bê”, “nuôi rẽ”.`,
    context: () =>
      'Bò vàng Mông là giống quý của vùng cao nguyên đá, nhưng trước đây bà con chăn thả tự do, chuồng trại tạm bợ, mùa rét đậm nhiều con bị chết; các hộ nuôi nhỏ lẻ, bán qua thương lái nên giá thấp. Nhiều hộ nghèo không có vốn mua con giống.',
    objectives: () =>
      'Thành lập tổ hợp tác với ít nhất 20 hộ thành viên; mỗi hộ có chuồng trại hợp vệ sinh và diện tích cỏ trồng; giảm bò chết do rét; giúp hộ nghèo có bò giống để thoát nghèo bền vững.',
    method: () =>
      'Vận động mỗi hộ khá nhận giúp một hộ nghèo một con bò cái giống; khi bò đẻ lứa đầu, bê cái được chuyển cho hộ nghèo khác. Tập huấn trồng cỏ voi, ủ chua thức ăn, làm chuồng kín gió ngay tại nương; cán bộ thú y xã đến từng nhà tiêm phòng. Tổ hợp tác thống nhất giá bán, liên hệ thương lái và hợp tác xã của huyện để bao tiêu.',
    forces: () =>
      'Hội Nông dân làm nòng cốt; chi bộ, chính quyền xã chỉ đạo và lồng ghép nguồn vốn giảm nghèo; trạm thú y hướng dẫn kỹ thuật; Ngân hàng Chính sách xã hội cho vay qua tổ tiết kiệm và vay vốn.',
    residentContributions:
      'Các hộ góp đất trồng cỏ, tự làm chuồng, góp ngày công; hộ khá cho hộ nghèo mượn bò giống không lấy lãi.',
    sustainability:
      'Quỹ bò giống quay vòng do tổ hợp tác tự quản, có quy chế công khai; đầu ra bò vàng Mông ổn định; số hộ tham gia tăng dần qua từng năm.',
    replicationConditions:
      'Có đất trồng cỏ và nguồn bò giống địa phương; có hộ khá sẵn sàng giúp hộ nghèo; có cán bộ thú y cơ sở.',
    replicationSteps:
      '1. Bình xét hộ nghèo cần hỗ trợ con giống. 2. Vận động hộ khá nhận giúp, lập cam kết chia bê. 3. Thành lập tổ hợp tác, bầu tổ trưởng, xây dựng quy chế. 4. Tập huấn trồng cỏ, làm chuồng, tiêm phòng. 5. Liên kết tiêu thụ, sơ kết việc luân chuyển bê giống.',
    adaptation:
      'Xã ưu tiên hộ nghèo có lao động trẻ; bê giống được luân chuyển theo thứ tự bốc thăm công khai tại họp thôn.',
    indicators: [
      { label: 'Số hộ thành viên tổ hợp tác', unit: 'hộ', min: 18, max: 70 },
      { label: 'Tổng đàn bò của tổ hợp tác', unit: 'con', min: 60, max: 320 },
      { label: 'Số hộ thoát nghèo', unit: 'hộ', min: 8, max: 40 },
      { label: 'Diện tích trồng cỏ', unit: 'ha', min: 3, max: 20, decimals: 1 },
      {
        label: 'Thu nhập bình quân từ chăn nuôi',
        unit: 'triệu đồng/hộ/năm',
        min: 25,
        max: 70,
        rate: true,
      },
    ],
    resources: {
      vnd: [200 * M, 900 * M],
      workdays: [300, 1200],
      residents: [80, 300],
      replicationCost: [80 * M, 300 * M],
    },
    captions: [
      'Đàn bò vàng Mông của tổ hợp tác',
      'Chuồng bò kín gió làm xa nhà ở',
      'Hộ khá trao bò giống cho hộ nghèo',
    ],
  },

  partymember10: {
    field: 'political_system',
    scene: 'meeting',
    summary: (p) =>
      `${p.donVi} phân công mỗi đảng viên trực tiếp phụ trách khoảng 10 hộ gia đình: nắm tình hình, tuyên truyền chủ trương, giúp hộ phát triển sản xuất, hòa giải mâu thuẫn và báo cáo tại sinh hoạt chi bộ hằng tháng.`,
    context: () =>
      'Địa bàn rộng, dân cư phân tán; trước đây việc tuyên truyền chủ yếu qua họp thôn, nhiều hộ không đi họp nên không nắm được chủ trương. Một số hộ còn tư tưởng trông chờ, ỷ lại; tranh chấp đất nương, mâu thuẫn trong gia đình chưa được phát hiện sớm.',
    objectives: () =>
      'Tất cả các hộ gia đình có đảng viên phụ trách; nắm chắc tình hình từng hộ; giảm hộ nghèo, không để phát sinh điểm nóng; nâng cao uy tín của chi bộ, đảng viên với nhân dân.',
    method: () =>
      'Chi bộ lập sổ theo dõi, mỗi đảng viên nhận phụ trách các hộ gần nhà, cùng dòng họ để dễ gần dân. Đảng viên đến nhà ít nhất mỗi tháng một lần, ghi chép tâm tư, nguyện vọng, giúp hộ lập kế hoạch sản xuất; kết quả được kiểm điểm trong sinh hoạt chi bộ và là tiêu chí đánh giá, xếp loại đảng viên cuối năm.',
    forces: () =>
      'Chi bộ, đảng viên là lực lượng chính; Đảng ủy xã hướng dẫn, kiểm tra; trưởng thôn, các chi hội đoàn thể phối hợp; người có uy tín hỗ trợ vận động.',
    residentContributions:
      'Các hộ chủ động chia sẻ khó khăn, tham gia họp nhóm hộ, góp ý cho đảng viên phụ trách.',
    sustainability:
      'Cách làm được đưa vào quy chế làm việc của chi bộ và tiêu chí đánh giá đảng viên hằng năm, không phát sinh kinh phí; duy trì được khi thay đổi cán bộ.',
    replicationConditions:
      'Chi bộ có đủ đảng viên đang sinh hoạt tại thôn; đảng ủy xã quan tâm kiểm tra, giám sát; đảng viên am hiểu phong tục, tiếng nói của đồng bào.',
    replicationSteps:
      '1. Chi bộ ra nghị quyết, lập danh sách phân công. 2. Mở sổ theo dõi hộ. 3. Đảng viên gặp từng hộ, nắm tình hình ban đầu. 4. Báo cáo tại sinh hoạt chi bộ hằng tháng. 5. Đánh giá, biểu dương đảng viên tiêu biểu cuối năm.',
    adaptation:
      'Ở thôn ít đảng viên, mỗi đảng viên phụ trách đến 15 hộ và được đoàn viên thanh niên, hội viên phụ nữ hỗ trợ ghi sổ theo dõi.',
    indicators: [
      { label: 'Số đảng viên nhận phụ trách hộ', unit: 'đồng chí', min: 12, max: 45 },
      { label: 'Số hộ có đảng viên phụ trách', unit: 'hộ', min: 110, max: 420 },
      { label: 'Số hộ thoát nghèo', unit: 'hộ', min: 10, max: 45 },
      { label: 'Số mâu thuẫn được hòa giải thành ở cơ sở', unit: 'vụ', min: 4, max: 18 },
      {
        label: 'Tỷ lệ hộ đạt danh hiệu Gia đình văn hóa',
        unit: '%',
        min: 75,
        max: 95,
        decimals: 1,
        baseline: [55, 70],
        rate: true,
      },
    ],
    resources: {
      vnd: [0, 20 * M],
      workdays: [200, 600],
      residents: [400, 1800],
      replicationCost: [0, 10 * M],
    },
    captions: [
      'Đảng viên đến thăm hộ gia đình được phân công phụ trách',
      'Sinh hoạt chi bộ kiểm điểm việc phụ trách hộ',
      'Đảng viên hướng dẫn hộ nghèo làm chuồng trại',
    ],
  },

  water: {
    field: 'culture_society',
    scene: 'water',
    summary: (p) =>
      `${p.donVi} vận động nhân dân ${p.thon} cùng góp công, góp vật liệu xây bể chứa nước và dẫn nước tự chảy từ đầu nguồn về thôn, giải quyết tình trạng thiếu nước sinh hoạt mùa khô trên vùng núi đá.`,
    context: (p) =>
      `${p.Thon} nằm trên núi đá, mùa khô kéo dài 4–5 tháng; người dân phải đi bộ hàng giờ lấy nước, nhiều hộ dùng nước chưa hợp vệ sinh nên trẻ em hay mắc bệnh đường ruột. Các công trình cấp nước trước đây xuống cấp vì không có người quản lý.`,
    objectives: () =>
      'Bảo đảm mỗi hộ có đủ nước sinh hoạt quanh năm; tất cả các hộ dùng nước hợp vệ sinh; có tổ quản lý vận hành công trình do dân bầu.',
    method: () =>
      'Họp dân bàn chọn vị trí bể, tuyến ống; các hộ tự nguyện cho đất đặt bể, tự bình xét mức góp công theo số nhân khẩu. Nhà nước hỗ trợ xi măng, ống dẫn; nhân dân góp cát, đá, gùi vật liệu lên núi. Thành lập tổ dùng nước, thu một khoản nhỏ để sửa chữa, công khai thu chi tại nhà văn hóa.',
    forces: () =>
      'Mặt trận và các đoàn thể vận động; chính quyền xã hỗ trợ vật tư, kỹ thuật; đồn biên phòng, dân quân hỗ trợ ngày công; tổ dùng nước do dân bầu quản lý.',
    residentContributions:
      'Góp đất đặt bể, cát, đá, ngày công vận chuyển vật liệu; mỗi hộ đóng một khoản nhỏ hằng tháng cho quỹ sửa chữa.',
    sustainability:
      'Tổ dùng nước có quy chế và quỹ bảo dưỡng; người dân trực tiếp quản lý nên công trình được giữ gìn, sửa chữa kịp thời.',
    replicationConditions:
      'Có nguồn nước đầu nguồn hoặc mặt bằng xây bể; có chương trình hỗ trợ vật tư; người dân đồng thuận góp công.',
    replicationSteps:
      '1. Khảo sát nguồn nước và nhu cầu từng hộ. 2. Họp dân bàn phương án, mức đóng góp. 3. Đề nghị hỗ trợ vật tư, tổ chức thi công. 4. Bầu tổ dùng nước, xây dựng quy chế. 5. Bàn giao, vận hành và công khai quỹ.',
    adaptation:
      'Thôn không có nguồn nước tự chảy nên xây bể hứng nước mưa theo cụm 5–7 hộ, mỗi cụm tự quản một bể.',
    indicators: [
      { label: 'Số bể chứa nước được xây', unit: 'bể', min: 4, max: 30 },
      { label: 'Tổng dung tích bể chứa', unit: 'm³', min: 60, max: 600, step: 5 },
      { label: 'Số hộ được cấp nước sinh hoạt', unit: 'hộ', min: 40, max: 240 },
      { label: 'Chiều dài đường ống dẫn nước', unit: 'km', min: 1, max: 9, decimals: 1 },
      { label: 'Ngày công nhân dân đóng góp', unit: 'ngày công', min: 300, max: 1500, step: 10 },
    ],
    resources: {
      vnd: [150 * M, 800 * M],
      workdays: [300, 1500],
      residents: [150, 900],
      replicationCost: [100 * M, 400 * M],
    },
    captions: [
      'Bể chứa nước tập trung của thôn',
      'Nhân dân góp công vận chuyển vật liệu xây bể',
      'Nước sạch về đến từng hộ gia đình',
    ],
  },

  customs: {
    field: 'culture_society',
    scene: 'meeting',
    summary: (p) =>
      `${p.donVi} phối hợp với trưởng các dòng họ vận động đồng bào Mông ở ${p.xa} thực hiện nếp sống mới trong việc cưới, việc tang: không thách cưới cao, không tảo hôn, không để người chết lâu trong nhà, hạn chế mổ nhiều gia súc.`,
    context: () =>
      'Tập quán cũ khiến nhiều gia đình tốn kém: có đám tang kéo dài nhiều ngày, mổ hàng chục con trâu, bò, lợn; đám cưới thách cưới cao, tảo hôn còn xảy ra. Nhiều hộ sau mỗi việc lớn lại rơi vào cảnh nợ nần, tái nghèo; môi trường mất vệ sinh, dễ phát sinh dịch bệnh.',
    objectives: () =>
      'Tất cả các dòng họ ký cam kết thực hiện nếp sống mới; không để xảy ra tảo hôn, hôn nhân cận huyết thống; giảm chi phí cưới, tang; đưa các nội dung vào hương ước, quy ước của thôn.',
    method: () =>
      'Vận động trưởng dòng họ, thầy cúng, người có uy tín làm nòng cốt; họp từng dòng họ để bà con tự bàn và tự đề ra quy định. Mỗi đám cưới, đám tang đều có tổ công tác của thôn đến dự và nhắc nhở; gia đình thực hiện tốt được biểu dương trong họp thôn. Tuyên truyền bằng tiếng Mông qua loa truyền thanh, sân khấu hóa tại phiên chợ.',
    forces: () =>
      'Ủy ban MTTQ chủ trì; chi bộ, chính quyền thôn lãnh đạo; trưởng dòng họ, người có uy tín, thầy cúng; Hội Phụ nữ, Đoàn Thanh niên tuyên truyền; công an xã phối hợp ngăn chặn tảo hôn.',
    residentContributions:
      'Các dòng họ tự bàn và ký cam kết, tự giám sát lẫn nhau; gia đình có việc cưới, việc tang chủ động báo với tổ công tác.',
    sustainability:
      'Nội dung đã được đưa vào hương ước, quy ước thôn và quy định của dòng họ; người dân thấy rõ lợi ích kinh tế nên tự giác thực hiện.',
    replicationConditions:
      'Có sự đồng thuận của trưởng dòng họ, người có uy tín; cấp ủy, chính quyền kiên trì vận động; có tuyên truyền viên biết tiếng dân tộc.',
    replicationSteps:
      '1. Khảo sát tập quán, chi phí cưới, tang. 2. Gặp trưởng dòng họ, người có uy tín để thống nhất. 3. Họp dòng họ, ký cam kết. 4. Đưa vào hương ước, quy ước thôn. 5. Lập tổ công tác dự đám cưới, đám tang. 6. Sơ kết, biểu dương gia đình tiêu biểu.',
    adaptation:
      'Xã mời trưởng dòng họ của xã bạn sang chia sẻ kinh nghiệm; thêm nội dung không tổ chức ăn uống kéo dài trong lễ mừng nhà mới.',
    indicators: [
      { label: 'Số dòng họ ký cam kết thực hiện nếp sống mới', unit: 'dòng họ', min: 6, max: 28 },
      {
        label: 'Số đám cưới, đám tang thực hiện theo nếp sống mới',
        unit: 'đám',
        min: 20,
        max: 140,
      },
      {
        label: 'Chi phí bình quân mỗi đám tang giảm',
        unit: 'triệu đồng',
        min: 15,
        max: 60,
        rate: true,
      },
      {
        label: 'Số trường hợp tảo hôn trong năm',
        unit: 'trường hợp',
        min: 0,
        max: 2,
        baseline: [4, 12],
        rate: true,
      },
      { label: 'Số thôn đưa nội dung vào hương ước, quy ước', unit: 'thôn', min: 3, max: 14 },
    ],
    resources: {
      vnd: [10 * M, 60 * M],
      workdays: [100, 500],
      residents: [300, 2500],
      replicationCost: [10 * M, 40 * M],
    },
    captions: [
      'Trưởng các dòng họ ký cam kết thực hiện nếp sống mới',
      'Tuyên truyền bằng tiếng Mông tại phiên chợ',
      'Đám cưới tiết kiệm theo nếp sống mới',
    ],
  },

  literacy: {
    field: 'culture_society',
    scene: 'classroom',
    summary: (p) =>
      `${p.donVi} mở lớp học xóa mù chữ vào buổi tối tại nhà văn hóa ${p.thon} cho người dân trong độ tuổi chưa biết đọc, biết viết, phần lớn là phụ nữ Mông; giáo viên và tình nguyện viên đứng lớp, lồng ghép kiến thức pháp luật, chăm sóc sức khỏe và làm kinh tế.`,
    context: () =>
      'Nhiều người trong thôn, nhất là phụ nữ, chưa từng đến trường, không đọc được giấy tờ, không tự làm được thủ tục hành chính, không ghi chép được chi tiêu gia đình; khi làm việc với cán bộ phải nhờ người phiên dịch. Ban ngày bà con bận lên nương nên lớp học ban ngày không duy trì được.',
    objectives: () =>
      'Giúp học viên biết đọc, biết viết, làm được các phép tính đơn giản; nâng tỷ lệ người biết chữ trong độ tuổi của thôn; học viên tự tin tham gia các hoạt động của thôn, của hội.',
    method: () =>
      'Vận động từng người đi học, thuyết phục cả người chồng, người cha đồng ý cho vợ, con gái đến lớp. Lớp học 3 buổi tối mỗi tuần, sau giờ lên nương; học viên mang theo con nhỏ được trông giúp. Bài học gắn với đời sống: viết tên mình, đọc giấy hẹn khám bệnh, ghi sổ thu chi. Học viên tiến bộ được biểu dương, tặng vở, bút.',
    forces: () =>
      'Hội Phụ nữ vận động học viên; trường tiểu học cử giáo viên; bộ đội biên phòng, đoàn viên thanh niên tình nguyện trợ giảng; chính quyền xã bố trí lớp học và điện thắp sáng.',
    residentContributions:
      'Gia đình tạo điều kiện cho phụ nữ đi học; thôn cho mượn nhà văn hóa, góp củi sưởi mùa đông; người biết chữ kèm người chưa biết.',
    sustainability:
      'Lớp học được đưa vào kế hoạch hằng năm của nhà trường và của hội; học viên đã biết chữ trở thành người kèm cặp cho lớp sau.',
    replicationConditions:
      'Có giáo viên hoặc tình nguyện viên sẵn sàng dạy buổi tối; có địa điểm học có điện; có sự ủng hộ của gia đình học viên.',
    replicationSteps:
      '1. Điều tra số người chưa biết chữ. 2. Vận động từng gia đình. 3. Bố trí lớp, giáo viên, lịch học phù hợp mùa vụ. 4. Soạn bài học gắn với đời sống. 5. Kiểm tra, công nhận biết chữ, biểu dương học viên.',
    adaptation:
      'Lớp học ghép hai thôn, học vào tối thứ Ba, thứ Năm và sáng Chủ nhật; đoàn viên thanh niên trông trẻ cho học viên.',
    indicators: [
      { label: 'Số học viên theo học', unit: 'người', min: 18, max: 60 },
      { label: 'Số học viên được công nhận biết chữ', unit: 'người', min: 12, max: 50 },
      {
        label: 'Tỷ lệ người biết chữ trong độ tuổi 15–60 của thôn',
        unit: '%',
        min: 80,
        max: 97,
        decimals: 1,
        baseline: [55, 75],
        rate: true,
      },
      { label: 'Số lớp học được mở', unit: 'lớp', min: 1, max: 4 },
    ],
    resources: {
      vnd: [20 * M, 90 * M],
      workdays: [200, 700],
      residents: [30, 120],
      replicationCost: [15 * M, 50 * M],
    },
    captions: [
      'Lớp học xóa mù chữ buổi tối tại nhà văn hóa thôn',
      'Học viên tập viết tên mình',
      'Giáo viên kèm học viên lớn tuổi',
    ],
  },

  patrol: {
    field: 'defence_security',
    scene: 'night',
    summary: (p) =>
      `${p.donVi} hướng dẫn các thôn của ${p.xa} thành lập tổ tuần tra đêm gồm đoàn viên thanh niên, cựu chiến binh, dân quân; tổ chia ca tuần tra các tuyến đường, khu chợ, nơi nhốt gia súc, kịp thời phát hiện trộm cắp, đánh bạc và người lạ vào thôn.`,
    context: () =>
      'Trước đây trộm cắp gia súc, tài sản vào ban đêm xảy ra ở một số thôn, người dân lo lắng; lực lượng công an xã mỏng, địa bàn rộng nên khó kiểm soát. Một số đối tượng từ nơi khác đến lôi kéo thanh niên tụ tập, đánh bạc.',
    objectives: () =>
      'Mỗi thôn có ít nhất một tổ tuần tra đêm hoạt động hiệu quả; giảm rõ rệt các vụ trộm cắp; không để hình thành tụ điểm phức tạp về an ninh trật tự.',
    method: () =>
      'Công an xã cùng trưởng thôn họp dân bàn và bầu tổ viên; mỗi tổ có lịch tuần tra luân phiên, sổ giao ca. Các hộ góp tiền mua đèn pin, loa cầm tay; lập nhóm Zalo “An ninh thôn” để báo tin. Công an xã tập huấn kỹ năng, trực tiếp đi tuần cùng tổ vào những đêm cao điểm như phiên chợ, dịp lễ Tết.',
    forces: () =>
      'Công an xã hướng dẫn và chỉ đạo; chi bộ, trưởng thôn quản lý tổ; đoàn viên thanh niên, cựu chiến binh, dân quân là thành viên; nhân dân cung cấp tin báo.',
    residentContributions:
      'Tham gia tuần tra luân phiên, góp tiền mua trang bị, cung cấp thông tin về người lạ, đối tượng nghi vấn.',
    sustainability:
      'Tổ tuần tra được đưa vào quy ước thôn, có quỹ do dân đóng góp và công an xã trực tiếp hướng dẫn; hoạt động gắn với phong trào Toàn dân bảo vệ an ninh Tổ quốc.',
    replicationConditions:
      'Có lực lượng thanh niên, cựu chiến binh tại thôn; công an xã chính quy bám cơ sở; người dân đồng thuận đóng góp.',
    replicationSteps:
      '1. Đánh giá tình hình an ninh trật tự của thôn. 2. Họp dân, bầu tổ viên tuần tra. 3. Xây dựng lịch tuần tra, sổ giao ca, kênh báo tin. 4. Tập huấn kỹ năng. 5. Sơ kết hằng quý, biểu dương tổ viên tích cực.',
    adaptation:
      'Tổ tuần tra kết hợp với tổ bảo vệ an ninh, trật tự ở cơ sở; các hộ kinh doanh ở trung tâm xã góp tiền lắp đèn chiếu sáng đường thôn.',
    indicators: [
      { label: 'Số tổ tuần tra đêm', unit: 'tổ', min: 3, max: 14 },
      { label: 'Số thành viên tham gia', unit: 'người', min: 25, max: 110 },
      { label: 'Số lượt tuần tra', unit: 'lượt', min: 150, max: 900, step: 5 },
      {
        label: 'Số vụ trộm cắp tài sản trong năm',
        unit: 'vụ',
        min: 0,
        max: 3,
        baseline: [8, 20],
        rate: true,
      },
      { label: 'Số tin báo có giá trị', unit: 'tin', min: 6, max: 40 },
    ],
    resources: {
      vnd: [15 * M, 70 * M],
      workdays: [400, 2000],
      residents: [200, 1200],
      replicationCost: [10 * M, 40 * M],
    },
    captions: [
      'Tổ tuần tra đêm của thôn làm nhiệm vụ',
      'Công an xã tập huấn kỹ năng cho tổ tuần tra',
      'Họp dân bầu thành viên tổ tuần tra',
    ],
  },

  tea: {
    field: 'economy',
    scene: 'tea',
    summary: (p) =>
      `${p.donVi} vận động các hộ trồng chè Shan tuyết ở ${p.xa} liên kết thành hợp tác xã: chăm sóc chè theo hướng hữu cơ, thu hái đúng kỹ thuật, chế biến chung và xây dựng nhãn hiệu để bán được giá cao hơn.`,
    context: (p) =>
      `${p.Xa} có nhiều cây chè Shan tuyết cổ thụ, nhưng trước đây các hộ tự hái, tự sao chè thủ công, chất lượng không đồng đều; chè búp tươi bán cho thương lái với giá thấp, nhiều vườn chè bị bỏ hoang hoặc chặt để trồng ngô.`,
    objectives: () =>
      'Thành lập hợp tác xã với các hộ có vườn chè; bảo tồn và trồng mới diện tích chè; nâng giá bán chè búp tươi; sản phẩm đạt chứng nhận OCOP.',
    method: () =>
      'Cán bộ đến từng nhà tuyên truyền lợi ích của liên kết, đưa người dân đi tham quan hợp tác xã chè đã làm thành công. Các hộ tự bàn điều lệ, góp vốn bằng vườn chè và ngày công; hợp tác xã ký hợp đồng bao tiêu với giá ổn định, trả tiền ngay cho bà con. Tập huấn hái “một tôm hai lá”, không phun thuốc hóa học.',
    forces: () =>
      'Cấp ủy, chính quyền xã chỉ đạo và lồng ghép các chương trình hỗ trợ; Hội Nông dân vận động, tập huấn; hợp tác xã tổ chức sản xuất, tiêu thụ; doanh nghiệp liên kết chế biến.',
    residentContributions:
      'Góp vườn chè, góp vốn, ngày công chăm sóc và trồng mới; một số hộ góp đất xây xưởng chế biến.',
    sustainability:
      'Hợp tác xã có xưởng chế biến, thị trường ổn định, thu nhập của thành viên tăng nên thu hút thêm hộ tham gia; vườn chè cổ thụ được bảo tồn.',
    replicationConditions:
      'Có vùng chè hoặc cây đặc sản tập trung; có người đứng đầu hợp tác xã có năng lực; có liên kết tiêu thụ.',
    replicationSteps:
      '1. Khảo sát vùng nguyên liệu và các hộ. 2. Tham quan mô hình, tuyên truyền. 3. Vận động thành lập tổ hợp tác, hợp tác xã. 4. Tập huấn kỹ thuật, xây dựng quy trình. 5. Ký hợp đồng tiêu thụ, xây dựng nhãn hiệu.',
    adaptation:
      'Bắt đầu bằng tổ hợp tác 15 hộ, bán chè búp tươi cho hợp tác xã của xã bạn trước khi tự xây xưởng chế biến.',
    indicators: [
      { label: 'Số hộ thành viên', unit: 'hộ', min: 25, max: 120 },
      {
        label: 'Diện tích chè chăm sóc theo hướng hữu cơ',
        unit: 'ha',
        min: 15,
        max: 120,
        decimals: 1,
      },
      {
        label: 'Sản lượng chè búp tươi',
        unit: 'tấn/năm',
        min: 20,
        max: 180,
        decimals: 1,
        rate: true,
      },
      {
        label: 'Doanh thu của hợp tác xã',
        unit: 'đồng',
        min: 800 * M,
        max: 4500 * M,
        step: 10 * M,
        rate: true,
      },
      { label: 'Giá chè búp tươi tăng thêm', unit: 'nghìn đồng/kg', min: 5, max: 25, rate: true },
    ],
    resources: {
      vnd: [400 * M, 2000 * M],
      workdays: [800, 3000],
      residents: [100, 500],
      replicationCost: [200 * M, 800 * M],
    },
    captions: [
      'Bà con hái chè Shan tuyết trên nương',
      'Xưởng chế biến chè của hợp tác xã',
      'Cây chè Shan tuyết cổ thụ được bảo tồn',
    ],
  },

  cardamom: {
    field: 'economy',
    scene: 'tea',
    summary: (p) =>
      `${p.donVi} vận động các hộ nhận khoán giữ rừng, trồng thảo quả và cây dược liệu dưới tán rừng ở ${p.thon}, vừa tăng thu nhập vừa bảo vệ rừng đầu nguồn.`,
    context: () =>
      'Trước đây một số hộ đốt nương, chặt cây rừng làm nương ngô, rừng đầu nguồn bị thu hẹp, mùa khô thiếu nước. Thu nhập chủ yếu từ ngô, lúa nương nên bấp bênh.',
    objectives: () =>
      'Không để xảy ra cháy rừng, phá rừng làm nương; phát triển diện tích thảo quả, dược liệu dưới tán rừng; tăng thu nhập cho các hộ tham gia.',
    method: () =>
      'Chi bộ ra nghị quyết, giao mỗi hộ nhận khoán bảo vệ một diện tích rừng cụ thể; hỗ trợ giống, tập huấn trồng dưới tán rừng; người có uy tín ký cam kết không phá rừng. Hộ làm giỏi chia sẻ kinh nghiệm tại thôn; tổ chức thu mua tập trung để bà con không bị ép giá.',
    forces: () =>
      'Chi bộ, Hội Nông dân vận động; kiểm lâm địa bàn hướng dẫn; chính quyền xã giao khoán rừng; doanh nghiệp thu mua sản phẩm.',
    residentContributions:
      'Nhận khoán bảo vệ rừng; góp công trồng, chăm sóc; tham gia tổ tuần tra phòng cháy rừng.',
    sustainability:
      'Thu nhập từ thảo quả, dược liệu gắn với lợi ích giữ rừng nên người dân tự giác bảo vệ; diện tích trồng tăng qua từng năm.',
    replicationConditions:
      'Có rừng tự nhiên hoặc rừng trồng đủ độ che phủ, khí hậu mát; có nguồn giống và đầu mối thu mua.',
    replicationSteps:
      '1. Rà soát diện tích rừng, giao khoán cho hộ. 2. Tập huấn kỹ thuật trồng dưới tán rừng. 3. Hỗ trợ giống ban đầu. 4. Ký cam kết bảo vệ rừng. 5. Tổ chức thu mua, sơ kết hằng năm.',
    adaptation:
      'Trồng xen sa nhân tím và cây dược liệu bản địa phù hợp với độ cao thấp hơn; kiểm lâm địa bàn trực tiếp giao khoán.',
    indicators: [
      {
        label: 'Diện tích thảo quả, dược liệu dưới tán rừng',
        unit: 'ha',
        min: 10,
        max: 80,
        decimals: 1,
      },
      { label: 'Số hộ tham gia', unit: 'hộ', min: 20, max: 90 },
      { label: 'Diện tích rừng được bảo vệ', unit: 'ha', min: 120, max: 800, step: 5 },
      {
        label: 'Thu nhập bình quân tăng thêm',
        unit: 'triệu đồng/hộ/năm',
        min: 8,
        max: 35,
        rate: true,
      },
      { label: 'Số vụ cháy rừng', unit: 'vụ', min: 0, max: 0, baseline: [2, 5], rate: true },
    ],
    resources: {
      vnd: [100 * M, 600 * M],
      workdays: [500, 2000],
      residents: [80, 400],
      replicationCost: [80 * M, 300 * M],
    },
    captions: [
      'Thảo quả trồng dưới tán rừng',
      'Bà con nhận khoán bảo vệ rừng đầu nguồn',
      'Thu hoạch thảo quả',
    ],
  },

  saturday: {
    field: 'culture_society',
    scene: 'volunteer',
    summary: (p) =>
      `${p.donVi} duy trì “Ngày thứ Bảy tình nguyện”: mỗi tuần đoàn viên ra quân giúp hộ nghèo, hộ neo đơn ở ${p.xa} sửa nhà, làm đường, vệ sinh môi trường, dạy chữ cho trẻ em và hướng dẫn bà con sử dụng điện thoại thông minh.`,
    context: () =>
      'Nhiều hộ nghèo, người già neo đơn không đủ sức sửa nhà, làm chuồng trại; đường liên thôn thường sạt lở sau mưa. Thanh niên trong xã nhiều người đi làm ăn xa, hoạt động đoàn chưa sôi nổi.',
    objectives: () =>
      'Duy trì hoạt động tình nguyện hằng tuần; mỗi năm giúp ít nhất 20 hộ khó khăn; tạo môi trường để đoàn viên rèn luyện, gắn bó với quê hương.',
    method: () =>
      'Đoàn xã lập danh sách việc cần làm do các thôn đề xuất, công khai trên nhóm Zalo; mỗi chi đoàn nhận một thôn. Thứ Bảy hằng tuần đoàn viên ra quân theo lịch, tự mang dụng cụ; bà con được giúp đỡ góp bữa cơm, bát nước. Kết quả được biểu dương tại hội nghị đoàn hằng quý.',
    forces: () =>
      'Đoàn Thanh niên xã là lực lượng chính; chi bộ, chính quyền chỉ đạo; đồn biên phòng, nhà trường phối hợp; nhân dân các thôn cùng tham gia.',
    residentContributions:
      'Nhân dân cùng làm, góp vật liệu sẵn có như gỗ, đá; hộ được giúp góp bữa ăn cho đoàn viên.',
    sustainability:
      'Lịch ra quân cố định, được đưa vào chương trình công tác của Đoàn; đoàn viên mới tiếp nối, không phụ thuộc kinh phí.',
    replicationConditions:
      'Có tổ chức đoàn cơ sở hoạt động tốt, có đoàn viên tại chỗ; được cấp ủy quan tâm, giao việc cụ thể.',
    replicationSteps:
      '1. Khảo sát nhu cầu của các thôn. 2. Lập danh mục công việc, phân công chi đoàn. 3. Ra quân định kỳ vào thứ Bảy. 4. Công khai kết quả, biểu dương. 5. Sơ kết hằng năm.',
    adaptation:
      'Ra quân vào thứ Bảy cuối tháng, ghép với hoạt động của Hội Phụ nữ; ưu tiên giúp các hộ neo đơn làm nhà tiêu hợp vệ sinh.',
    indicators: [
      { label: 'Số buổi ra quân tình nguyện', unit: 'buổi', min: 30, max: 52 },
      { label: 'Số lượt đoàn viên tham gia', unit: 'lượt', min: 400, max: 1600, step: 10 },
      { label: 'Số nhà, chuồng trại được sửa giúp hộ khó khăn', unit: 'nhà', min: 10, max: 40 },
      {
        label: 'Chiều dài đường được phát quang, sửa chữa',
        unit: 'km',
        min: 5,
        max: 30,
        decimals: 1,
      },
      { label: 'Ngày công tình nguyện', unit: 'ngày công', min: 500, max: 2500, step: 10 },
    ],
    resources: {
      vnd: [5 * M, 40 * M],
      workdays: [500, 2500],
      residents: [60, 300],
      replicationCost: [5 * M, 20 * M],
    },
    captions: [
      'Đoàn viên giúp hộ nghèo sửa nhà',
      'Ra quân phát quang đường liên thôn ngày thứ Bảy',
      'Đoàn viên hướng dẫn bà con dùng điện thoại thông minh',
    ],
  },

  housing: {
    field: 'culture_society',
    scene: 'houses',
    summary: (p) =>
      `${p.donVi} vận động các tổ chức, cá nhân, doanh nghiệp và nhân dân góp tiền, góp công xây “Ngôi nhà Đại đoàn kết” thay thế nhà tạm, nhà dột nát cho hộ nghèo, hộ có hoàn cảnh khó khăn ở ${p.xa}.`,
    context: () =>
      'Nhiều hộ nghèo đang ở nhà tạm vách nứa, mái lá, mùa mưa dột, mùa đông gió lùa; các hộ không đủ khả năng tự làm nhà, nguồn hỗ trợ của Nhà nước có hạn.',
    objectives: () =>
      'Xóa toàn bộ nhà tạm, nhà dột nát của hộ nghèo trên địa bàn; mỗi nhà bảo đảm “ba cứng” (nền cứng, khung cứng, mái cứng); nhân dân cùng tham gia xây dựng.',
    method: () =>
      'Mặt trận họp bình xét công khai hộ được hỗ trợ; vận động nguồn xã hội hóa, con em quê hương làm ăn xa ủng hộ. Mỗi nhà có “tổ giúp nhau làm nhà” gồm họ hàng, hàng xóm, đoàn viên, dân quân; gia đình được hỗ trợ tự chọn kiểu nhà phù hợp phong tục. Từng khoản thu chi được công khai trên bảng tin thôn.',
    forces: () =>
      'Ủy ban MTTQ chủ trì vận động; chính quyền lồng ghép chương trình hỗ trợ nhà ở; các đoàn thể, dân quân, bộ đội biên phòng góp công; dòng họ, hàng xóm giúp nhau.',
    residentContributions:
      'Gia đình được hỗ trợ góp gỗ, đá, ngày công; họ hàng, hàng xóm góp công; con em quê hương ủng hộ tiền.',
    sustainability:
      'Quỹ “Vì người nghèo” được duy trì hằng năm; tinh thần tương thân tương ái được phát huy; hộ có nhà ổn định yên tâm sản xuất, thoát nghèo.',
    replicationConditions:
      'Có danh sách hộ nghèo thiếu nhà được bình xét công khai; có nguồn vận động xã hội hóa; dòng họ, hàng xóm sẵn sàng giúp nhau.',
    replicationSteps:
      '1. Rà soát, bình xét công khai hộ được hỗ trợ. 2. Vận động nguồn lực, công khai danh sách ủng hộ. 3. Thành lập tổ giúp nhau làm nhà. 4. Thi công, nghiệm thu, bàn giao. 5. Theo dõi, giúp hộ phát triển sản xuất.',
    adaptation:
      'Xã ghép với chương trình xóa nhà tạm của tỉnh; mỗi thôn nhận làm ít nhất một nhà bằng ngày công của thôn.',
    indicators: [
      { label: 'Số nhà Đại đoàn kết xây mới, sửa chữa', unit: 'nhà', min: 8, max: 45 },
      { label: 'Tiền vận động xã hội hóa', unit: 'đồng', min: 300 * M, max: 2400 * M, step: 5 * M },
      { label: 'Ngày công nhân dân đóng góp', unit: 'ngày công', min: 600, max: 3500, step: 10 },
      { label: 'Số hộ thoát nghèo sau khi có nhà', unit: 'hộ', min: 4, max: 25 },
    ],
    resources: {
      vnd: [400 * M, 2600 * M],
      workdays: [600, 3500],
      residents: [200, 1200],
      replicationCost: [300 * M, 900 * M],
    },
    captions: [
      'Bàn giao Ngôi nhà Đại đoàn kết cho hộ nghèo',
      'Họ hàng, hàng xóm giúp nhau dựng nhà',
      'Ngôi nhà mới “ba cứng” của hộ nghèo',
    ],
  },

  sanitation: {
    field: 'culture_society',
    scene: 'houses',
    summary: (p) =>
      `${p.donVi} vận động hội viên ở ${p.xa} thực hiện “ba sạch”: nhà sạch, bếp sạch, ngõ sạch; làm nhà tiêu hợp vệ sinh, đưa chuồng gia súc ra xa nhà ở, phân loại rác tại hộ gia đình.`,
    context: () =>
      'Tập quán nhốt gia súc dưới gầm nhà, sát nhà ở còn phổ biến; nhiều hộ chưa có nhà tiêu hợp vệ sinh, rác thải vứt ra suối, gây ô nhiễm nguồn nước, phát sinh dịch bệnh.',
    objectives: () =>
      'Trên 80% hộ hội viên có nhà tiêu hợp vệ sinh; tất cả các hộ đưa chuồng gia súc ra xa nhà ở; mỗi thôn có điểm thu gom rác.',
    method: () =>
      'Chi hội chia hội viên thành các nhóm 5–7 nhà, thi đua giữa các nhóm; hằng tháng chấm điểm “ba sạch” và công bố tại buổi sinh hoạt. Hộ khá, họ hàng giúp hộ khó khăn vật liệu, ngày công làm nhà tiêu, chuồng trại; phối hợp trạm y tế tuyên truyền phòng bệnh.',
    forces: () =>
      'Hội Phụ nữ là nòng cốt; chi bộ, chính quyền chỉ đạo; trạm y tế tuyên truyền; Đoàn Thanh niên hỗ trợ ngày công.',
    residentContributions:
      'Các hộ tự làm nhà tiêu, chuồng trại, góp công dọn vệ sinh đường thôn định kỳ.',
    sustainability:
      'Tiêu chí “ba sạch” được đưa vào bình xét gia đình văn hóa; chấm điểm hằng tháng tạo thói quen; người dân thấy rõ trẻ em ít ốm.',
    replicationConditions:
      'Có chi hội phụ nữ hoạt động tốt; có vật liệu sẵn có tại địa phương; có sự phối hợp của trạm y tế.',
    replicationSteps:
      '1. Khảo sát điều kiện vệ sinh của các hộ. 2. Chia nhóm hộ, phát động thi đua. 3. Hỗ trợ hộ khó khăn. 4. Chấm điểm hằng tháng. 5. Biểu dương, đưa vào bình xét gia đình văn hóa.',
    adaptation:
      'Thêm nội dung trồng hoa hai bên đường thôn; các nhóm hộ thi đua theo quý, phần thưởng là cây giống.',
    indicators: [
      { label: 'Số hộ có nhà tiêu hợp vệ sinh', unit: 'hộ', min: 60, max: 260 },
      { label: 'Số chuồng gia súc được đưa ra xa nhà ở', unit: 'chuồng', min: 40, max: 180 },
      {
        label: 'Tỷ lệ hộ đạt tiêu chí “ba sạch”',
        unit: '%',
        min: 70,
        max: 95,
        decimals: 1,
        baseline: [20, 45],
        rate: true,
      },
      { label: 'Số điểm thu gom rác', unit: 'điểm', min: 3, max: 15 },
    ],
    resources: {
      vnd: [30 * M, 200 * M],
      workdays: [300, 1500],
      residents: [150, 700],
      replicationCost: [20 * M, 80 * M],
    },
    captions: [
      'Hội viên phụ nữ dọn vệ sinh đường thôn',
      'Chuồng gia súc được làm xa nhà ở',
      'Chấm điểm “ba sạch” tại hộ gia đình',
    ],
  },

  militia: {
    field: 'defence_security',
    scene: 'volunteer',
    summary: (p) =>
      `${p.donVi} tổ chức cho dân quân ${p.xa} gắn huấn luyện với giúp dân: làm nhà, làm đường, thu hoạch mùa vụ, phòng chống thiên tai; qua đó tuyên truyền nhiệm vụ quốc phòng, củng cố thế trận lòng dân.`,
    context: () =>
      'Mùa mưa bão thường xảy ra sạt lở, lũ quét; nhiều hộ thiếu lao động khi vào vụ. Một bộ phận thanh niên chưa mặn mà với nghĩa vụ quân sự và lực lượng dân quân.',
    objectives: () =>
      'Mỗi đợt huấn luyện đều có nội dung giúp dân; ứng cứu kịp thời khi có thiên tai; tất cả thanh niên trong diện gọi nhập ngũ lên đường đúng hạn.',
    method: () =>
      'Ban Chỉ huy Quân sự lập kế hoạch gắn huấn luyện với nhu cầu của thôn; dân quân chia tổ bám thôn, nắm hộ neo đơn để giúp. Khi có thiên tai, lực lượng có mặt sớm nhất giúp dân di dời người và tài sản. Thông qua giúp dân, tuyên truyền Luật Nghĩa vụ quân sự, Luật Dân quân tự vệ.',
    forces: () =>
      'Ban Chỉ huy Quân sự chủ trì; cấp ủy, chính quyền chỉ đạo; dân quân cơ động, dân quân tại chỗ; phối hợp đồn biên phòng, công an xã.',
    residentContributions:
      'Bà con góp bữa ăn, nước uống; động viên con em tham gia dân quân; báo tin kịp thời khi có sạt lở.',
    sustainability:
      'Hoạt động gắn với nhiệm vụ huấn luyện thường xuyên, không cần thêm kinh phí; được đưa vào kế hoạch năm của Ban Chỉ huy Quân sự.',
    replicationConditions:
      'Có lực lượng dân quân được tổ chức chặt chẽ; cấp ủy quan tâm giao nhiệm vụ.',
    replicationSteps:
      '1. Khảo sát nhu cầu giúp dân của các thôn. 2. Lồng ghép vào kế hoạch huấn luyện. 3. Phân công tổ dân quân bám thôn. 4. Tổ chức giúp dân, ứng cứu thiên tai. 5. Sơ kết, khen thưởng.',
    adaptation:
      'Dân quân tại chỗ của từng thôn nhận giúp các hộ neo đơn trong thôn; lịch giúp dân bố trí theo mùa vụ ngô.',
    indicators: [
      { label: 'Số ngày công dân quân giúp dân', unit: 'ngày công', min: 300, max: 1500, step: 10 },
      { label: 'Số hộ được giúp đỡ', unit: 'hộ', min: 25, max: 120 },
      { label: 'Số lần ứng cứu thiên tai, sạt lở', unit: 'lần', min: 3, max: 15 },
      {
        label: 'Tỷ lệ thanh niên nhập ngũ đúng hạn',
        unit: '%',
        min: 100,
        max: 100,
        baseline: [85, 95],
        rate: true,
      },
    ],
    resources: {
      vnd: [10 * M, 60 * M],
      workdays: [300, 1500],
      residents: [100, 500],
      replicationCost: [5 * M, 30 * M],
    },
    captions: [
      'Dân quân giúp dân thu hoạch ngô',
      'Dân quân khắc phục sạt lở đường liên thôn',
      'Dân quân giúp hộ neo đơn dựng nhà',
    ],
  },

  drugs: {
    field: 'defence_security',
    scene: 'meeting',
    summary: (p) =>
      `${p.donVi} xây dựng thôn, bản ở ${p.xa} không ma túy, không di cư tự do, không xuất nhập cảnh trái phép; người có uy tín, gia đình và cán bộ cùng cảm hóa, giúp đỡ người sau cai nghiện hòa nhập cộng đồng.`,
    context: () =>
      'Địa bàn giáp biên, phức tạp về ma túy, mua bán người, xuất nhập cảnh trái phép; một số người nghe theo lời dụ dỗ bỏ đi nơi khác hoặc sang bên kia biên giới làm thuê trái phép. Người sau cai nghiện bị kỳ thị nên dễ tái nghiện.',
    objectives: () =>
      'Không phát sinh người nghiện mới; giảm tái nghiện; không có người di cư tự do, xuất nhập cảnh trái phép; đưa các thôn ra khỏi diện phức tạp về ma túy.',
    method: () =>
      'Mỗi người sau cai nghiện có một “tổ giúp đỡ” gồm công an viên, người có uy tín, trưởng dòng họ và đoàn viên; giúp vay vốn, tạo việc làm, thăm hỏi thường xuyên. Các hộ ký cam kết không tham gia, không chứa chấp tội phạm ma túy; tuyên truyền bằng tiếng Mông qua loa truyền thanh và các buổi họp dòng họ.',
    forces: () =>
      'Công an chủ trì; cấp ủy, chính quyền chỉ đạo; đồn biên phòng, Mặt trận, các đoàn thể phối hợp; gia đình, dòng họ cảm hóa, giúp đỡ.',
    residentContributions:
      'Các hộ ký cam kết, cung cấp tin báo; dòng họ nhận giúp đỡ, quản lý người sau cai nghiện.',
    sustainability:
      'Cam kết đã được đưa vào quy ước thôn và quy định dòng họ; người sau cai nghiện có việc làm ổn định, trở thành tuyên truyền viên.',
    replicationConditions:
      'Có lực lượng công an chính quy bám xã; có sự tham gia của người có uy tín, dòng họ; có nguồn vốn hỗ trợ sinh kế.',
    replicationSteps:
      '1. Rà soát người nghiện, người sau cai nghiện, hộ có nguy cơ. 2. Thành lập tổ giúp đỡ. 3. Ký cam kết với các hộ. 4. Hỗ trợ sinh kế. 5. Đánh giá, công nhận thôn không ma túy.',
    adaptation:
      'Xã giao cho mỗi dòng họ nhận giúp đỡ người sau cai nghiện trong họ; Hội Nông dân hỗ trợ vốn chăn nuôi lợn đen.',
    indicators: [
      { label: 'Số người sau cai nghiện được giúp đỡ hòa nhập', unit: 'người', min: 5, max: 25 },
      {
        label: 'Số người nghiện mới phát sinh',
        unit: 'người',
        min: 0,
        max: 0,
        baseline: [3, 10],
        rate: true,
      },
      { label: 'Số thôn được công nhận không ma túy', unit: 'thôn', min: 2, max: 8 },
      { label: 'Số hộ ký cam kết', unit: 'hộ', min: 150, max: 600, step: 5 },
    ],
    resources: {
      vnd: [20 * M, 150 * M],
      workdays: [200, 900],
      residents: [300, 2000],
      replicationCost: [15 * M, 60 * M],
    },
    captions: [
      'Các hộ ký cam kết xây dựng thôn không ma túy',
      'Tổ giúp đỡ thăm người sau cai nghiện',
      'Tuyên truyền phòng, chống ma túy bằng tiếng Mông',
    ],
  },

  dropout: {
    field: 'culture_society',
    scene: 'classroom',
    summary: (p) =>
      `${p.donVi} phân công thầy cô giáo phụ trách từng thôn của ${p.xa}, cùng trưởng thôn và phụ huynh vận động học sinh ra lớp đầy đủ, không bỏ học đi làm thuê, lấy chồng sớm; phụ huynh góp gạo, rau cho bữa ăn bán trú.`,
    context: () =>
      'Học sinh ở xa trường, đường đi lại khó khăn; sau Tết và mùa thu hoạch nhiều em nghỉ học theo bố mẹ lên nương hoặc đi làm thuê; một số em gái bỏ học để lấy chồng sớm.',
    objectives: () =>
      'Tỷ lệ chuyên cần trên 95%; không có học sinh bỏ học; giảm tảo hôn ở lứa tuổi học sinh; bữa ăn bán trú đủ chất.',
    method: () =>
      'Mỗi giáo viên phụ trách một thôn, có sổ theo dõi học sinh; khi học sinh nghỉ quá 2 ngày, giáo viên cùng trưởng thôn đến nhà. Họp phụ huynh theo thôn, bằng tiếng Mông; phụ huynh luân phiên góp gạo, rau xanh, củi cho bếp bán trú; nhà trường tăng gia vườn rau, chuồng gà.',
    forces: () =>
      'Nhà trường chủ trì; cấp ủy, chính quyền xã chỉ đạo; trưởng thôn, Hội Phụ nữ, Đoàn Thanh niên, đồn biên phòng phối hợp vận động.',
    residentContributions: 'Phụ huynh góp gạo, rau, củi, ngày công sửa phòng ở bán trú.',
    sustainability:
      'Cách giáo viên phụ trách thôn đã thành nền nếp; phụ huynh hiểu rõ giá trị của việc học; vườn rau, chuồng gà của trường duy trì nguồn thực phẩm.',
    replicationConditions:
      'Có trường bán trú hoặc điểm trường; giáo viên tâm huyết, hiểu phong tục; chính quyền, thôn bản phối hợp.',
    replicationSteps:
      '1. Lập danh sách học sinh theo thôn, phân công giáo viên. 2. Họp phụ huynh theo thôn. 3. Theo dõi chuyên cần hằng ngày, đến nhà khi học sinh nghỉ. 4. Vận động phụ huynh góp thực phẩm. 5. Biểu dương học sinh, phụ huynh tiêu biểu.',
    adaptation:
      'Trường mầm non áp dụng cho trẻ 5 tuổi: cô giáo đến nhà đón trẻ vào đầu năm học, phụ huynh góp rau cho bữa trưa.',
    indicators: [
      {
        label: 'Tỷ lệ học sinh đi học chuyên cần',
        unit: '%',
        min: 95,
        max: 99.5,
        decimals: 1,
        baseline: [80, 90],
        rate: true,
      },
      { label: 'Số học sinh bỏ học được vận động trở lại lớp', unit: 'em', min: 5, max: 30 },
      {
        label: 'Số học sinh bỏ học trong năm',
        unit: 'em',
        min: 0,
        max: 1,
        baseline: [8, 20],
        rate: true,
      },
      {
        label: 'Gạo phụ huynh đóng góp cho bếp bán trú',
        unit: 'kg',
        min: 800,
        max: 4000,
        step: 50,
      },
    ],
    resources: {
      vnd: [20 * M, 120 * M],
      workdays: [200, 900],
      residents: [150, 600],
      replicationCost: [10 * M, 50 * M],
    },
    captions: [
      'Thầy cô đến nhà vận động học sinh ra lớp',
      'Bữa ăn bán trú có gạo, rau do phụ huynh góp',
      'Vườn rau tăng gia của nhà trường',
    ],
  },

  health: {
    field: 'culture_society',
    scene: 'health',
    summary: (p) =>
      `${p.donVi} phối hợp các đoàn thể và y tế thôn bản ở ${p.xa} vận động phụ nữ mang thai khám thai định kỳ, sinh con tại cơ sở y tế và đưa trẻ đi tiêm chủng đầy đủ; bỏ dần tập quán sinh con tại nhà.`,
    context: () =>
      'Nhiều phụ nữ Mông vẫn sinh con tại nhà, không khám thai; khi có tai biến, việc đưa xuống trạm y tế rất khó khăn vì đường xa. Tỷ lệ trẻ được tiêm chủng đầy đủ thấp, còn xảy ra bệnh sởi, bạch hầu.',
    objectives: () =>
      'Trên 90% phụ nữ sinh con tại cơ sở y tế; trên 95% trẻ dưới 1 tuổi được tiêm chủng đầy đủ; không có tử vong mẹ.',
    method: () =>
      'Y tế thôn bản, cô đỡ thôn bản lập danh sách phụ nữ mang thai, đến từng nhà tư vấn bằng tiếng Mông, vận động cả người chồng, mẹ chồng. Trạm bố trí phòng sinh ấm, cho người nhà ở cùng, tôn trọng phong tục; tổ chức tiêm chủng lưu động tại các thôn xa.',
    forces: () =>
      'Trạm Y tế chủ trì; chính quyền xã chỉ đạo; Hội Phụ nữ, y tế thôn bản, cô đỡ thôn bản vận động; người có uy tín hỗ trợ.',
    residentContributions:
      'Gia đình đưa sản phụ đến trạm; thôn tổ chức đưa đón bằng xe máy khi cần; người dân góp ý cải tạo phòng sinh.',
    sustainability:
      'Mạng lưới y tế thôn bản được duy trì; phụ nữ trẻ đã quen sinh con ở trạm và tuyên truyền cho nhau.',
    replicationConditions:
      'Có trạm y tế đủ điều kiện đỡ đẻ; có y tế thôn bản, cô đỡ thôn bản; có phương tiện đưa đón.',
    replicationSteps:
      '1. Lập danh sách phụ nữ mang thai và trẻ em. 2. Tư vấn tại nhà. 3. Cải tạo phòng sinh phù hợp phong tục. 4. Tiêm chủng lưu động. 5. Theo dõi, biểu dương gia đình thực hiện tốt.',
    adaptation:
      'Xã lập nhóm Zalo của y tế thôn bản để báo sản phụ chuyển dạ; dân quân hỗ trợ đưa đón vào ban đêm.',
    indicators: [
      {
        label: 'Tỷ lệ phụ nữ sinh con tại cơ sở y tế',
        unit: '%',
        min: 85,
        max: 98,
        decimals: 1,
        baseline: [40, 60],
        rate: true,
      },
      {
        label: 'Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ',
        unit: '%',
        min: 92,
        max: 99,
        decimals: 1,
        baseline: [70, 85],
        rate: true,
      },
      { label: 'Số lượt khám thai', unit: 'lượt', min: 120, max: 480 },
      { label: 'Số buổi tiêm chủng lưu động', unit: 'buổi', min: 8, max: 30 },
    ],
    resources: {
      vnd: [20 * M, 120 * M],
      workdays: [150, 600],
      residents: [200, 900],
      replicationCost: [15 * M, 60 * M],
    },
    captions: [
      'Y tế thôn bản tư vấn cho phụ nữ mang thai tại nhà',
      'Buổi tiêm chủng lưu động ở thôn xa',
      'Phòng sinh được cải tạo ấm áp tại trạm y tế',
    ],
  },

  veterans: {
    field: 'economy',
    scene: 'fields',
    summary: (p) =>
      `${p.donVi} vận động hội viên ở ${p.xa} giúp nhau phát triển kinh tế vườn đồi, trồng cây ăn quả (mận, lê, cam) trên đất dốc, cho nhau vay vốn, giống và kinh nghiệm để thoát nghèo.`,
    context: () =>
      'Nhiều hội viên là hộ nghèo, cận nghèo; đất dốc chủ yếu trồng ngô một vụ, năng suất thấp, xói mòn mạnh.',
    objectives: () =>
      'Không còn hộ hội viên nghèo; mỗi hội viên có ít nhất 0,5 ha cây ăn quả hoặc cây hàng hóa; hội viên trở thành tấm gương để nhân dân học tập.',
    method: () =>
      'Hội chia hội viên thành các tổ “cựu chiến binh giúp nhau”, hộ làm giỏi nhận kèm hộ khó khăn; quỹ hội cho vay không lãi để mua giống; tổ chức tham quan vườn mẫu, chuyển giao kỹ thuật ghép cành, làm ruộng bậc thang chống xói mòn.',
    forces: () =>
      'Hội Cựu chiến binh chủ trì; cấp ủy, chính quyền hỗ trợ; khuyến nông viên hướng dẫn kỹ thuật; Ngân hàng Chính sách xã hội cho vay vốn.',
    residentContributions: 'Hội viên góp quỹ, góp giống, ngày công giúp nhau trồng, chăm sóc.',
    sustainability:
      'Vườn cây cho thu hoạch nhiều năm; quỹ hội quay vòng; nhân dân thấy hiệu quả nên học tập làm theo.',
    replicationConditions:
      'Có đất đồi, đất dốc phù hợp cây ăn quả; có hộ làm giỏi làm nòng cốt; có nguồn giống tốt.',
    replicationSteps:
      '1. Khảo sát hộ và đất sản xuất. 2. Thành lập tổ giúp nhau. 3. Cho vay quỹ hội, hỗ trợ giống. 4. Tập huấn, tham quan. 5. Sơ kết, nhân rộng.',
    adaptation:
      'Trồng lê, mận tam hoa phù hợp độ cao; Hội Nông dân cùng tham gia vào tổ giúp nhau.',
    indicators: [
      { label: 'Diện tích cây ăn quả trồng mới', unit: 'ha', min: 8, max: 40, decimals: 1 },
      { label: 'Số hội viên tham gia', unit: 'hội viên', min: 20, max: 70 },
      { label: 'Số hộ hội viên thoát nghèo', unit: 'hộ', min: 5, max: 20 },
      { label: 'Quỹ hội cho vay quay vòng', unit: 'đồng', min: 50 * M, max: 300 * M, step: 5 * M },
    ],
    resources: {
      vnd: [80 * M, 500 * M],
      workdays: [300, 1200],
      residents: [40, 200],
      replicationCost: [40 * M, 200 * M],
    },
    captions: [
      'Vườn mận của hội viên cựu chiến binh',
      'Hội viên giúp nhau ghép cành cây ăn quả',
      'Tham quan vườn mẫu trên đất dốc',
    ],
  },

  publicadmin: {
    field: 'political_system',
    scene: 'meeting',
    summary: (p) =>
      `${p.donVi} đưa cán bộ bộ phận một cửa xuống các thôn của ${p.xa} theo lịch cố định, hướng dẫn bằng tiếng dân tộc và giải quyết tại chỗ các thủ tục như khai sinh, chứng thực, đăng ký dịch vụ công trực tuyến; lắng nghe, giải đáp kiến nghị của người dân.`,
    context: () =>
      'Nhiều người dân ở thôn xa, không biết chữ hoặc không thạo tiếng phổ thông; mỗi lần làm thủ tục phải đi lại nhiều lần, mất ngày công lao động. Tỷ lệ hồ sơ nộp trực tuyến còn thấp.',
    objectives: () =>
      'Tất cả hồ sơ được giải quyết đúng hạn; tăng tỷ lệ hồ sơ trực tuyến; người dân không phải đi lại quá một lần cho mỗi thủ tục; nâng mức độ hài lòng của người dân.',
    method: () =>
      'Mỗi tháng bộ phận một cửa xuống thôn 2 ngày theo lịch thông báo trước qua loa truyền thanh; cán bộ biết tiếng Mông, tiếng Tày trực tiếp hướng dẫn; đoàn viên giúp người dân cài ứng dụng định danh điện tử. Người đứng đầu đối thoại trực tiếp với dân vào buổi chiều cùng ngày.',
    forces: () =>
      'UBND chủ trì; công chức tư pháp – hộ tịch, văn phòng; công an xã hỗ trợ định danh điện tử; Đoàn Thanh niên hỗ trợ kỹ thuật; trưởng thôn thông báo.',
    residentContributions:
      'Người dân chuẩn bị giấy tờ theo hướng dẫn, tham gia đối thoại, góp ý cho cán bộ.',
    sustainability:
      'Lịch xuống thôn được đưa vào quy chế làm việc; kinh phí thấp; người dân đã quen nộp hồ sơ trực tuyến.',
    replicationConditions:
      'Có cán bộ biết tiếng dân tộc; có sóng di động tại thôn; người đứng đầu quan tâm.',
    replicationSteps:
      '1. Xây dựng lịch xuống thôn. 2. Thông báo rộng rãi. 3. Chuẩn bị thiết bị, biểu mẫu. 4. Giải quyết thủ tục, đối thoại tại thôn. 5. Khảo sát mức độ hài lòng.',
    adaptation:
      'Ghép lịch xuống thôn với ngày chi trả trợ cấp để người dân đi một lần làm được nhiều việc.',
    indicators: [
      { label: 'Số hồ sơ giải quyết tại thôn', unit: 'hồ sơ', min: 150, max: 800 },
      {
        label: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
        unit: '%',
        min: 98,
        max: 100,
        decimals: 1,
        rate: true,
      },
      {
        label: 'Tỷ lệ hồ sơ nộp trực tuyến',
        unit: '%',
        min: 40,
        max: 85,
        decimals: 1,
        baseline: [5, 20],
        rate: true,
      },
      { label: 'Số buổi đối thoại với nhân dân', unit: 'buổi', min: 6, max: 24 },
    ],
    resources: {
      vnd: [10 * M, 50 * M],
      workdays: [100, 400],
      residents: [300, 1500],
      replicationCost: [5 * M, 30 * M],
    },
    captions: [
      'Cán bộ một cửa giải quyết thủ tục tại nhà văn hóa thôn',
      'Đoàn viên giúp người dân cài ứng dụng định danh điện tử',
      'Đối thoại giữa người đứng đầu với nhân dân',
    ],
  },

  adopt: {
    field: 'culture_society',
    scene: 'classroom',
    summary: (p) =>
      `Mỗi cán bộ, chiến sĩ của ${p.donVi} nhận đỡ đầu một học sinh có hoàn cảnh đặc biệt khó khăn ở ${p.xa}: hỗ trợ tiền hằng tháng, đồ dùng học tập, đến thăm gia đình và kèm học, để các em không phải bỏ học.`,
    context: () =>
      'Nhiều em mồ côi hoặc thuộc hộ nghèo ở các thôn giáp biên có nguy cơ bỏ học đi làm thuê hoặc bị lôi kéo sang bên kia biên giới.',
    objectives: () =>
      'Tất cả học sinh được nhận đỡ đầu tiếp tục đến trường; không em nào bỏ học; thắt chặt tình đoàn kết quân dân.',
    method: () =>
      'Đơn vị phối hợp nhà trường và chính quyền xã lựa chọn học sinh; mỗi cán bộ, chiến sĩ nhận một em, hỗ trợ 500.000 đồng mỗi tháng, thăm gia đình, kèm học buổi tối. Dịp lễ, Tết các em được đón về đơn vị sinh hoạt, vui chơi.',
    forces: () =>
      'Đồn Biên phòng chủ trì; nhà trường, chính quyền xã, Hội Phụ nữ phối hợp; gia đình học sinh cam kết cho con đi học đều.',
    residentContributions: 'Gia đình cam kết cho con đi học đều; thôn hỗ trợ theo dõi các em.',
    sustainability:
      'Chương trình được duy trì thường xuyên; khi cán bộ chuyển công tác, đồng đội tiếp nhận đỡ đầu.',
    replicationConditions:
      'Đơn vị lực lượng vũ trang hoặc cơ quan có cán bộ sẵn sàng đỡ đầu; có danh sách học sinh khó khăn.',
    replicationSteps:
      '1. Lựa chọn học sinh. 2. Phân công cán bộ đỡ đầu. 3. Ký cam kết với gia đình, nhà trường. 4. Hỗ trợ, thăm hỏi định kỳ. 5. Sơ kết hằng năm.',
    adaptation:
      'Công an xã và Ban Chỉ huy Quân sự xã cùng nhận đỡ đầu; mức hỗ trợ 300.000 đồng mỗi tháng.',
    indicators: [
      { label: 'Số học sinh được nhận đỡ đầu', unit: 'em', min: 8, max: 30 },
      { label: 'Kinh phí hỗ trợ', unit: 'đồng', min: 60 * M, max: 250 * M, step: 5 * M },
      { label: 'Số em được lên lớp, tốt nghiệp', unit: 'em', min: 8, max: 30 },
      { label: 'Số học sinh được đỡ đầu bỏ học', unit: 'em', min: 0, max: 0, rate: true },
    ],
    resources: {
      vnd: [60 * M, 250 * M],
      workdays: [100, 400],
      residents: [30, 120],
      replicationCost: [30 * M, 120 * M],
    },
    captions: [
      'Cán bộ đồn biên phòng thăm gia đình em học sinh được đỡ đầu',
      'Trao quà, đồ dùng học tập cho các em',
      'Chiến sĩ kèm các em học buổi tối',
    ],
  },

  savings: {
    field: 'economy',
    scene: 'fields',
    summary: (p) =>
      `${p.donVi} thành lập các tổ phụ nữ tiết kiệm – vay vốn xoay vòng ở ${p.xa}: hội viên góp tiền hằng tháng, quỹ cho hội viên khó khăn vay không lãi để mua giống, phát triển sản xuất; lồng ghép sinh hoạt chia sẻ kinh nghiệm làm kinh tế.`,
    context: () =>
      'Nhiều hội viên nghèo không tiếp cận được vốn vay, phải vay nóng với lãi suất cao khi cần mua giống, phân bón; phụ nữ ít có tiếng nói trong việc chi tiêu của gia đình.',
    objectives: () =>
      'Mỗi thôn có ít nhất một tổ tiết kiệm; hội viên khó khăn được vay vốn kịp thời; giảm hộ hội viên nghèo; nâng vai trò của phụ nữ trong phát triển kinh tế gia đình.',
    method: () =>
      'Chi hội vận động hội viên góp 50.000 đồng mỗi tháng, tự bầu tổ trưởng, thủ quỹ; quỹ cho vay theo thứ tự ưu tiên do tổ bình xét công khai. Sổ sách được đọc công khai tại buổi sinh hoạt hằng tháng; hội viên vay vốn được hướng dẫn cách làm ăn và được chị em trong tổ theo dõi, giúp đỡ.',
    forces: () =>
      'Hội Liên hiệp Phụ nữ chủ trì; chi bộ, chính quyền ủng hộ; Ngân hàng Chính sách xã hội hướng dẫn quản lý quỹ; khuyến nông viên tập huấn kỹ thuật.',
    residentContributions:
      'Hội viên góp tiền tiết kiệm hằng tháng; gia đình hội viên ủng hộ việc tham gia tổ.',
    sustainability:
      'Quỹ do hội viên tự góp, tự quản, tăng dần qua từng năm; tổ sinh hoạt đều đặn, có quy chế rõ ràng.',
    replicationConditions:
      'Có chi hội phụ nữ hoạt động đều; có người đủ tin cậy làm thủ quỹ; hội viên đồng thuận góp vốn.',
    replicationSteps:
      '1. Họp chi hội, thống nhất mức góp. 2. Bầu tổ trưởng, thủ quỹ, xây dựng quy chế. 3. Góp quỹ hằng tháng. 4. Bình xét cho vay công khai. 5. Theo dõi, giúp đỡ hội viên vay vốn.',
    adaptation: 'Mức góp 30.000 đồng mỗi tháng; quỹ ưu tiên cho vay mua lợn giống và gà đen.',
    indicators: [
      { label: 'Số tổ tiết kiệm – vay vốn', unit: 'tổ', min: 4, max: 14 },
      { label: 'Số hội viên tham gia', unit: 'hội viên', min: 60, max: 260 },
      { label: 'Tổng quỹ tiết kiệm', unit: 'đồng', min: 80 * M, max: 450 * M, step: 5 * M },
      { label: 'Số lượt hội viên được vay vốn', unit: 'lượt', min: 40, max: 180 },
      { label: 'Số hộ hội viên thoát nghèo', unit: 'hộ', min: 6, max: 30 },
    ],
    resources: {
      vnd: [80 * M, 450 * M],
      workdays: [100, 400],
      residents: [60, 260],
      replicationCost: [5 * M, 20 * M],
    },
    captions: [
      'Buổi sinh hoạt tổ phụ nữ tiết kiệm',
      'Hội viên vay vốn mua lợn giống',
      'Công khai sổ quỹ tại buổi sinh hoạt chi hội',
    ],
  },
} satisfies Record<string, Theme>

export type ThemeKey = keyof typeof THEMES
