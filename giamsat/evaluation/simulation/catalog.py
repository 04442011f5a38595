"""The simulated indicator catalog: about 150 indicators of the kind the plans of
Resolution 57-NQ/TW set, with how their values behave.

Plain data. Each ``Spec`` says how the indicator aggregates and, for the generator,
where a typical commune starts (``start``), how fast it moves per year (``growth``,
negative for an indicator that should fall) and, for a ratio, what its denominator
counts (``base``: a typical commune's denominator).
"""

from dataclasses import dataclass

# Flow ratios are reported per field of administrative procedures.
FIELDS = (
    "đất đai", "tư pháp, hộ tịch", "đầu tư", "xây dựng", "lao động, việc làm",
    "giáo dục", "y tế", "giao thông vận tải", "công thương", "nông nghiệp",
)

DIGITAL, GOVERNMENT, ECONOMY, SOCIETY, SCIENCE, INNOVATION, INFRA, SECURITY = (
    "Chuyển đổi số", "Chính quyền số", "Kinh tế số", "Xã hội số", "Khoa học, công nghệ",
    "Đổi mới sáng tạo", "Hạ tầng số", "An toàn thông tin",
)


@dataclass(frozen=True)
class Spec:
    code: str
    name: str
    unit: str
    value_type: str  # percent, count, index, rank
    aggregation: str  # ratio, sum, weighted_mean, min, max, none
    temporality: str  # stock, flow
    category: str
    start: float
    growth: float  # per year
    base: float = 0.0  # a typical commune's denominator (ratios) or weight
    direction: str = "higher"
    public: bool = False


def _ratio_stocks() -> list[Spec]:
    rows = [
        ("Tỷ lệ người dân có tài khoản định danh điện tử mức 2", DIGITAL, 35, 9, 9000, True),
        ("Tỷ lệ hộ gia đình có kết nối Internet cáp quang", INFRA, 55, 6, 2600, True),
        ("Tỷ lệ người trưởng thành có điện thoại thông minh", SOCIETY, 60, 5, 9000, False),
        ("Tỷ lệ dân số trưởng thành có tài khoản giao dịch thanh toán", ECONOMY, 50, 6, 9000, True),
        ("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", ECONOMY, 70, 5, 120, False),
        ("Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", ECONOMY, 25, 7, 110, False),
        ("Tỷ lệ cơ sở giáo dục có kết nối Internet băng rộng", INFRA, 75, 4, 8, False),
        ("Tỷ lệ cơ sở y tế triển khai bệnh án điện tử", SOCIETY, 20, 12, 4, False),
        ("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", SOCIETY, 40, 9, 12000, True),
        ("Tỷ lệ thôn, bản có sóng di động 4G/5G", INFRA, 80, 3, 12, True),
        ("Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số", GOVERNMENT, 30, 12, 25, False),
        ("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", GOVERNMENT, 60, 6, 400, False),
        ("Tỷ lệ văn bản đi được ký số", GOVERNMENT, 70, 5, 300, False),
        ("Tỷ lệ cơ quan, đơn vị kết nối mạng truyền số liệu chuyên dùng", INFRA, 65, 6, 10, False),
        ("Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt", ECONOMY, 30, 8, 400, False),
        ("Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn", SECURITY, 35, 10, 6, False),
        ("Tỷ lệ học sinh phổ thông được học kỹ năng số", SOCIETY, 45, 8, 1800, False),
        ("Tỷ lệ dữ liệu hộ tịch được số hóa", GOVERNMENT, 50, 9, 15000, False),
        ("Tỷ lệ thửa đất được số hóa hồ sơ địa chính", GOVERNMENT, 40, 8, 9000, False),
        ("Tỷ lệ người cao tuổi được hướng dẫn sử dụng dịch vụ công trực tuyến", SOCIETY, 15, 8, 1500, False),
        ("Tỷ lệ trạm y tế xã kết nối khám, chữa bệnh từ xa", SOCIETY, 20, 11, 2, False),
        ("Tỷ lệ hộ nông dân sử dụng nhật ký điện tử", ECONOMY, 5, 5, 1500, False),
        ("Tỷ lệ hợp tác xã ứng dụng công nghệ số", ECONOMY, 20, 7, 6, False),
        ("Tỷ lệ trường học triển khai học bạ số", SOCIETY, 45, 12, 8, False),
        ("Tỷ lệ người lao động có chứng chỉ kỹ năng số", SOCIETY, 10, 4, 6000, False),
        ("Tỷ lệ hộ gia đình có địa chỉ số", DIGITAL, 20, 14, 2600, False),
        ("Tỷ lệ điểm du lịch có thuyết minh tự động", ECONOMY, 15, 8, 3, False),
        ("Tỷ lệ chợ, cửa hàng chấp nhận thanh toán bằng mã QR", ECONOMY, 35, 10, 60, False),
        ("Tỷ lệ cuộc họp của cấp ủy sử dụng tài liệu điện tử", GOVERNMENT, 50, 9, 10, False),
        ("Tỷ lệ đảng viên sử dụng Sổ tay đảng viên điện tử", GOVERNMENT, 45, 10, 500, False),
    ]
    return [Spec(f"TL-{i:03d}", name, "%", "percent", "ratio", "stock", cat, start, growth, base, public=public)
            for i, (name, cat, start, growth, base, public) in enumerate(rows, start=1)]


