"""The units of the seed plans, with their real hierarchy and the 2025 reorganisation.

On 1/7/2025 Vietnam merged 63 provinces into 34 and abolished the district level.
The seed plans were issued on both sides of that date, so the demo keeps the old
units (valid to 30/6/2025, with their successors) next to the new ones. Units that
exist today carry the official code of the ``vietnam-provinces`` package (province
"82", commune "23677"); old units, which the package no longer lists, readable codes.
The bodies under each issuing unit are those its plan's implementation section names.
"""

import datetime
from dataclasses import dataclass

from vietnam_provinces import Province, ProvinceCode, VietNamDivisionType, Ward, WardCode

from giamsat.demo.context import DemoContext
from giamsat.orgs import services as org_services
from giamsat.orgs.models import Level, Unit, UnitKind
from giamsat.plans.services import NATIONAL_UNIT_CODE

LAST_DAY_BEFORE = datetime.date(2025, 6, 30)
REORGANISED_ON = datetime.date(2025, 7, 1)


@dataclass(frozen=True)
class Spec:
    code: str
    name: str
    level: str
    kind: str
    parent: str | None
    short_name: str = ""
    admin_code: str = ""
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


def _province(code: int, *, new: bool) -> Spec:
    p = Province.from_code(ProvinceCode(code))
    city = p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
    place = p.name.removeprefix("Thành phố ").strip()
    return Spec(
        code=f"{code:02d}", name=("Thành ủy " if city else "Tỉnh ủy ") + place,
        level=Level.PROVINCE, kind=UnitKind.PARTY_COMMITTEE, parent=NATIONAL_UNIT_CODE,
        short_name=place, admin_code=f"{code:02d}", valid_from=REORGANISED_ON if new else None,
    )


def _commune(code: int) -> Spec:
    w = Ward.from_code(WardCode(code))
    place = w.name.split(" ", 1)[1]
    kind_word = w.name.split(" ", 1)[0].lower()  # "xã" or "phường"
    return Spec(
        code=f"{code:05d}", name=f"Đảng ủy {kind_word} {place}", level=Level.COMMUNE,
        kind=UnitKind.PARTY_COMMITTEE, parent=f"{w.province_code.value:02d}", short_name=place,
        admin_code=f"{code:05d}", valid_from=REORGANISED_ON,
    )


def _old(code: str, name: str, level: str, parent: str, short_name: str) -> Spec:
    return Spec(code=code, name=name, level=level, kind=UnitKind.PARTY_COMMITTEE, parent=parent,
                short_name=short_name, valid_to=LAST_DAY_BEFORE)


def _bodies(parent: Spec, bodies: list[tuple[str, str, str]]) -> list[Spec]:
    """The bodies under ``parent``: (suffix of the code, name, kind); same level and validity."""
    return [
        Spec(code=f"{parent.code}-{suffix}", name=name, level=parent.level, kind=kind, parent=parent.code,
             valid_from=parent.valid_from, valid_to=parent.valid_to)
        for suffix, name, kind in bodies
    ]


K = UnitKind
NATION = Spec(NATIONAL_UNIT_CODE, "Bộ Chính trị", Level.NATIONAL, K.PARTY_COMMITTEE, None, short_name="Trung ương")
STEERING = Spec(
    "BCD-TW", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    Level.NATIONAL, K.STEERING_COMMITTEE, NATIONAL_UNIT_CODE, short_name="Ban Chỉ đạo Trung ương",
)
DONG_THAP, AN_GIANG, HAI_PHONG, GIA_LAI = (_province(c, new=True) for c in (82, 91, 31, 52))
LAI_CHAU = _province(12, new=False)  # not merged in 2025
TIEN_GIANG = _old("TINH-TIEN-GIANG", "Tỉnh ủy Tiền Giang", Level.PROVINCE, NATIONAL_UNIT_CODE, "Tiền Giang")
KIEN_GIANG = _old("TINH-KIEN-GIANG", "Tỉnh ủy Kiên Giang", Level.PROVINCE, NATIONAL_UNIT_CODE, "Kiên Giang")
HAI_DUONG = _old("TINH-HAI-DUONG", "Tỉnh ủy Hải Dương", Level.PROVINCE, NATIONAL_UNIT_CODE, "Hải Dương")
VINH_THUAN = _old("HUYEN-VINH-THUAN", "Huyện ủy Vĩnh Thuận", Level.DISTRICT, KIEN_GIANG.code, "Vĩnh Thuận")
TAM_DUONG = _old("HUYEN-TAM-DUONG", "Huyện ủy Tam Đường", Level.DISTRICT, LAI_CHAU.code, "Tam Đường")
DAK_DOA = _commune(23677)
KIM_THANH = _commune(10804)
# The communes that took over the two districts (the package keeps no history, so this
# list is ours, from the 2025 arrangement resolutions of Kiên Giang and Lai Châu).
VINH_THUAN_SUCCESSORS = [_commune(c) for c in (31069, 31064, 31051)]  # Vĩnh Thuận, Vĩnh Bình, Vĩnh Phong
TAM_DUONG_SUCCESSORS = [_commune(c) for c in (3390, 3405, 3424, 3430)]  # Bình Lư, Tả Lèng, Bản Bo, Khun Há

