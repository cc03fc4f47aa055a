"""``commandcenter apikeys`` as IT runs it: the key printed once, its profile listed, revocation
audited, a bad profile refused in words with nothing created."""

from __future__ import annotations

import subprocess
import sys

import pytest

from commandcenter.persistence.accounts.api_keys import find_api_key
from commandcenter.persistence.store import Store


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commandcenter", "apikeys", *args, "--url", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_add_list_revoke(store: Store, db_url: str) -> None:
    added = run(db_url, "add", "wechat", "--source", "市民上报", "--datum", "GCJ02", "--rate", "120")
    assert added.returncode == 0, added.stderr
    key = added.stdout.strip()
    assert key.startswith("cc_")
    assert "shown only once" in added.stderr
    record = find_api_key(store, key)
    assert record is not None
    assert (record.profile.source, record.profile.datum, record.profile.rate_per_minute) == (
        "市民上报",
        "GCJ02",
        120,
    )
    listed = run(db_url, "list")
    assert listed.returncode == 0
    assert "wechat" in listed.stdout
    assert key not in listed.stdout
    assert key[:8] in listed.stdout
    assert run(db_url, "revoke", "wechat").returncode == 0
    assert find_api_key(store, key) is None
    actions = store.execute_raw(
        "SELECT actor, details FROM audit_log WHERE action = 'api_key_change' ORDER BY seq"
    )
    assert len(actions) == 2
    assert all(actor.startswith("cli:") for actor, _ in actions)
    again = run(db_url, "revoke", "wechat")
    assert again.returncode == 2
    assert "no live API key" in again.stderr


@pytest.mark.parametrize(
    ("option", "word"),
    [
        (["--datum", "BD09"], "invalid choice"),
        (["--datum", "WGS84", "--rate", "0"], "rate"),
        (["--datum", "WGS84", "--webhook", "ftp://x"], "webhook"),
        (["--datum", "WGS84", "--max-photo-bytes", "99999999"], "photo"),
    ],
)
def test_a_bad_profile_is_refused_and_creates_nothing(
    store: Store, db_url: str, option: list[str], word: str
) -> None:
    result = run(db_url, "add", "bad", "--source", "12345热线", *option)
    assert result.returncode == 2
    assert word in result.stderr
    assert "Traceback" not in result.stderr
    assert store.execute_raw("SELECT count(*) FROM api_keys")[0][0] == 0
