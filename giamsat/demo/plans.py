"""The demo's plans: 57-NQ/TW with its national targets, the three provincial or commune
plans the seeds cite (without targets: their texts are not in the seeds), and the
five seed plans, each linked to the plans it implements."""

from django.db import transaction

from giamsat.demo.context import DemoContext
from giamsat.demo.matching import body_suffix_for, national_code_for
from giamsat.demo.seeds import SEEDS, Seed, fallback_result, parser, seed_text
from giamsat.errors import GiamsatError
from giamsat.kpi import services as kpi_services
from giamsat.parsing.schema import DocumentMeta, ParseResult
from giamsat.plans import services as plan_services

# key: (issuing unit code, number, ISO date or None, title, implements)
CITED_PLANS = {
    "82-NQ/TU": (
        "TINH-KIEN-GIANG-TU", "82-NQ/TU", "2025-02-27",
        "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
        "của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        ("57-NQ/TW",),
    ),
    "63-CTr/TU": (
        "VN-12-TU", "63-CTr/TU", None,
        "Chương trình hành động của Tỉnh ủy Lai Châu thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
        "của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        ("57-NQ/TW",),
    ),
    "13-KH/ĐU": (
        "VN-31-10804-DU", "13-KH/ĐU", "2025-09-11",
        "Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn xã Kim Thành",
        ("57-NQ/TW",),
    ),
}


def build_plans(context: DemoContext) -> None:
    context.indicators.update(kpi_services.load_national_catalog())
    national = plan_services.create_national_plan(issuing_unit=context.units[plan_services.POLITBURO_CODE])
    context.plans["57-NQ/TW"] = national
    for key, (unit_code, number, date, title, implements) in CITED_PLANS.items():
        unit = context.units[unit_code]
        plan = plan_services.find_plan(number, unit)
        if plan is None:
            result = ParseResult(document=DocumentMeta(title=title, number=number, date=date))
            plan = plan_services.create_plan_from_parse(
                result, issuing_unit=unit, actor=None, implements=[context.plans[k] for k in implements],
            )
        context.plans[key] = plan
    for seed in SEEDS:
        context.plans[seed.key] = _seed_plan(context, seed)
    context.say(f"Kế hoạch: {len(context.plans)} (57-NQ/TW có {national.targets.count()} chỉ tiêu quốc gia)")


def _seed_plan(context: DemoContext, seed: Seed):
    text = seed_text(seed)
    existing = plan_services.find_plan_by_text(text)
    if existing is not None:
        return existing
    parse_text = parser()
    if parse_text is not None:
        try:
            with transaction.atomic():
                return _store(context, seed, parse_text(text), text)
        except (GiamsatError, ValueError) as exc:
            context.notes.append(f"{seed.file}: bộ đọc văn bản chưa đọc được ({exc}); dùng dữ liệu dự phòng.")
    else:
        context.notes.append(f"{seed.file}: chưa có bộ đọc văn bản; dùng dữ liệu dự phòng (data/seed-fallback.json).")
    return _store(context, seed, fallback_result(seed), text)


def _store(context: DemoContext, seed: Seed, result: ParseResult, text: str):
    issuing_unit = context.units[seed.issuing_unit]
    locality = seed.locality
    indicators = {}
    for index, target in enumerate(result.targets):
        code = national_code_for(target.indicator, target.unit)
        if code is not None:
            indicators[index] = context.indicators[code]
    names = {u.name for u in result.units} | {t.lead for t in result.tasks if t.lead}
    units = {}
    for name in names:
        suffix = body_suffix_for(name)
        if suffix and f"{locality}-{suffix}" in context.units:
            units[name] = context.units[f"{locality}-{suffix}"]
    return plan_services.create_plan_from_parse(
        result, issuing_unit=issuing_unit, actor=None, source_text=text,
        implements=[context.plans[k] for k in seed.implements], indicators=indicators, units=units,
        cadences=["quarter", "year"], via="demo",
    )
