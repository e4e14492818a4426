# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Support sets up a merchant's connection; the .qwc loads into the Web Connector."""

from __future__ import annotations

import uuid

from cobalt_qbsim.qwc import QwcFile

PASSWORD = "correct horse battery"


def _body(user: str = "demo-liquors", **extra):
    return {"qbwc_user": user, "password": PASSWORD, "start_date": "2026-11-01", **extra}


def test_support_sets_up_a_connection_and_the_password_never_comes_back(gateway, http):
    merchant = uuid.uuid4()
    url = f"{gateway.url}/connections/{merchant}"
    created = http.put(url, json=_body(), headers=gateway.support())
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "waiting for first contact"
    assert "password" not in created.text
    assert PASSWORD not in created.text
    assert body["file_id"].startswith("{")
    updated = http.put(url, json={**_body(), "password": None}, headers=gateway.support())
    assert updated.status_code == 200
    assert updated.json()["file_id"] == body["file_id"]  # the same company file registration


def test_only_support_may_manage_connections(gateway, http):
    merchant = uuid.uuid4()
    url = f"{gateway.url}/connections/{merchant}"
    assert http.put(url, json=_body(), headers=gateway.merchant(merchant)).status_code == 403
    assert http.get(url).status_code == 401


def test_bad_settings_are_refused_with_the_reason(gateway, http):
    merchant = uuid.uuid4()
    url = f"{gateway.url}/connections/{merchant}"
    short = http.put(url, json={**_body(), "password": "short"}, headers=gateway.support())
    assert short.status_code == 422
    version = http.put(url, json={**_body(), "qbxml_version": "99.0"}, headers=gateway.support())
    assert version.status_code == 422
    assert "qbXML version must be one of" in version.json()["error"]["message"]
    no_password = http.put(url, json={**_body(), "password": None}, headers=gateway.support())
    assert no_password.status_code == 409
    http.put(url, json=_body("taken-user"), headers=gateway.support())
    other = http.put(
        f"{gateway.url}/connections/{uuid.uuid4()}",
        json=_body("TAKEN-USER"),
        headers=gateway.support(),
    )
    assert other.status_code == 409
    assert "belongs to another merchant" in other.json()["error"]["message"]


def test_a_merchant_without_a_connection_is_told_how_to_get_started(gateway, http):
    merchant = uuid.uuid4()
    mine = http.get(f"{gateway.url}/connection", headers=gateway.merchant(merchant)).json()
    assert mine["status"] == "not set up"
    assert "contact CobaltConnect support to get started" in mine["message"]


def test_the_qwc_file_loads_into_the_web_connector(gateway, http):
    merchants = [uuid.uuid4(), uuid.uuid4()]
    qwcs = []
    for i, merchant in enumerate(merchants):
        http.put(
            f"{gateway.url}/connections/{merchant}",
            json=_body(f"store-{i}"),
            headers=gateway.support(),
        )
        download = http.get(f"{gateway.url}/connections/{merchant}/qwc", headers=gateway.support())
        assert download.status_code == 200
        assert "attachment" in download.headers["content-disposition"]
        qwcs.append(QwcFile.parse(download.content))
    first, second = qwcs
    assert first.app_url == f"{gateway.url}/qbwc"
    assert first.user_name == "store-0"
    assert first.owner_id == second.owner_id == gateway.settings.owner_id
    assert first.file_id != second.file_id
    assert first.app_name != second.app_name
    assert (first.qb_type, first.run_every_minutes, first.is_read_only) == ("QBFS", 10, False)
    assert http.get(first.app_support).status_code == 200  # QBWC checks AppSupport


def test_a_missing_connection_has_no_qwc(gateway, http):
    missing = http.get(f"{gateway.url}/connections/{uuid.uuid4()}/qwc", headers=gateway.support())
    assert missing.status_code == 404