def _ratio_flows() -> list[Spec]:
    templates = [
        ("Tỷ lệ hồ sơ lĩnh vực {f} được xử lý trực tuyến toàn trình", 30, 9, "higher"),
        ("Tỷ lệ hồ sơ lĩnh vực {f} giải quyết trễ hạn", 12, -2, "lower"),
        ("Tỷ lệ hồ sơ lĩnh vực {f} được số hóa kết quả giải quyết", 40, 10, "higher"),
        ("Tỷ lệ hồ sơ lĩnh vực {f} thanh toán phí, lệ phí trực tuyến", 25, 9, "higher"),
        ("Tỷ lệ hồ sơ lĩnh vực {f} được trả kết quả điện tử", 35, 9, "higher"),
    ]
    specs, n = [], 0
    for t, (template, start, growth, direction) in enumerate(templates):
        for k, field in enumerate(FIELDS):
            n += 1
            specs.append(Spec(
                f"HS-{n:03d}", template.format(f=field), "%", "percent", "ratio", "flow", GOVERNMENT,
                start + (k % 4) * 3 - 4, growth, 15 + 10 * ((k * 7) % 9), direction,
                public=t == 0 and k < 3,
            ))
    return specs


def _count_flows() -> list[Spec]:
    rows = [
        ("Số sáng kiến được công nhận", "sáng kiến", INNOVATION, 0.6, 0.15, "higher", True),
        ("Số đề tài, nhiệm vụ khoa học và công nghệ được nghiệm thu", "đề tài", SCIENCE, 0.1, 0.1, "higher", False),
        ("Số doanh nghiệp khoa học và công nghệ được chứng nhận", "doanh nghiệp", SCIENCE, 0.03, 0.2, "higher", False),
        ("Số đơn đăng ký sở hữu trí tuệ được nộp", "đơn", INNOVATION, 0.8, 0.12, "higher", False),
        ("Số văn bằng bảo hộ sở hữu trí tuệ được cấp", "văn bằng", INNOVATION, 0.4, 0.1, "higher", False),
        ("Số hợp đồng chuyển giao công nghệ được đăng ký", "hợp đồng", SCIENCE, 0.05, 0.15, "higher", False),
        ("Số doanh nghiệp công nghệ số thành lập mới", "doanh nghiệp", ECONOMY, 0.3, 0.2, "higher", True),
        ("Số lượt người được tập huấn kỹ năng số", "lượt người", SOCIETY, 60, 0.25, "higher", False),
        ("Số sự cố an toàn thông tin mạng", "sự cố", SECURITY, 0.5, -0.1, "lower", False),
        ("Số cuộc tấn công mạng được ngăn chặn", "cuộc", SECURITY, 2, 0.1, "higher", False),
        ("Số dịch vụ công trực tuyến toàn trình mới được cung cấp", "dịch vụ", GOVERNMENT, 0.5, 0.05, "higher", False),
        ("Số giao dịch thanh toán không dùng tiền mặt", "nghìn giao dịch", ECONOMY, 12, 0.3, "higher", False),
        ("Số hộ sản xuất đưa sản phẩm lên sàn thương mại điện tử", "hộ", ECONOMY, 3, 0.3, "higher", False),
        ("Số sản phẩm OCOP được bán trên sàn thương mại điện tử", "sản phẩm", ECONOMY, 0.4, 0.25, "higher", False),
        ("Số cuộc họp trực tuyến được tổ chức", "cuộc", GOVERNMENT, 4, 0.1, "higher", False),
        ("Số lượt truy cập Cổng dịch vụ công", "nghìn lượt", GOVERNMENT, 3, 0.25, "higher", False),
        ("Số vụ vi phạm pháp luật trên không gian mạng được xử lý", "vụ", SECURITY, 0.2, 0.05, "higher", False),
        ("Số tổ công nghệ số cộng đồng được thành lập", "tổ", DIGITAL, 0.3, -0.1, "higher", False),
        ("Số tin, bài tuyên truyền về chuyển đổi số", "tin, bài", DIGITAL, 5, 0.1, "higher", False),
        ("Số lượt người dân được hướng dẫn cài đặt ứng dụng VNeID", "lượt người", DIGITAL, 80, 0.05, "higher", False),
        ("Số doanh nghiệp đổi mới công nghệ được hỗ trợ", "doanh nghiệp", INNOVATION, 0.1, 0.2, "higher", False),
        ("Số dự án khởi nghiệp sáng tạo được hỗ trợ", "dự án", INNOVATION, 0.08, 0.2, "higher", False),
        ("Số bài báo khoa học được công bố quốc tế", "bài báo", SCIENCE, 0.05, 0.15, "higher", False),
        ("Số tiêu chuẩn, quy chuẩn kỹ thuật được xây dựng", "tiêu chuẩn", SCIENCE, 0.02, 0.1, "higher", False),
        ("Số sản phẩm được cấp chứng nhận chất lượng", "sản phẩm", SCIENCE, 0.3, 0.1, "higher", False),
        ("Số mô hình thôn thông minh được triển khai", "mô hình", DIGITAL, 0.05, 0.3, "higher", False),
        ("Số lớp Bình dân học vụ số được tổ chức", "lớp", SOCIETY, 0.5, 0.4, "higher", True),
        ("Số người tham gia lớp Bình dân học vụ số", "người", SOCIETY, 20, 0.4, "higher", False),
        ("Số cuộc diễn tập an toàn thông tin", "cuộc", SECURITY, 0.02, 0.2, "higher", False),
        ("Số hồ sơ dịch vụ công trực tuyến được tiếp nhận", "hồ sơ", GOVERNMENT, 150, 0.25, "higher", False),
    ]
    return [Spec(f"SL-{i:03d}", name, unit, "count", "sum", "flow", cat, start, growth, direction=direction, public=public)
            for i, (name, unit, cat, start, growth, direction, public) in enumerate(rows, start=1)]


