"""The organizer's results decisions of one packet, kept in the organizer database.

The current decisions are one document (the same JSON as `--decisions FILE.json`, see
`app.results.decisions`) under the scope "results:<packet id>"; every change — a decision
added or withdrawn, a file imported — replaces it and appends a row to the audit log in the
same transaction, with who, when, the old and the new value and the reason.  The GUI's
results page works through this class; the command line reads a file instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from app.results.decisions import NO_DECISIONS, Decision, ResultsDecisions, parse_decisions
from app.sheets.orgdb import OrgDB, now_iso


def scope_of(packet_id: str) -> str:
    return f"results:{packet_id}"


class DecisionStore:
    """Read and change the results decisions of `packet_id` in the database `open_db` gives."""

    def __init__(self, open_db: Callable[[], OrgDB], packet_id: str) -> None:
        self._open_db = open_db
        self.scope = scope_of(packet_id)

    def load(self) -> ResultsDecisions:
        with self._open_db() as db:
            text = db.document(self.scope)
        return NO_DECISIONS if text is None else parse_decisions(text, self.scope)

    def add(self, decision: Decision, who: str) -> ResultsDecisions:
        """Record `decision` (stamped with `who` and now) after the earlier ones."""
        stamped = replace(decision, by=who, at=now_iso())
        current = self.load()
        updated = current.with_decision(stamped)
        self._save(updated, who, decision.action, "、".join(decision.subjects),
                   decision.reason, old=None, new=_one(stamped))
        return updated

    def withdraw(self, index: int, who: str, reason: str) -> ResultsDecisions:
        """Withdraw the decision at `index` (the audit log keeps it)."""
        current = self.load()
        old = current.decisions[index]
        updated = current.without(index)
        self._save(updated, who, "withdraw", "、".join(old.subjects), reason,
                   old=_one(old), new=None)
        return updated

    def replace_all(self, decisions: ResultsDecisions, who: str, reason: str,
                    ) -> ResultsDecisions:
        """Take over a whole decisions file (e.g. one written for the command line)."""
        old = self.load()
        self._save(decisions, who, "import", "*", reason, old=old.to_json(),
                   new=decisions.to_json())
        return decisions

    def _save(self, decisions: ResultsDecisions, who: str, action: str, subject: str,
              reason: str, old: str | None, new: str | None) -> None:
        with self._open_db() as db:
            db.save_document(self.scope, decisions.to_json(), who, action, subject, reason,
                             old=old, new=new)


def _one(decision: Decision) -> str:
    return json.dumps(decision.to_dict(), ensure_ascii=False, sort_keys=True)
