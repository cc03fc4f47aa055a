"""What the citizens' clients were told about a case (the Open311 webhooks of 结案, 不予立案/作废 and a
merged report): the outbox rows, delivered or not, for the operator's case detail — read within the
principal's case scope like the detail itself."""

from __future__ import annotations

from commandcenter.domain.client_answers import ClientAnswer
from commandcenter.persistence.gateway.outbox import answers_of_case
from commandcenter.services.case_scope import ScopedCases, case_id_of


class CaseClientAnswers(ScopedCases):
    def client_answers(self, case_id: int) -> list[ClientAnswer]:
        """Oldest first; empty for a case no Open311 client reported. Another scope's case: refused."""
        case_id = case_id_of(case_id)
        self._check_case(case_id)
        return answers_of_case(self.store, case_id)
