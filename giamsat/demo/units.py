"""The units of the seed plans, with their real hierarchy and the 2025 reorganisation.

On 1/7/2025 Vietnam merged 63 provinces into 34 and abolished the district level.
The seed plans were issued on both sides of that date, so the demo keeps the old
units (valid to 30/6/2025, with their successors) next to the new ones.

A locality is an administrative-area unit; its bodies hang below it: the Party
committee (Tỉnh ủy, Huyện ủy, Đảng ủy xã) with its own boards below that, and the
People's Committee, People's Council and Fatherland Front beside it. The five
current provinces come from ``giamsat.orgs.vietnam`` exactly as ``giamsat units
load-vn`` loads them (codes "VN-82", "VN-52-23677", with all their communes), so the
two can run in any order. Old units, which the package no longer lists, get
readable codes. A body's code is its locality's code and a suffix ("-UBND").
"""

import datetime
from dataclasses import dataclass

from giamsat.demo.context import DemoContext
from giamsat.orgs import services as org_services
from giamsat.orgs import vietnam
from giamsat.orgs.models import Level, Unit, UnitKind
from giamsat.plans.services import POLITBURO_CODE

LAST_DAY_BEFORE = datetime.date(2025, 6, 30)
K = UnitKind
ROOT = vietnam.NATIONAL_CODE
CURRENT_PROVINCES = ["82", "91", "31", "52", "12"]  # Đồng Tháp, An Giang, Hải Phòng, Gia Lai, Lai Châu


def province(code: str) -> str:
    return f"{ROOT}-{code}"


def commune(province_code: str, ward_code: str) -> str:
    return f"{ROOT}-{province_code}-{ward_code}"


@dataclass(frozen=True)
class Spec:
    code: str
    name: str
    level: str
    kind: str
    parent: str
    short_name: str = ""
    valid_to: datetime.date | None = None


def _old_area(code: str, name: str, short_name: str, level: str, parent: str) -> Spec:
    return Spec(code, name, level, K.ADMINISTRATIVE_AREA, parent, short_name, LAST_DAY_BEFORE)


def _bodies(locality: Spec | str, level: str, bodies, valid_to=None) -> list[Spec]:
    """(suffix, name, kind, parent suffix or None for the locality itself) -> specs."""
    code = locality if isinstance(locality, str) else locality.code
    return [
        Spec(f"{code}-{suffix}", name, level, kind, f"{code}-{under}" if under else code, valid_to=valid_to)
        for suffix, name, kind, under in bodies
    ]


# --- the localities that no longer exist -------------------------------------------
TIEN_GIANG = _old_area("TINH-TIEN-GIANG", "Tỉnh Tiền Giang", "Tiền Giang", Level.PROVINCE, ROOT)
KIEN_GIANG = _old_area("TINH-KIEN-GIANG", "Tỉnh Kiên Giang", "Kiên Giang", Level.PROVINCE, ROOT)
HAI_DUONG = _old_area("TINH-HAI-DUONG", "Tỉnh Hải Dương", "Hải Dương", Level.PROVINCE, ROOT)
VINH_THUAN = _old_area("HUYEN-VINH-THUAN", "Huyện Vĩnh Thuận", "Vĩnh Thuận", Level.DISTRICT, KIEN_GIANG.code)
TAM_DUONG = _old_area("HUYEN-TAM-DUONG", "Huyện Tam Đường", "Tam Đường", Level.DISTRICT, province("12"))
DAK_DOA = commune("52", "23677")
KIM_THANH = commune("31", "10804")

