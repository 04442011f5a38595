"""The report pages: who may open what, autosave answers, submitting and deciding from the web."""

import io
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from giamsat.reporting import excel, services
from giamsat.reporting.models import Submission, Value
from giamsat.reporting.services import RawEntry


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ids(catalog):
    return {key: ind.pk for key, ind in catalog.items()}


def _url(units, name="report", **extra):
    base = f"/bao-cao/{units['commune'].pk}/2025Q2/"
    return base + {"report": "", "save": "luu/", "submit": "gui/", "excel": "excel/", "upload": "excel/tai-len/",
                   "approve": "duyet/", "return": "tra-lai/", "reopen": "mo-lai/"}[name]


def _form(ids, version=0, **override):
    data = {
        "version": str(version), f"v-{ids['eid']}-numerator": "24.530", f"v-{ids['eid']}-denominator": "27.656",
        f"v-{ids['initiatives']}-value": "12", f"v-{ids['online']}-value": "75,5", "results": "Đạt kế hoạch quý.",
    }
    data.update(override)
    return data


@pytest.mark.parametrize(
    ("actor", "status"),
    [("commune_officer", 200), ("commune_leader", 200), ("province_leader", 200), ("province_viewer", 200),
     ("province_admin", 200), ("sibling_officer", 403)],
)
def test_who_may_open_a_communes_report(request, units, q2, actor, status):
    assert _client(request.getfixturevalue(actor)).get(_url(units)).status_code == status


@pytest.mark.parametrize(
    ("actor", "status"),
    [("commune_officer", 302), ("commune_leader", 302), ("province_admin", 302), ("province_leader", 403),
     ("province_viewer", 403), ("sibling_officer", 403)],
)
def test_who_may_save_a_communes_report(request, units, q2, ids, actor, status):
    response = _client(request.getfixturevalue(actor)).post(_url(units, "save"), _form(ids))
    assert response.status_code == status
    assert Submission.objects.exists() == (status == 302)


def test_anonymous_users_are_sent_to_login(units, q2):
    response = Client().get(_url(units))
    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/dang-nhap/")


def test_the_form_shows_previous_value_and_target(commune_officer, units, periods, q2, ids):
    services.save_report(commune_officer, units["commune"], periods[1], entries=[
        RawEntry("DT-01", numerator="20.000", denominator="27.000"), RawEntry("KH-02", value="1234"), RawEntry("CQ-03", value="60,5")],
        narrative={"results": "Quý 1"})
    services.act(commune_officer, units["commune"], periods[1], "submit")
    page = _client(commune_officer).get(_url(units)).content.decode()
    assert "Báo cáo Quý 2/2025 – Xã An Bình" in page
    assert '<td class="num">1.234</td>' in page  # the previous quarter's value, formatted the Vietnamese way
    assert '<td class="num">60,5</td>' in page
    assert "≥ 80% (2025)" in page


