"""One opened database as the GUI sees it, before and after sign-in: the authenticator for the login
dialog, the demo's duty operator, the first cameras of the wall, and — for a signed-in principal —
that principal's ``Services``. The GUI never holds the store itself; the entry points open a
``Workspace`` (``open``) or take the demo runtime's, and close it when the window is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.demo_accounts import demo_principal
from commandcenter.accounts.principal import Principal, first_run_principal
from commandcenter.accounts.session import Session
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.domain.cameras import CameraFeed, CameraSummary
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts.users import anyone_can_sign_in
from commandcenter.persistence.cameras.queries import camera_summaries
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.services.live_settings import LiveSettings
from commandcenter.services.user_service import UserService

FIRST_WALL_TILES = 4


class Workspace:
    def __init__(
        self,
        store: Store,
        *,
        case_rules: CaseRuleSet | None = None,
        first_cameras: list[CameraSummary] | None = None,
        live_settings: LiveSettings | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        self.case_rules = case_rules or CaseRuleSet()
        # One copy of the district's settings per process: every principal's services and (in the
        # demo) the simulator's intake follow the same refreshes.
        self.live_settings = live_settings or LiveSettings(store)
        self._first_cameras = first_cameras
        self._clock = clock

    @classmethod
    def open(cls, url: str) -> Workspace:
        """Connect and migrate (raises ``DatabaseUnavailable`` with the reason in words)."""
        return cls(Store.open(url))

    @property
    def database(self) -> str:
        """The database URL as it may be shown (password hidden)."""
        return self._store.url

    def authenticator(self) -> Authenticator:
        return Authenticator(self._store)

    def needs_first_administrator(self) -> bool:
        """True while no active user has a password: the GUI then offers the first-run dialog
        instead of a login nobody can pass."""
        return not anyone_can_sign_in(self._store)

    def create_first_administrator(self, username: object, display_name: object, password: object) -> int:
        """The first administrator, with a final password (the person at the screen chose it),
        audited as ``first-run:<OS user>``. Raises ``FirstRunOver`` once anybody can sign in (another
        workstation was quicker), ``InvalidInput`` / ``PasswordPolicyError`` for a refused field."""
        users = UserService(self._store, first_run_principal(), clock=self._clock)
        return users.create_user(
            username, display_name, UserRole.ADMIN.value, None, password, must_change=False, first=True
        )

    def demo_principal(self) -> Principal | None:
        """The duty operator the demo signs in as; None when the database has no such user."""
        return demo_principal(self._store)

    def services(self, principal: Principal, session: Session | None = None) -> Services:
        return Services(
            self._store,
            principal,
            session=session,
            case_rules=self.case_rules,
            live_settings=self.live_settings,
            clock=self._clock,
        )

    def first_wall_feeds(self) -> list[CameraFeed]:
        """What the wall opens with: the demo's showcase cameras, else the first online ones."""
        cameras = self._first_cameras
        if cameras is None:
            cameras = camera_summaries(self._store, limit=FIRST_WALL_TILES)
        return [CameraFeed(c.code, c.name, c.main_url or "", c.sub_url or "") for c in cameras]

    def close(self) -> None:
        self._store.close()
