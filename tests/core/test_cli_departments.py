"""``commandcenter departments …`` on a real SQLite file: add stores a department (audited under
``cli:<OS user>``) and lists it; a taken code or name is one ``错误`` line, exit 2, nothing written; a
department user can only be created for a department the district has."""

from __future__ import annotations

from pathlib import Path

import pytest

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.principal import command_line_principal
from commandcenter.audit.trail import AuditTrail
from commandcenter.cli import main
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.district.departments import departments
from commandcenter.persistence.store import Store
from commandcenter.services.user_service import UserService


def test_add_list_and_refuse_a_taken_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "it-zhang")
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    assert main(["departments", "add", "D07", "爱卫办", "--phone", "0371-1234567", "--url", url]) == 0
    assert "D07\t爱卫办\t0371-1234567" in capsys.readouterr().out
    assert main(["departments", "add", "D08", "爱卫办", "--url", url]) == 2
    assert "错误 error: 输入无效（department）" in capsys.readouterr().err
    store = Store.open(url)
    try:
        assert [d.name for d in departments(store)] == ["爱卫办"]
        [record] = [r for r in AuditTrail(store).recent() if r.target.startswith("department:")]
        assert (record.actor, record.action) == ("cli:it-zhang", "district_edit")
        users = UserService(store, command_line_principal("it-zhang"))
        with pytest.raises(InvalidInput):
            users.create_user(
                "dept1", "社管办值班", UserRole.DEPARTMENT, None, "Zz9!long-pass", department="社管办"
            )
        users.create_user(
            "dept2", "爱卫办值班", UserRole.DEPARTMENT, None, "Zz9!long-pass", department="爱卫办"
        )
        users.create_user("op9", "值班员九", UserRole.OPERATOR, None, "Zz9!long-pass")
        with pytest.raises(InvalidInput):  # a department user needs a department the district has
            users.set_role("op9", UserRole.DEPARTMENT, None)
        users.set_department("op9", "爱卫办")
        users.set_role("op9", UserRole.DEPARTMENT, None)
    finally:
        store.close()