def _count_stocks() -> list[Spec]:
    rows = [
        ("Dân số trung bình", "người", SOCIETY, 30000, 0.01),
        ("Số doanh nghiệp đang hoạt động", "doanh nghiệp", ECONOMY, 120, 0.05),
        ("Số trạm phát sóng 5G", "trạm", INFRA, 0.5, 0.8),
        ("Số điểm truy cập Wi-Fi công cộng miễn phí", "điểm", INFRA, 3, 0.3),
        ("Số camera giám sát an ninh kết nối trung tâm", "camera", SECURITY, 15, 0.3),
        ("Số tổ công nghệ số cộng đồng đang hoạt động", "tổ", DIGITAL, 8, 0.05),
        ("Số doanh nghiệp công nghệ số đang hoạt động", "doanh nghiệp", ECONOMY, 2, 0.15),
        ("Số cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ", "cơ sở dữ liệu", GOVERNMENT, 3, 0.2),
        ("Số nền tảng số dùng chung được triển khai", "nền tảng", GOVERNMENT, 2, 0.25),
        ("Số cán bộ chuyên trách công nghệ thông tin", "người", GOVERNMENT, 1, 0.1),
        ("Số hộ kinh doanh có gian hàng trên sàn thương mại điện tử", "hộ", ECONOMY, 20, 0.25),
        ("Số điểm bưu điện văn hóa xã cung cấp dịch vụ công trực tuyến", "điểm", GOVERNMENT, 1, 0.05),
        ("Số hợp tác xã có sản phẩm truy xuất nguồn gốc điện tử", "hợp tác xã", ECONOMY, 1, 0.3),
        ("Số phòng thí nghiệm được công nhận", "phòng", SCIENCE, 0.1, 0.1),
        ("Số kho dữ liệu số của xã được kết nối", "kho", DIGITAL, 1, 0.3),
    ]
    return [Spec(f"SO-{i:03d}", name, unit, "count", "sum", "stock", cat, start, growth, public=i == 1)
            for i, (name, unit, cat, start, growth) in enumerate(rows, start=1)]


