"""5 视频平台 Media server: how the wall opens a camera of the district's GB/T 28181 platform — the
media server's URL with ``{device}`` and ``{channel}`` for the camera's ids (ZLMediaKit as WVP-pro runs
it, or MediaMTX). It is a district setting, not the seat's: Next saves it on a worker through
``services.settings`` as the new administrator (checked by the settings' own rules, audited), so
every workstation uses it. "Later" leaves it empty (系统 ▸ 参数设置 ▸ 视频 sets it any time). A
scheme this machine's libVLC cannot play (RTSP on Debian: no live555) is said before it is saved.
A second workstation on a set-up database skips this page with the administrator's."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout

from commandcenter.domain.settings import StoredSettings
from commandcenter.services.errors import InvalidSettings
from commandcenter.services.settings_service import SettingsService
from commandcenter.video.vlc_support import url_supported
from ui.settings.settings_words import problem_text
from ui.setup.qt_setup_page import Check, SetupPage
from ui.setup.setup_state import SetupState

# What the common media servers hand out for a GB/T 28181 channel (host to be replaced).
PRESETS = (
    ("ZLMediaKit HTTP-FLV", "http://media.example:80/rtp/{device}_{channel}.live.flv"),
    ("ZLMediaKit HLS", "http://media.example:80/rtp/{device}_{channel}/hls.m3u8"),
    ("MediaMTX HLS", "http://media.example:8888/{device}_{channel}/index.m3u8"),
    ("MediaMTX RTSP", "rtsp://media.example:8554/{device}_{channel}"),
)


class MediaPage(SetupPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__(state)
        self.setObjectName("mediaPage")
        self.later, self.given = QRadioButton(self), QRadioButton(self)
        self.later.setObjectName("mediaLater")
        self.given.setObjectName("mediaGiven")
        self.later.setChecked(True)
        self.preset = QComboBox(self)
        self.preset.setObjectName("mediaPreset")
        for name, template in PRESETS:
            self.preset.addItem(name, template)
        self.template = QLineEdit(self)
        self.template.setObjectName("mediaTemplate")
        self.template.setPlaceholderText(PRESETS[0][1])
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self._preset_label, self._template_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self._preset_label, self.preset)
        form.addRow(self._template_label, self.template)
        column = QVBoxLayout(self)
        column.addWidget(self.later)
        column.addWidget(self.given)
        column.addLayout(form)
        column.addWidget(self.hint)
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate()
        self.preset.activated.connect(lambda _index: self._use_preset())
        self.later.toggled.connect(lambda _on: self._mode_changed())
        self.template.textChanged.connect(self.invalidate)
        self._mode_changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Media server"))
        self.setSubTitle(self.tr("How the video wall opens a camera of the district's GB/T 28181 platform."))
        self.later.setText(self.tr("Later (System ▸ Settings ▸ Video)"))
        self.given.setText(self.tr("The media server's URL template"))
        self._preset_label.setText(self.tr("Example"))
        self._template_label.setText(self.tr("URL template"))
        self.hint.setText(
            self.tr("{device} and {channel} stand for the camera's 20-digit ids; replace the host.")
        )

    def _use_preset(self) -> None:
        self.given.setChecked(True)
        self.template.setText(str(self.preset.currentData()))

    def _mode_changed(self) -> None:
        self.preset.setEnabled(self.given.isChecked())
        self.template.setEnabled(self.given.isChecked())
        self.invalidate()

    def chosen(self) -> str:
        return self.template.text().strip() if self.given.isChecked() else ""

    def check(self) -> Check | str | None:
        template, state = self.chosen(), self.state
        if not template:
            return None
        opened, principal = state.opened, state.principal
        settings: SettingsService | None = None  # no administrator of this wizard's own: nothing to save
        if opened is not None and opened.workspace is not None and principal is not None:
            settings = opened.workspace.services(principal).settings
        return (lambda: _check_and_save(settings, template)), self.tr("Saving the media server …")

    def checked(self, result: object) -> str | None:
        if isinstance(result, Unplayable):
            return self.tr(
                "This computer's video library cannot play %1 addresses: choose an HTTP template."
            ).replace("%1", result.scheme)
        if isinstance(result, InvalidSettings):
            return "\n".join(problem_text(problem) for problem in result.problems)
        self.state.media_url_template = self.chosen()
        return None


@dataclass(frozen=True)
class Unplayable:
    scheme: str  # "RTSP": this machine's libVLC lacks the module the scheme needs


def _check_and_save(
    settings: SettingsService | None, template: str
) -> Unplayable | StoredSettings | InvalidSettings | None:
    """Worker thread (looking for libVLC's modules reads its plugin folders): the template into the
    district's settings; an unplayable scheme or a refusal is the page's answer."""
    if not url_supported(template.replace("{device}", "0").replace("{channel}", "0")):
        return Unplayable(template.split("://", 1)[0].upper())
    if settings is None:
        return None
    stored = settings.current()
    try:
        return settings.save(
            dataclasses.replace(stored.settings, media_url_template=template), stored.revision
        )
    except InvalidSettings as refusal:
        return refusal