def test_autosave_answers_with_a_fragment_and_the_new_version(commune_officer, units, q2, ids):
    response = _client(commune_officer).post(_url(units, "save"), _form(ids), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Đã lưu bản nháp lúc" in text
    assert '<input type="hidden" name="version" id="version" value="2" hx-swap-oob="true">' in text
    assert f'<output id="pct-{ids["eid"]}" class="computed" hx-swap-oob="true">88,69 %</output>' in text
    assert Value.objects.get(indicator_id=ids["eid"]).value == Decimal("88.69")


def test_autosave_with_a_bad_field_stores_nothing_and_marks_the_field(commune_officer, units, q2, ids):
    data = _form(ids, **{f"v-{ids['eid']}-denominator": "0"})
    response = _client(commune_officer).post(_url(units, "save"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    text = response.content.decode()
    assert "Chưa lưu: có 1 lỗi" in text
    assert f'<div id="msg-{ids["eid"]}" class="row-msg" hx-swap-oob="true"><p class="field-error" role="alert">Mẫu số của “Tỷ lệ người dân có tài khoản định danh điện tử” phải lớn hơn 0.</p></div>' in text
    assert not Submission.objects.exists()


def test_a_stale_form_gets_409_and_keeps_what_was_typed(commune_officer, commune_leader, units, q2, ids):
    _client(commune_officer).post(_url(units, "save"), _form(ids))  # version 0 → 2
    stale = _form(ids, version=0, **{f"v-{ids['initiatives']}-value": "99"})
    response = _client(commune_leader).post(_url(units, "save"), stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Báo cáo vừa được cv_xa lưu lúc" in page
    assert f'name="v-{ids["initiatives"]}-value" inputmode="decimal" value="99"' in page  # nothing typed is lost
    assert Value.objects.get(indicator_id=ids["initiatives"]).value == 12


def test_submitting_saves_then_submits(commune_officer, units, q2, ids):
    response = _client(commune_officer).post(_url(units, "submit"), _form(ids))
    assert response.status_code == 302
    assert Submission.objects.get().status == "submitted"


def test_an_incomplete_submit_lists_what_is_missing(commune_officer, units, q2, ids):
    data = _form(ids, results="")
    response = _client(commune_officer).post(_url(units, "submit"), data)
    assert response.status_code == 422
    assert "Chưa viết phần “Kết quả đạt được”." in response.content.decode()
    assert Submission.objects.get().status == "draft"


def test_the_leader_returns_and_approves_from_the_page(commune_officer, province_leader, units, q2, ids):
    _client(commune_officer).post(_url(units, "submit"), _form(ids))
    leader = _client(province_leader)
    page = leader.get(_url(units)).content.decode()
    assert "Duyệt báo cáo" in page and "Trả lại để sửa" in page
    missing = leader.post(_url(units, "return"), {"reason": "", "version": "3"})
    assert (missing.status_code, "Cần ghi rõ lý do." in missing.content.decode()) == (400, True)
    assert leader.post(_url(units, "return"), {"reason": "Kiểm tra lại mẫu số", "version": "3"}).status_code == 302
    assert Submission.objects.get().status == "returned"
    assert "Kiểm tra lại mẫu số" in _client(commune_officer).get(_url(units)).content.decode()


def test_an_officer_cannot_approve(commune_officer, units, q2, ids):
    _client(commune_officer).post(_url(units, "submit"), _form(ids))
    response = _client(commune_officer).post(_url(units, "approve"), {"version": "3"})
    assert response.status_code == 403
    assert "Bạn không có quyền duyệt dữ liệu của “Xã An Bình”." in response.content.decode()


def test_excel_download_and_upload_through_the_pages(commune_officer, units, q2):
    client = _client(commune_officer)
    response = client.get(_url(units, "excel"))
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-X01-2025Q2.xlsx"'
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb[excel.VALUES]
    ws["F6"] = 7
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "bao-cao.xlsx"
    assert client.post(_url(units, "upload"), {"file": out}).status_code == 302
    assert Value.objects.get().value == 7


def test_a_bad_upload_is_shown_with_its_cells(commune_officer, units, q2):
    wb = load_workbook(io.BytesIO(_client(commune_officer).get(_url(units, "excel")).content))
    wb[excel.VALUES]["F6"] = -3
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "bao-cao.xlsx"
    response = _client(commune_officer).post(_url(units, "upload"), {"file": out})
    assert response.status_code == 422
    assert "Số liệu!F6</span>: Giá trị của “Số sáng kiến được công nhận” là số đếm, phải là số nguyên không âm (đã nhập -3)." in response.content.decode()
    macro = io.BytesIO(b"PK")
    macro.name = "bao-cao.xlsm"
    response = _client(commune_officer).post(_url(units, "upload"), {"file": macro})
    assert response.status_code == 400
    assert "Tệp “bao-cao.xlsm” có macro: chỉ nhận tệp .xlsx tải từ hệ thống." in response.content.decode()
    assert not Value.objects.exists()


def _excel_file(data: bytes, edit) -> io.BytesIO:
    wb = load_workbook(io.BytesIO(data))
    edit(wb[excel.VALUES])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "bao-cao.xlsx"
    return out


OVERWRITE_BOX = '<input type="checkbox" name="overwrite" id="id_overwrite">'


@pytest.mark.parametrize("htmx", [False, True])
def test_an_upload_older_than_a_web_save_is_shown_with_the_overwrite_checkbox(commune_officer, units, q2, ids, htmx):
    client = _client(commune_officer)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    client.post(_url(units, "save"), _form(ids))
    v = Submission.objects.get().version
    template = client.get(_url(units, "excel")).content  # downloaded at version v
    client.post(_url(units, "save"), _form(ids, version=v, **{f"v-{ids['initiatives']}-value": "13"}))  # a web save: v + 1

    def seven(ws):
        ws["F6"] = 7

    response = client.post(_url(units, "upload"), {"file": _excel_file(template, seven)}, **headers)
    page = response.content.decode()
    assert response.status_code == 409
    assert (f"Tệp “bao-cao.xlsx” được tải về khi báo cáo ở phiên bản {v} (ô Thông tin!B7); nay báo cáo đang ở "
            f"phiên bản {v + 1}, do cv_xa lưu lúc ") in page
    assert OVERWRITE_BOX in page and "Ghi đè các thay đổi đã lưu sau khi tải mẫu" in page
    assert ("<h1>Báo cáo Quý 2/2025 – Xã An Bình</h1>" in page) != htmx  # the whole page, or only the upload card
    assert (Submission.objects.get().version, Value.objects.get(indicator_id=ids["initiatives"]).value) == (v + 1, 13)

    response = client.post(_url(units, "upload"), {"file": _excel_file(template, seven), "overwrite": "on"}, **headers)
    if htmx:
        assert (response.status_code, response["HX-Redirect"]) == (204, _url(units))
    else:
        assert (response.status_code, response["Location"]) == (302, _url(units))
    assert (Submission.objects.get().version, Value.objects.get(indicator_id=ids["initiatives"]).value) == (v + 2, 7)


def test_a_refused_upload_answers_htmx_in_the_upload_card_without_the_overwrite_checkbox(commune_officer, units, q2):
    client = _client(commune_officer)
    assert 'name="overwrite"' not in client.get(_url(units)).content.decode()

    def bad(ws):
        ws["F6"] = -3

    response = client.post(_url(units, "upload"), {"file": _excel_file(client.get(_url(units, "excel")).content, bad)}, HTTP_HX_REQUEST="true")
    card = response.content.decode()
    assert response.status_code == 422
    assert card.startswith('<div class="error-box" role="alert"><p>Chưa lưu: có 1 lỗi.</p>')  # only the upload card's part
    assert "Số liệu!F6</span>: Giá trị của “Số sáng kiến được công nhận” là số đếm" in card
    assert 'name="overwrite"' not in card


def test_an_unknown_period_is_404(commune_officer, units, q2):
    response = _client(commune_officer).get(f"/bao-cao/{units['commune'].pk}/2031Q9/")
    assert response.status_code == 404


def test_index_and_late_pages(commune_officer, province_leader, units, q2, ids, settings):
    page = _client(commune_officer).get("/bao-cao/").content.decode()
    assert "Báo cáo của đơn vị tôi" in page and "Quý 2/2025" in page
    late = _client(province_leader).get("/bao-cao/tre-han/").content.decode()
    assert "Báo cáo chậm và sắp đến hạn" in late


def test_versions_and_years_are_not_grouped_like_amounts(commune_officer, units, q2, ids):
    _client(commune_officer).post(_url(units, "save"), _form(ids))
    Submission.objects.update(version=1234)
    page = _client(commune_officer).get(_url(units)).content.decode()
    assert '<input type="hidden" name="version" id="version" value="1234">' in page
    assert "≥ 80% (2025)" in page
    assert '<td class="num"></td>' in page  # no previous value: an empty cell, not a dash