SPECS: list[Spec] = [
    Spec(POLITBURO_CODE, "Bộ Chính trị", Level.NATIONAL, K.PARTY_COMMITTEE, ROOT),
    Spec("VN-BCD", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
         Level.NATIONAL, K.STEERING_COMMITTEE, ROOT, "Ban Chỉ đạo Trung ương"),
    # the Party committees of the current provinces the seeds cite or fall under
    Spec(f"{province('82')}-TU", "Tỉnh ủy Đồng Tháp", Level.PROVINCE, K.PARTY_COMMITTEE, province("82")),
    Spec(f"{province('91')}-TU", "Tỉnh ủy An Giang", Level.PROVINCE, K.PARTY_COMMITTEE, province("91")),
    Spec(f"{province('31')}-TU", "Thành ủy Hải Phòng", Level.PROVINCE, K.PARTY_COMMITTEE, province("31")),
    Spec(f"{province('52')}-TU", "Tỉnh ủy Gia Lai", Level.PROVINCE, K.PARTY_COMMITTEE, province("52")),
    Spec(f"{province('12')}-TU", "Tỉnh ủy Lai Châu", Level.PROVINCE, K.PARTY_COMMITTEE, province("12")),
    TIEN_GIANG, KIEN_GIANG, HAI_DUONG, VINH_THUAN, TAM_DUONG,
    # 003: Ban Thường vụ Tỉnh ủy Tiền Giang, section "Tổ chức thực hiện"
    *_bodies(TIEN_GIANG, Level.PROVINCE, [
        ("TU", "Tỉnh ủy Tiền Giang", K.PARTY_COMMITTEE, None),
        ("BCD", "Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", K.STEERING_COMMITTEE, "TU"),
        ("VP", "Văn phòng Tỉnh ủy Tiền Giang", K.AGENCY, "TU"),
        ("BTC", "Ban Tổ chức Tỉnh ủy Tiền Giang", K.AGENCY, "TU"),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Tiền Giang", K.AGENCY, "TU"),
        ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy Tiền Giang", K.AGENCY, "TU"),
        ("BNC", "Ban Nội chính Tỉnh ủy Tiền Giang", K.AGENCY, "TU"),
        ("UBND", "Ủy ban nhân dân tỉnh Tiền Giang", K.PEOPLES_COMMITTEE, None),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tiền Giang", K.FATHERLAND_FRONT, None),
    ], LAST_DAY_BEFORE),
    *_bodies(KIEN_GIANG, Level.PROVINCE, [("TU", "Tỉnh ủy Kiên Giang", K.PARTY_COMMITTEE, None)], LAST_DAY_BEFORE),
    *_bodies(HAI_DUONG, Level.PROVINCE, [("TU", "Tỉnh ủy Hải Dương", K.PARTY_COMMITTEE, None)], LAST_DAY_BEFORE),
    # 000: Ban Thường vụ Huyện ủy Vĩnh Thuận
    *_bodies(VINH_THUAN, Level.DISTRICT, [
        ("HU", "Huyện ủy Vĩnh Thuận", K.PARTY_COMMITTEE, None),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Huyện ủy Vĩnh Thuận", K.AGENCY, "HU"),
        ("HDND", "Hội đồng nhân dân huyện Vĩnh Thuận", K.PEOPLES_COUNCIL, None),
        ("UBND", "Ủy ban nhân dân huyện Vĩnh Thuận", K.PEOPLES_COMMITTEE, None),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vĩnh Thuận", K.FATHERLAND_FRONT, None),
    ], LAST_DAY_BEFORE),
    # 001: Huyện ủy Tam Đường
    *_bodies(TAM_DUONG, Level.DISTRICT, [
        ("HU", "Huyện ủy Tam Đường", K.PARTY_COMMITTEE, None),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Huyện ủy Tam Đường", K.AGENCY, "HU"),
        ("UBKT", "Ủy ban Kiểm tra Huyện ủy Tam Đường", K.AGENCY, "HU"),
        ("UBND", "Ủy ban nhân dân huyện Tam Đường", K.PEOPLES_COMMITTEE, None),
        ("HDND", "Hội đồng nhân dân huyện Tam Đường", K.PEOPLES_COUNCIL, None),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tam Đường", K.FATHERLAND_FRONT, None),
    ], LAST_DAY_BEFORE),
    # 002: Ban Thường vụ Đảng ủy xã Đak Đoa (a commune of Gia Lai since 1/7/2025)
    *_bodies(DAK_DOA, Level.COMMUNE, [
        ("DU", "Đảng ủy xã Đak Đoa", K.PARTY_COMMITTEE, None),
        ("UBKT", "Ủy ban Kiểm tra Đảng ủy xã Đak Đoa", K.AGENCY, "DU"),
        ("BXDD", "Ban Xây dựng Đảng, Đảng ủy xã Đak Đoa", K.AGENCY, "DU"),
        ("VP", "Văn phòng Đảng ủy xã Đak Đoa", K.AGENCY, "DU"),
        ("UBND", "Ủy ban nhân dân xã Đak Đoa", K.PEOPLES_COMMITTEE, None),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Đak Đoa", K.FATHERLAND_FRONT, None),
    ]),
    # 004: the Fatherland Front of Kim Thành (Hải Phòng since 1/7/2025), implementing the
    # commune Party committee's 13-KH/ĐU; the socio-political organisations are its members
    *_bodies(KIM_THANH, Level.COMMUNE, [
        ("DU", "Đảng ủy xã Kim Thành", K.PARTY_COMMITTEE, None),
        ("UBND", "Ủy ban nhân dân xã Kim Thành", K.PEOPLES_COMMITTEE, None),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Kim Thành", K.FATHERLAND_FRONT, None),
        ("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Kim Thành", K.MASS_ORGANISATION, "MTTQ"),
        ("HPN", "Hội Liên hiệp Phụ nữ xã Kim Thành", K.MASS_ORGANISATION, "MTTQ"),
        ("HND", "Hội Nông dân xã Kim Thành", K.MASS_ORGANISATION, "MTTQ"),
        ("CCB", "Hội Cựu chiến binh xã Kim Thành", K.MASS_ORGANISATION, "MTTQ"),
    ]),
]

