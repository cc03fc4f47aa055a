"""Secrets: camera credentials never reach a caption or a log line, the database password comes from
the environment (or keyring) and is refused in the config file, intake API keys are stored hashed."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commandcenter.config import ConfigError, load_settings
from commandcenter.persistence.accounts import api_keys
from commandcenter.persistence.store import Store
from commandcenter.secrets import RedactingFilter, redact_text, redact_url, with_database_password

CAMERA = "rtsp://admin:Hik12345@10.12.0.7:554/Streaming/Channels/101"


def test_redact_url_hides_user_and_password() -> None:
    assert redact_url(CAMERA) == "rtsp://***@10.12.0.7:554/Streaming/Channels/101"
    assert redact_url("http://127.0.0.1:18554/demo/1/sub.ts") == "http://127.0.0.1:18554/demo/1/sub.ts"
    assert "Hik12345" not in redact_text(f"camera {CAMERA} stalled; retry {CAMERA}")


def test_the_log_filter_redacts_urls_in_messages_and_arguments(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.secrets")
    caplog.handler.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO, logger="test.secrets"):
        logger.info("opening %s", CAMERA)
        logger.info(f"inline {CAMERA}")
    assert "Hik12345" not in caplog.text
    assert "admin:" not in caplog.text
    assert caplog.text.count("rtsp://***@10.12.0.7") == 2


def test_a_password_in_the_config_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('database_url = "postgresql://cc:s3cret@db.local/cc"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="COMMANDCENTER_DB_PASSWORD") as refused:
        load_settings(config, environ={})
    assert "s3cret" not in str(refused.value)


def test_the_database_password_comes_from_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('database_url = "postgresql://cc@db.local/cc"\n', encoding="utf-8")
    settings = load_settings(config, environ={})
    assert settings.database_url == "postgresql://cc@db.local/cc"  # what is shown stays clean
    url = with_database_password(settings.database_url, {"COMMANDCENTER_DB_PASSWORD": "p@ss/word"})
    assert url == "postgresql://cc:p%40ss%2Fword@db.local/cc"
    assert with_database_password("sqlite:////tmp/x.sqlite", {"COMMANDCENTER_DB_PASSWORD": "x"}).endswith(
        "x.sqlite"
    )


def test_api_keys_are_stored_hashed_and_verified(store: Store) -> None:
    key = api_keys.create_api_key(store, "12345热线", datetime.now(UTC))
    stored = store.execute_raw("SELECT prefix, key_hash FROM api_keys")
    assert stored
    assert key not in str(stored)
    assert stored[0][1] == api_keys.digest_of(key)
    assert api_keys.verify_api_key(store, key) == "12345热线"
    assert api_keys.verify_api_key(store, key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert api_keys.verify_api_key(store, "' OR 1=1 --") is None
    api_keys.revoke_api_key(store, "12345热线")
    assert api_keys.verify_api_key(store, key) is None
