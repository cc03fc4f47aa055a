"""Plugins' dashboard cards: a title, a big value and a detail line, refreshed in the background.

While the database is away a card says so instead of its value (``show_unavailable``) and gets its
value again once it answers. The briefing screen can take these widgets as they are; until it
exists they sit in a dock."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from commandcenter.plugins_api.contributions import CardValue


class QtPluginCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pluginCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title, self)
        self.title.setObjectName("pluginCardTitle")
        self.value = QLabel("…", self)
        self.value.setObjectName("pluginCardValue")
        self.value.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.detail = QLabel("", self)
        self.detail.setObjectName("pluginCardDetail")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        for label in (self.title, self.value, self.detail):
            column.addWidget(label)
        self.unavailable = False

    def show_value(self, value: CardValue) -> None:
        self.unavailable = False
        self.value.setText(value.value)
        self.detail.setText(value.detail)

    def show_unavailable(self, text: str) -> None:
        """The database did not answer: no stale number, and a line saying it will be retried."""
        self.unavailable = True
        self.value.setText("—")
        self.detail.setText(text)


class QtPluginCards(QWidget):
    """A grid of cards, two per row (the dock sits beside the wall, narrow)."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self.cards: dict[str, QtPluginCard] = {}

    def add_card(self, key: str, title: str) -> QtPluginCard:
        card = QtPluginCard(title, self)
        self.cards[key] = card
        self._relayout()
        return card

    def remove_card(self, key: str) -> None:
        card = self.cards.pop(key, None)
        if card is not None:
            card.deleteLater()
            self._relayout()

    def _relayout(self) -> None:
        for index, card in enumerate(self.cards.values()):
            self._grid.addWidget(card, index // self.COLUMNS, index % self.COLUMNS)