SPECS: list[Spec] = [
    NATION, STEERING,
    DONG_THAP, AN_GIANG, HAI_PHONG, GIA_LAI, LAI_CHAU, TIEN_GIANG, KIEN_GIANG, HAI_DUONG,
    VINH_THUAN, TAM_DUONG, DAK_DOA, KIM_THANH, *VINH_THUAN_SUCCESSORS, *TAM_DUONG_SUCCESSORS,
    # 003: Ban Thường vụ Tỉnh ủy Tiền Giang, section "Tổ chức thực hiện"
    *_bodies(TIEN_GIANG, [
        ("BCD", "Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", K.STEERING_COMMITTEE),
        ("VP", "Văn phòng Tỉnh ủy Tiền Giang", K.AGENCY),
        ("BTC", "Ban Tổ chức Tỉnh ủy Tiền Giang", K.AGENCY),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Tiền Giang", K.AGENCY),
        ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy Tiền Giang", K.AGENCY),
        ("BNC", "Ban Nội chính Tỉnh ủy Tiền Giang", K.AGENCY),
        ("UBND", "Ủy ban nhân dân tỉnh Tiền Giang", K.PEOPLES_COMMITTEE),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tiền Giang", K.FATHERLAND_FRONT),
    ]),
    # 000: Ban Thường vụ Huyện ủy Vĩnh Thuận
    *_bodies(VINH_THUAN, [
        ("HDND", "Hội đồng nhân dân huyện Vĩnh Thuận", K.PEOPLES_COUNCIL),
        ("UBND", "Ủy ban nhân dân huyện Vĩnh Thuận", K.PEOPLES_COMMITTEE),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vĩnh Thuận", K.FATHERLAND_FRONT),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Huyện ủy Vĩnh Thuận", K.AGENCY),
    ]),
    # 001: Huyện ủy Tam Đường
    *_bodies(TAM_DUONG, [
        ("UBND", "Ủy ban nhân dân huyện Tam Đường", K.PEOPLES_COMMITTEE),
        ("HDND", "Hội đồng nhân dân huyện Tam Đường", K.PEOPLES_COUNCIL),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tam Đường", K.FATHERLAND_FRONT),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Huyện ủy Tam Đường", K.AGENCY),
        ("UBKT", "Ủy ban Kiểm tra Huyện ủy Tam Đường", K.AGENCY),
    ]),
    # 002: Ban Thường vụ Đảng ủy xã Đak Đoa
    *_bodies(DAK_DOA, [
        ("UBND", "Ủy ban nhân dân xã Đak Đoa", K.PEOPLES_COMMITTEE),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Đak Đoa", K.FATHERLAND_FRONT),
        ("UBKT", "Ủy ban Kiểm tra Đảng ủy xã Đak Đoa", K.AGENCY),
        ("BXDD", "Ban Xây dựng Đảng, Đảng ủy xã Đak Đoa", K.AGENCY),
        ("VP", "Văn phòng Đảng ủy xã Đak Đoa", K.AGENCY),
    ]),
    # 004 is issued by the Fatherland Front of Kim Thành, below the commune's Party committee
    *_bodies(KIM_THANH, [
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Kim Thành", K.FATHERLAND_FRONT),
        ("UBND", "Ủy ban nhân dân xã Kim Thành", K.PEOPLES_COMMITTEE),
    ]),
]
KIM_THANH_FRONT = f"{KIM_THANH.code}-MTTQ"
SPECS += _bodies(Spec(KIM_THANH_FRONT, "", Level.COMMUNE, K.FATHERLAND_FRONT, KIM_THANH.code, valid_from=REORGANISED_ON), [
    ("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Kim Thành", K.MASS_ORGANISATION),
    ("HPN", "Hội Liên hiệp Phụ nữ xã Kim Thành", K.MASS_ORGANISATION),
    ("HND", "Hội Nông dân xã Kim Thành", K.MASS_ORGANISATION),
    ("CCB", "Hội Cựu chiến binh xã Kim Thành", K.MASS_ORGANISATION),
])

SUCCESSIONS: dict[str, list[str]] = {
    TIEN_GIANG.code: [DONG_THAP.code],
    KIEN_GIANG.code: [AN_GIANG.code],
    HAI_DUONG.code: [HAI_PHONG.code],
    VINH_THUAN.code: [s.code for s in VINH_THUAN_SUCCESSORS],
    TAM_DUONG.code: [s.code for s in TAM_DUONG_SUCCESSORS],
}


def build_units(context: DemoContext) -> None:
    """Create the units that are missing (parents first); existing ones are left as they are."""
    existing = {u.code: u for u in Unit.objects.filter(code__in=[s.code for s in SPECS])}
    created = 0
    for spec in SPECS:
        unit = existing.get(spec.code)
        if unit is None:
            unit = org_services.create_unit(
                code=spec.code, name=spec.name, level=spec.level, kind=spec.kind,
                parent=existing[spec.parent] if spec.parent else None, short_name=spec.short_name,
                admin_code=spec.admin_code, valid_from=spec.valid_from, valid_to=spec.valid_to,
                via="demo",
            )
            existing[spec.code] = unit
            created += 1
    for code, successor_codes in SUCCESSIONS.items():
        unit = existing[code]
        if not unit.successors.exists():
            org_services.set_successors(unit, [existing[c] for c in successor_codes], via="demo")
    context.units.update(existing)
    context.say(f"Đơn vị: {len(SPECS)} ({created} mới)")
