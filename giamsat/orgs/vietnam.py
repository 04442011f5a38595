"""Load the current administrative tree of Vietnam from the ``vietnam-provinces`` package.

Since 1 July 2025 Vietnam has 34 provinces and centrally-run cities and 3,321
communes, wards and special zones, with no district level. They hang under the
national root unit (code ``VN``) as ADMINISTRATIVE_AREA units carrying their
official code in ``admin_code`` (2 digits for a province, 5 for a commune).

Loading is idempotent: units are matched on (level, admin_code), so a second run
creates nothing and only renames what the package renamed. It is fast: each
province's communes are inserted with one bulk INSERT, then their paths (which need
the new ids) are written with one UPDATE computing them in SQL. One summary audit event is recorded
per run that changed something, not one per unit.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import vietnam_provinces
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from vietnam_provinces import Province, VietNamDivisionType, Ward

from giamsat.audit.services import record
from giamsat.orgs.errors import UnknownProvinceError
from giamsat.orgs.models import Level, Unit, UnitKind
from giamsat.orgs.services import create_unit, move_unit, own_path_sql

NATIONAL_CODE = "VN"
SOURCE = f"vietnam-provinces {vietnam_provinces.__version__}"
_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")


@dataclass
class LoadResult:
    provinces: int = 0  # provinces and cities in the data that was loaded
    communes: int = 0
    created: int = 0
    renamed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.renamed or self.moved)


@dataclass(frozen=True)
class _Area:
    admin_code: str
    name: str
    short_name: str


def province_code(code: int) -> str:
    return f"{code:02d}"


def commune_code(code: int) -> str:
    return f"{code:05d}"


def _province_area(p: Province) -> _Area:
    name = p.name
    if p.division_type == VietNamDivisionType.TINH and not name.startswith("Tỉnh "):
        name = f"Tỉnh {name}"
    return _Area(province_code(p.code), name, _short(name))


def _commune_area(w: Ward) -> _Area:
    return _Area(commune_code(w.code), w.name, _short(w.name))


def _short(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def provinces(only: str | None = None) -> list[Province]:
    """The provinces in the package, or the one whose code is ``only`` ("91" or "091")."""
    all_provinces = sorted(Province.iter_all(), key=lambda p: p.code)
    if only is None:
        return all_provinces
    wanted = only.strip().lstrip("0")
    found = [p for p in all_provinces if str(int(p.code)) == wanted]
    if not found:
        raise UnknownProvinceError(
            _("Không có tỉnh, thành phố mã “{code}” trong dữ liệu {source}. Các mã có: {codes}.").format(
                code=only, source=SOURCE, codes=", ".join(province_code(p.code) for p in all_provinces)
            ),
            location="--province",
        )
    return found


def communes_of(province: Province) -> list[Ward]:
    return sorted(Ward.iter_by_province(province.code), key=lambda w: w.code)


def national_root(*, actor=None, via: str = "system") -> Unit:
    root = Unit.objects.filter(code=NATIONAL_CODE).first()
    if root is None:
        root = create_unit(code=NATIONAL_CODE, name="Việt Nam", level=Level.NATIONAL,
                           kind=UnitKind.ADMINISTRATIVE_AREA, actor=actor, via=via)
    return root


@transaction.atomic
def load_vietnam(
    *,
    province: str | None = None,
    actor=None,
    via: str = "cli",
    progress: Callable[[Province], None] | None = None,
) -> LoadResult:
    """Create or update the provinces (all, or the one coded ``province``) and their communes.

    ``progress`` is called after each province is done (for a progress bar).
    """
    chosen = provinces(province)
    root = national_root(actor=actor, via=via)
    result = LoadResult()
    existing_provinces = _existing(Level.PROVINCE, [province_code(p.code) for p in chosen])
    for p in chosen:
        area = _province_area(p)
        unit = existing_provinces.get(area.admin_code)
        if unit is None:
            (unit,) = _insert(root, Level.PROVINCE, [area])
            result.created += 1
        else:
            _sync(unit, area, root, result, actor, via)
        wards = [_commune_area(w) for w in communes_of(p)]
        existing = _existing(Level.COMMUNE, [a.admin_code for a in wards])
        for ward in wards:
            if ward.admin_code in existing:
                _sync(existing[ward.admin_code], ward, unit, result, actor, via)
        result.created += len(_insert(unit, Level.COMMUNE, [w for w in wards if w.admin_code not in existing]))
        result.provinces += 1
        result.communes += len(wards)
        if progress:
            progress(p)
    if result.changed:
        record(
            actor=actor, action="load_vn", obj=root, via=via,
            after={
                "source": SOURCE, "province": province, "created": result.created,
                "renamed": result.renamed, "moved": result.moved,
            },
        )
    return result


def _existing(level: str, admin_codes: Iterable[str]) -> dict[str, Unit]:
    units = Unit.objects.filter(
        kind=UnitKind.ADMINISTRATIVE_AREA, level=level, admin_code__in=list(admin_codes)
    )
    return {u.admin_code: u for u in units}


def _insert(parent: Unit, level: str, areas: list[_Area]) -> list[Unit]:
    """Insert ``areas`` under ``parent``: ids first, then the paths made from them."""
    if not areas:
        return []
    codes = [_unit_code(parent, level, area) for area in areas]
    Unit.objects.bulk_create([
        Unit(
            code=code, name=area.name, short_name=area.short_name,
            kind=UnitKind.ADMINISTRATIVE_AREA, level=level, admin_code=area.admin_code,
            parent=parent, depth=parent.depth + 1,
        )
        for code, area in zip(codes, areas, strict=True)
    ])
    Unit.objects.filter(parent=parent, path="").update(path=own_path_sql(parent))
    return list(Unit.objects.filter(code__in=codes))


def _unit_code(parent: Unit, level: str, area: _Area) -> str:
    if level == Level.PROVINCE:
        return f"{NATIONAL_CODE}-{area.admin_code}"
    return f"{NATIONAL_CODE}-{parent.admin_code}-{area.admin_code}"


def _sync(unit: Unit, area: _Area, parent: Unit, result: LoadResult, actor, via: str) -> None:
    """Bring an existing unit in line with the package: its names and its place."""
    if unit.parent_id != parent.pk:
        move_unit(unit, parent, actor=actor, via=via)
        result.moved.append(area.admin_code)
        unit.refresh_from_db()
    if (unit.name, unit.short_name) != (area.name, area.short_name):
        result.renamed.append(f"{unit.name} → {area.name}")
        Unit.objects.filter(pk=unit.pk).update(
            name=area.name, short_name=area.short_name, version=F("version") + 1
        )
