"""考核 ▸ 考核排名: the offices' ranking for a week (周通报), month (月奖惩) or year (年考评).

Pick the kind and the period (this week/month/year by default, on the district's clock), and the
table shows each office's place, colour grade, 综合指标值, deductions, normalised and final score,
and for a month the reward or penalty in CNY with their sum. Publishing (who may: the service says)
freezes the figures; a published period shows who published it and when. An office user sees every
office's place and grade, and the figures of their own office only (the service decides). Every
read and the publishing run on the runner.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.assessment_settings import GradeBand
from commandcenter.evaluation.assessment import Assessment, OfficeAssessment
from commandcenter.evaluation.assessment_text import money
from commandcenter.evaluation.periods import PeriodKind, current_label as period_label
from commandcenter.evaluation.text import NOTHING, score_text
from commandcenter.services.assessment_service import AssessmentService
from ui.background import BackgroundRunner
from ui.evaluation.grade_colours import grade_colour

KINDS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.YEAR)


def current_label(kind: PeriodKind, now: datetime | None = None) -> str:
    """This week's, month's or year's label on the district's clock."""
    return period_label(kind, now or datetime.now(UTC))


class QtAssessmentRanking(QDialog):
    def __init__(
        self, assessments: AssessmentService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentRanking")
        self.setWindowTitle(self.tr("Assessment ranking"))
        self.resize(1000, 560)
        self.assessments, self.runner = assessments, runner
        self.shown: Assessment | None = None
        self.kind = QComboBox(self)
        for kind, text in zip(KINDS, (self.tr("Week"), self.tr("Month"), self.tr("Year")), strict=True):
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(1)
        self.period = QLineEdit(current_label(PeriodKind.MONTH), self)
        self.period.setPlaceholderText(self.tr("2026-W47, 2026-11 or 2026"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.clicked.connect(self.reload)
        self.period.returnPressed.connect(self.reload)
        self.publish_button = QPushButton(self.tr("Publish"), self)
        self.publish_button.setObjectName("primaryButton")
        self.publish_button.setVisible(assessments.may_publish)
        self.publish_button.clicked.connect(self.publish)
        self.table = QTableWidget(0, 0, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.state = QLabel(self)
        self.supervision = QLabel(self)  # 督办: the period's 协商 cases per 责任单位
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        for widget in (self.kind, self.period, self.show_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.publish_button)
        page = QVBoxLayout(self)
        page.addLayout(bar)
        page.addWidget(self.state)
        page.addWidget(self.table, 1)
        page.addWidget(self.supervision)
        page.addWidget(self.message)
        self.grades: tuple[GradeBand, ...] = ()
        self._asked = 0
        self.reload()

    def _kind_changed(self, _index: int) -> None:
        self.period.setText(current_label(self.selected_kind()))
        self.reload()

    def selected_kind(self) -> PeriodKind:
        return PeriodKind(self.kind.currentData())

    def reload(self) -> None:
        kind, text = self.selected_kind(), self.period.text()
        self.message.setText(self.tr("Loading …"))
        self._asked += 1
        asked = self._asked  # an answer to an earlier question (another period) is dropped
        self.runner.submit(
            lambda: self._read(text, kind),
            lambda answer: self._show(answer) if asked == self._asked else None,
            lambda error: self._said(error) if asked == self._asked else None,
        )

    def _read(self, text: str, kind: PeriodKind) -> tuple[Assessment, tuple[GradeBand, ...]]:
        return self.assessments.ranking(text, kind), tuple(self.assessments.settings().grades)

    def publish(self) -> None:
        kind, text = self.selected_kind(), self.period.text()
        self.message.setText(self.tr("Publishing …"))
        self._asked += 1
        self.runner.submit(
            lambda: (self.assessments.publish(text, kind), tuple(self.assessments.settings().grades)),
            self._show,
            self._said,
        )

    def _show(self, answer: tuple[Assessment, tuple[GradeBand, ...]]) -> None:
        assessment, grades = answer
        self.shown, self.grades = assessment, grades
        month = assessment.kind is PeriodKind.MONTH
        headers = [
            self.tr("Rank"),
            self.tr("Office"),
            self.tr("Grade"),
            self.tr("Segments"),
            self.tr("Composite"),
            self.tr("Deductions"),
            self.tr("Normalised"),
            self.tr("Difficulty"),
            self.tr("Volume"),
            self.tr("Score"),
        ]
        if month:
            headers.append(self.tr("Reward/penalty (CNY)"))
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(assessment.rows))
        for index, row in enumerate(assessment.rows):
            for column, text in enumerate(self._cells(row, month)):
                item = QTableWidgetItem(text)
                if column == 5 and row.extra:  # the reasons of 督查/督办 deductions (domain text)
                    item.setToolTip("\n".join(f"{d.source} −{d.points:g} {d.reason}" for d in row.extra))
                if column == 2 and (colour := grade_colour(row.grade, grades)) is not None:
                    item.setBackground(colour)
                    item.setForeground(QColor("#ffffff"))
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.publish_button.setEnabled(not assessment.published_by)
        self._say_state(assessment, month)
        self.message.clear()

    def _cells(self, row: OfficeAssessment, month: bool) -> list[str]:
        cells = [
            str(row.rank),
            row.office,
            row.grade or NOTHING,
            NOTHING if row.segments is None else str(row.segments),
            score_text(row.score),
            score_text(row.deductions),
            score_text(row.normalised),
            NOTHING if row.difficulty is None else f"{row.difficulty:g}",
            NOTHING if row.volume is None else f"{row.volume:.3f}",
            score_text(row.final),
        ]
        if month:
            cells.append(money(row.reward_cny))
        return cells

    def _say_state(self, assessment: Assessment, month: bool) -> None:
        if assessment.published_by:
            state = self.tr("Published by %1 at %2").replace("%1", assessment.published_by)
            state = state.replace("%2", assessment.published_at)
        else:
            state = self.tr("Not published: figures as of now")
        if month:
            total = sum(row.reward_cny or 0 for row in assessment.rows)
            base = self.tr("Monthly base %1 CNY per office; rewards and penalties sum to %2 CNY")
            state += "  " + base.replace("%1", f"{assessment.monthly_base_cny:,}").replace("%2", money(total))
        self.state.setText(state)
        lines = [
            self.tr("Supervision %1: %2 consultation cases, %3 closed")
            .replace("%1", department)
            .replace("%2", str(counts.get("flagged", 0)))
            .replace("%3", str(counts.get("resolved", 0)))
            for department, counts in assessment.supervision.items()
        ]
        self.supervision.setText("\n".join(lines))

    def _said(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" line
