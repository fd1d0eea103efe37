"""Keys, roles and region scope, through the real app and the real CLI."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from test_api_support import (
    add_key,
    agreement_pdf,
    client,
    file_records,
    free_port,
    make_settings,
    record,
    running_server,
)

from models.errors import AuthError, ValidationFailedError
from service.auth import KeyStore, Role, region_contains

pytestmark = pytest.mark.slow


def test_keys_are_hashed_and_revocable(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    store = KeyStore.for_settings(settings)
    new = store.create(Role.reviewer, region="35", label="Jatim")
    principal = store.authenticate(new.key)
    assert principal.role is Role.reviewer and principal.region == "35"
    with sqlite3.connect(settings.data_dir / "service.db") as db:
        stored = [row[0] for row in db.execute("select hash from api_keys")]
    assert new.key not in stored and len(stored[0]) == 64
    store.revoke(new.id)
    with pytest.raises(AuthError):
        store.authenticate(new.key)
    with pytest.raises(ValidationFailedError):
        store.create(Role.viewer, region="35.x")
    # The first start makes one admin key; the next start none.
    assert store.ensure_admin(settings) is not None
    assert store.ensure_admin(settings) is None
    # A key set in the environment is honoured (and stored hashed) instead.
    preset = settings.model_copy(update={"bootstrap_admin_key": "preset-admin-key-0123456789"})
    assert store.ensure_admin(preset) is None
    assert store.authenticate("preset-admin-key-0123456789").role is Role.admin
    assert store.ensure_admin(preset) is None
    assert len(store.list()) == 3
    assert region_contains("35", "35.15") and not region_contains("35", "351")


def test_roles_are_enforced(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    [agreement_id] = file_records(settings, [record("Kerja sama sampah", ["35.15"])])
    keys = {role: add_key(settings, role) for role in ("viewer", "staff", "reviewer", "admin")}
    correction = {"changes": {"signing_place": "Sidoarjo"}, "reason": "as signed"}
    with running_server(settings) as base:
        anonymous = client(base, None)
        response = anonymous.get("/api/v1/agreements")
        assert response.status_code == 401 and response.json()["error"] == "unauthorized"
        assert (
            client(base, "ksk_not-a-real-key-at-all").get("/api/v1/agreements").status_code == 401
        )

        viewer = client(base, keys["viewer"])
        assert viewer.get("/api/v1/agreements").status_code == 200
        response = viewer.post("/api/v1/uploads", files={"files": ("a.pdf", agreement_pdf("v"))})
        assert response.status_code == 403 and response.json()["error"] == "forbidden"

        staff = client(base, keys["staff"])
        response = staff.post("/api/v1/uploads", files={"files": ("a.pdf", agreement_pdf("s"))})
        assert response.status_code == 202
        response = staff.patch(
            f"/api/v1/agreements/{agreement_id}", json=correction, headers={"If-Match": '"1"'}
        )
        assert response.status_code == 403

        reviewer = client(base, keys["reviewer"])
        response = reviewer.patch(
            f"/api/v1/agreements/{agreement_id}", json=correction, headers={"If-Match": '"1"'}
        )
        assert response.status_code == 200
        assert reviewer.get("/api/v1/keys").status_code == 403

        admin = client(base, keys["admin"])
        made = admin.post("/api/v1/keys", json={"role": "viewer", "region": "35"})
        assert made.status_code == 201
        new_key = made.json()["key"]
        assert client(base, new_key).get("/api/v1/agreements").status_code == 200
        listed = admin.get("/api/v1/keys").json()
        assert all("key" not in item and "hash" not in item for item in listed)
        assert admin.delete(f"/api/v1/keys/{made.json()['id']}").status_code == 204
        assert client(base, new_key).get("/api/v1/agreements").status_code == 401


def test_region_scope_limits_what_a_key_sees(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    sidoarjo, semarang, provincial = file_records(
        settings,
        [
            record("Kerja sama sampah regional", ["35.15"], number="11/2019"),
            record("Kerja sama jalan provinsi", ["33.74"], number="22/2020"),
            record("Kerja sama irigasi", ["35"], number="33/2021"),
        ],
    )
    jatim = add_key(settings, "reviewer", region="35")
    central = add_key(settings, "staff")
    with running_server(settings) as base, client(base, jatim) as http:
        theirs = client(base, central).post(
            "/api/v1/uploads", files={"files": ("pusat.pdf", agreement_pdf("pusat"))}
        )
        mine = http.post("/api/v1/uploads", files={"files": ("jatim.pdf", agreement_pdf("jatim"))})
        their_job, my_job = theirs.json()["items"][0]["job"], mine.json()["items"][0]["job"]
        assert http.get(f"/api/v1/jobs/{their_job['id']}").status_code == 404
        assert http.get(f"/api/v1/jobs/{my_job['id']}").status_code == 200
        assert [job["id"] for job in http.get("/api/v1/jobs").json()["items"]] == [my_job["id"]]
        listed = http.get("/api/v1/agreements").json()
        assert sorted(item["id"] for item in listed["items"]) == [sidoarjo, provincial]
        assert listed["total"] == 2
        queue = http.get("/api/v1/review-queue").json()
        assert semarang not in [item["id"] for item in queue["items"]]
        assert http.get(f"/api/v1/agreements/{semarang}").status_code == 404
        assert http.get(f"/api/v1/agreements/{sidoarjo}").status_code == 200
        response = http.patch(
            f"/api/v1/agreements/{semarang}",
            json={"changes": {"title": "x"}, "reason": "x"},
            headers={"If-Match": '"1"'},
        )
        assert response.status_code == 404
        csv_text = http.get("/api/v1/export/agreements.csv").text
        assert "jalan provinsi" not in csv_text and "sampah regional" in csv_text


def test_keys_cli_prints_a_working_key_once(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    env = {**os.environ, "KERJASAMA_DATA_DIR": str(settings.data_dir)}
    cli = [sys.executable, "-m", "service.cli", "keys"]
    made = subprocess.run(
        [*cli, "create", "--role", "staff", "--region", "35.15", "--label", "Sidoarjo"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = made.stdout.strip().splitlines()[-1]
    principal = KeyStore.for_settings(settings).authenticate(key)
    assert principal.role is Role.staff and principal.region == "35.15"
    listed = subprocess.run(
        [*cli, "list"], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "staf arsip" in listed and "35.15" in listed and key not in listed
    subprocess.run([*cli, "revoke", "1"], env=env, capture_output=True, check=True)
    with pytest.raises(AuthError):
        KeyStore.for_settings(settings).authenticate(key)
    bad = subprocess.run(
        [*cli, "create", "--role", "boss"], env=env, capture_output=True, text=True
    )
    assert bad.returncode != 0 and "invalid_input" in bad.stderr


def test_serve_prints_where_it_listens_and_the_first_admin_key(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "KERJASAMA_DATA_DIR": str(tmp_path / "data")}
    server = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--no-worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        lines: list[str] = []
        while not any("kunci admin" in line for line in lines):
            line = server.stdout.readline()
            assert line, f"serve stopped: {lines}"
            lines.append(line)
        assert f"http://127.0.0.1:{port}/" in lines[0]
        key = lines[-1].rsplit(" ", 1)[-1].strip()
        with client(f"http://127.0.0.1:{port}", key) as http:
            deadline = time.monotonic() + 60
            while True:
                try:
                    response = http.get("/api/v1/keys")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "serve did not answer"
                    time.sleep(0.1)
            assert response.status_code == 200
            assert [k["role"] for k in response.json()] == ["admin"]
    finally:
        server.terminate()
        server.wait(30)
