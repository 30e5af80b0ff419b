"""The packet's domain records: submissions, their files and warnings, the roster.

These are plain dataclasses shared by intake (which produces them), the packet
writer/reader (which serialise them into the signed manifest) and the UI (which shows
them).  `to_dict()`/`from_dict()` define the manifest's JSON shape (docs/formats.md §2); every
value in it is a str, int, bool, None, list or dict — never a float — so the manifest
can be canonicalised with `app.canonical`.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import asdict, dataclass
from typing import Any

# Form fields of the 申报书, in the order the call lists its modules.  ASCII keys are
# what code and the manifest use; the Chinese labels are what people see.
FIELD_LABELS: dict[str, str] = {
    "unit": "申报单位",
    "contact_name": "联系人",
    "contact_info": "联系方式",
    "category": "实践类别",
    "title": "实践标题",
    "highlights": "核心亮点",
    "body": "详细内容",
}
CONTACT_FIELDS = ("contact_name", "contact_info")


@dataclass
class IntakeWarning:
    """One finding of the intake checks.  `code` is stable; `message` is Chinese.

    `field` names the form field the finding is about (e.g. "body"), `file` the packet
    file name, and `spans` the [start, end) character offsets in that field's text
    that a reviewer should see highlighted (e.g. an unmasked phone number).
    """

    code: str
    message: str
    field: str | None = None
    file: str | None = None
    spans: list[list[int]] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.field is not None:
            data["field"] = self.field
        if self.file is not None:
            data["file"] = self.file
        if self.spans:
            data["spans"] = [list(s) for s in self.spans]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IntakeWarning:
        return cls(code=str(data["code"]), message=str(data["message"]),
                   field=data.get("field"), file=data.get("file"),
                   spans=[list(s) for s in data.get("spans", [])])


@dataclass
class PacketFile:
    """A file stored in the packet.  `name` is the builder-chosen member name
    (e.g. "S003/E02.jpg"); `original_name` is what the applicant called it."""

    name: str
    original_name: str
    role: str  # "form" (the 申报书) or "evidence"
    kind: str  # the name of an evidence kind (app.evidence.kinds), decided from content
    media_type: str
    size: int
    sha256: str
    width: int | None = None  # images only, pixels
    height: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PacketFile:
        return cls(name=str(data["name"]), original_name=str(data["original_name"]),
                   role=str(data["role"]), kind=str(data["kind"]),
                   media_type=str(data["media_type"]), size=int(data["size"]),
                   sha256=str(data["sha256"]), width=data.get("width"),
                   height=data.get("height"))


@dataclass
class DuplicateInfo:
    """What is known of a submission's duplicates (docs/formats.md §2, `duplicates`).

    `flagged`: ids of other submissions in this packet with the same unit and title (the
    intake check); `excluded`: intake sources the organizer left out as duplicates of this
    one; `decided`: the organizer settled it — kept this one and excluded the others, or
    acknowledged the duplicate warning (they are distinct).  Undecided flagged pairs are
    what results should treat with care.
    """

    flagged: list[str] = dataclasses.field(default_factory=list)
    excluded: list[str] = dataclasses.field(default_factory=list)
    decided: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"flagged": list(self.flagged), "excluded": list(self.excluded),
                "decided": self.decided}


@dataclass
class Submission:
    """One application as the experts will see it."""

    id: str  # "S001", "S002", ... in intake order
    category: str | None
    title: str
    unit: str
    fields: dict[str, str]  # keys from FIELD_LABELS (contacts removed unless kept)
    text: str  # the full extracted text of the 申报书, for search and reading
    warnings: list[IntakeWarning] = dataclasses.field(default_factory=list)
    # All files in the packet: the form (role "form", at most one) and the evidence.  The
    # manifest stores them as "form" (object or null) and "evidence" (list).
    files: list[PacketFile] = dataclasses.field(default_factory=list)
    # Optional (left out of the manifest when None, so older packets hash the same):
    # duplicates known at intake, and the organizer's decisions about this entry (its
    # intake source, changed fields with old and new values, acknowledged warnings).
    duplicates: DuplicateInfo | None = None
    decisions: dict[str, Any] | None = None

    @property
    def evidence(self) -> list[PacketFile]:
        return [f for f in self.files if f.role != "form"]

    @property
    def form(self) -> PacketFile | None:
        """The original 申报书 file — shipped only when contacts are kept (see intake)."""
        return next((f for f in self.files if f.role == "form"), None)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "category": self.category,
            "title": self.title,
            "unit": self.unit,
            "fields": dict(self.fields),
            "text": self.text,
            "warnings": [w.to_dict() for w in self.warnings],
            "form": None if self.form is None else self.form.to_dict(),
            "evidence": [f.to_dict() for f in self.evidence],
        }
        if self.duplicates is not None:
            data["duplicates"] = self.duplicates.to_dict()
        if self.decisions is not None:
            data["decisions"] = copy.deepcopy(self.decisions)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Submission:
        return cls(id=str(data["id"]), category=data.get("category"),
                   title=str(data.get("title", "")), unit=str(data.get("unit", "")),
                   fields={str(k): str(v) for k, v in data.get("fields", {}).items()},
                   text=str(data.get("text", "")),
                   warnings=[IntakeWarning.from_dict(w) for w in data.get("warnings", [])],
                   files=([PacketFile.from_dict(data["form"])] if data.get("form") else [])
                   + [PacketFile.from_dict(f) for f in data.get("evidence", [])],
                   duplicates=(DuplicateInfo(**data["duplicates"]) if data.get("duplicates")
                               else None),
                   decisions=data.get("decisions"))


@dataclass
class Expert:
    """A member of the panel roster.  `fingerprint` is the pinned key, if enrolled."""

    id: str
    name: str
    organization: str = ""
    fingerprint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "organization": self.organization,
                "fingerprint": self.fingerprint}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Expert:
        return cls(id=str(data["id"]), name=str(data["name"]),
                   organization=str(data.get("organization") or ""),
                   fingerprint=data.get("fingerprint") or None)