# Who took over the old localities. The package keeps no history, so the communes that
# replaced the two districts are ours, from the 2025 arrangement resolutions of the
# provinces (Vĩnh Thuận → Vĩnh Thuận, Vĩnh Bình, Vĩnh Phong; Tam Đường → Bình Lư,
# Tả Lèng, Bản Bo, Khun Há).
SUCCESSIONS: dict[str, list[str]] = {
    TIEN_GIANG.code: [province("82")],
    KIEN_GIANG.code: [province("91")],
    HAI_DUONG.code: [province("31")],
    VINH_THUAN.code: [commune("91", c) for c in ("31069", "31064", "31051")],
    TAM_DUONG.code: [commune("12", c) for c in ("03390", "03405", "03424", "03430")],
}


def build_units(context: DemoContext) -> None:
    """Load the current provinces, then create the units that are missing (parents first).

    Existing units are left as they are; successions are set once.
    """
    for code in CURRENT_PROVINCES:
        vietnam.load_vietnam(province=code, via="demo")
    parents = [ROOT, DAK_DOA, KIM_THANH] + [province(c) for c in CURRENT_PROVINCES]
    existing = {u.code: u for u in Unit.objects.filter(code__in=parents + [s.code for s in SPECS])}
    created = 0
    for spec in SPECS:
        if spec.code in existing:
            continue
        existing[spec.code] = org_services.create_unit(
            code=spec.code, name=spec.name, level=spec.level, kind=spec.kind, parent=existing[spec.parent],
            short_name=spec.short_name, valid_to=spec.valid_to, via="demo",
        )
        created += 1
    wanted = [c for codes in SUCCESSIONS.values() for c in codes]
    successors = {u.code: u for u in Unit.objects.filter(code__in=wanted)}
    for code, successor_codes in SUCCESSIONS.items():
        unit = existing[code]
        if not unit.successors.exists():
            org_services.set_successors(unit, [successors[c] for c in successor_codes], via="demo")
    context.units.update({u.code: u for u in Unit.objects.all()})
    context.say(f"Đơn vị: {Unit.objects.count()} ({created} đơn vị ngoài danh mục hành chính mới tạo)")