POPULATION = "SO-001"


def _weighted() -> list[Spec]:
    rows = [
        ("Điểm hài lòng của người dân với dịch vụ công", "điểm", GOVERNMENT, 75, 2.5, "higher", True),
        ("Điểm chỉ số chuyển đổi số cấp xã", "điểm", DIGITAL, 45, 6, "higher", False),
        ("Điểm mức độ sẵn sàng chuyển đổi số", "điểm", DIGITAL, 50, 5, "higher", False),
        ("Điểm chất lượng cung cấp dịch vụ công trực tuyến", "điểm", GOVERNMENT, 55, 5, "higher", False),
        ("Tốc độ Internet di động trung bình", "Mbps", INFRA, 40, 12, "higher", False),
        ("Tốc độ Internet cố định trung bình", "Mbps", INFRA, 70, 20, "higher", False),
        ("Điểm chỉ số cải cách hành chính", "điểm", GOVERNMENT, 78, 2, "higher", False),
        ("Điểm mức độ bảo đảm an toàn thông tin", "điểm", SECURITY, 60, 5, "higher", False),
        ("Thời gian trung bình giải quyết hồ sơ", "ngày", GOVERNMENT, 9, -0.8, "lower", False),
        ("Chi phí trung bình kết nối Internet của hộ gia đình", "nghìn đồng/tháng", INFRA, 220, -8, "lower", False),
        ("Điểm kỹ năng số bình quân của cán bộ, công chức", "điểm", GOVERNMENT, 50, 6, "higher", False),
        ("Điểm đánh giá năng lực đổi mới sáng tạo", "điểm", INNOVATION, 35, 4, "higher", False),
    ]
    return [Spec(f"BQ-{i:03d}", name, unit, "index", "weighted_mean", "stock", cat, start, growth, direction=direction, public=public)
            for i, (name, unit, cat, start, growth, direction, public) in enumerate(rows, start=1)]


def _extremes() -> list[Spec]:
    return [
        Spec("MN-001", "Tốc độ Internet cáp quang thấp nhất", "Mbps", "index", "min", "stock", INFRA, 30, 10),
        Spec("MN-002", "Tỷ lệ phủ sóng 4G của thôn thấp nhất", "%", "percent", "min", "stock", INFRA, 60, 5),
        Spec("MN-003", "Điểm hài lòng thấp nhất của một bộ phận một cửa", "điểm", "index", "min", "stock", GOVERNMENT, 60, 3),
        Spec("MX-001", "Thời gian xử lý hồ sơ dài nhất", "ngày", "index", "max", "stock", GOVERNMENT, 30, -3, direction="lower"),
        Spec("MX-002", "Thời gian gián đoạn dịch vụ mạng dài nhất trong tháng", "giờ", "index", "max", "stock", INFRA, 12, -1.5, direction="lower"),
        Spec("KC-001", "Thứ hạng chỉ số chuyển đổi số trong tỉnh", "thứ hạng", "rank", "none", "stock", DIGITAL, 50, -3, direction="lower"),
    ]


def catalog() -> list[Spec]:
    return [*_ratio_stocks(), *_ratio_flows(), *_count_flows(), *_count_stocks(), *_weighted(), *_extremes()]
