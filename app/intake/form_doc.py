"""Read a legacy Word .doc (or RTF) 申报书 by converting it with LibreOffice.

There is no maintained pure-Python reader for the binary .doc format, so the file is
converted to .docx with `soffice --headless --convert-to docx` and read by `form_docx`.
The conversion runs in a private temporary folder under a fixed file name (the
applicant's file name is never used as a path), with its own throw-away LibreOffice
profile (so it neither touches nor waits for the user's running LibreOffice) and a time
limit.  Without LibreOffice the file is refused with a message that says what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake.form_docx import parse_docx
from app.intake.form_fields import ParsedForm

TIMEOUT_S = 60
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Where the installers put soffice when it is not on PATH (Windows, macOS).
KNOWN_LOCATIONS: tuple[str, ...] = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
# An encrypted .docx is an OLE2 file holding this stream: LibreOffice cannot open it
# without the password, so say so instead of waiting for the converter to fail.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def find_soffice() -> str | None:
    """The LibreOffice executable: `soffice` or `libreoffice` on PATH, or a standard
    install location; None when LibreOffice is not installed."""
    for command in ("soffice", "libreoffice"):
        found = shutil.which(command)
        if found:
            return found
    return next((p for p in KNOWN_LOCATIONS if os.path.isfile(p)), None)


def is_legacy_word(data: bytes) -> bool:
    """OLE2 compound file (.doc, .wps) or RTF, both convertible by LibreOffice."""
    return data.startswith(OLE2_MAGIC) or data.startswith(b"{\\rtf")


def parse_doc(name: str, data: bytes, *, soffice: str | None = None) -> ParsedForm:
    """Convert with LibreOffice and parse; `soffice=None` looks LibreOffice up."""
    if data.startswith(OLE2_MAGIC) and _ENCRYPTED_PACKAGE in data:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：Word 文档设置了打开密码，无法读取，请申报单位提供未加密的文件"), name=name))
    soffice = soffice or find_soffice()
    if soffice is None:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "需要 LibreOffice（soffice）才能读取旧版 .doc：{name}。请安装 LibreOffice，或请申报单位另存为 .docx 后重新提交"),
            name=name))
    form = parse_docx(name, convert_to_docx(name, data, soffice))
    form.notes.append(Message(QT_TRANSLATE_NOOP(
        "Intake", "旧版 Word 文档已由 LibreOffice 转换后读取，请核对提取结果")))
    return form


def convert_to_docx(name: str, data: bytes, soffice: str) -> bytes:
    """The .docx bytes LibreOffice makes of `data`."""
    suffix = ".rtf" if data.startswith(b"{\\rtf") else ".doc"
    with tempfile.TemporaryDirectory(prefix="paneldesk-doc-") as tmp:
        folder = Path(tmp)
        source = folder / f"form{suffix}"
        source.write_bytes(data)
        out_dir = folder / "out"
        out_dir.mkdir()
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                   "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "docx", "--outdir", str(out_dir), str(source)]
        _run(name, command, tmp, soffice)
        result = out_dir / "form.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Intake", "{name}：LibreOffice 无法转换这个 .doc 文件，文件可能已损坏或不是 Word 文档"), name=name))
        return result.read_bytes()


def _run(name: str, command: list[str], cwd: str, soffice: str) -> None:
    # soffice is a launcher that starts soffice.bin: run it in its own process group so
    # a timeout can end the whole tree, not just the launcher.
    posix = os.name == "posix"
    try:
        proc = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=posix,
            creationflags=0 if posix else subprocess.CREATE_NEW_PROCESS_GROUP)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "需要 LibreOffice（soffice）才能读取旧版 .doc：{name}（无法运行 {soffice}：{reason}）"),
            name=name, soffice=soffice, reason=err.strerror or err)) from err
    try:
        proc.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as err:
        _kill_tree(proc)
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：LibreOffice 转换旧版 .doc 超时（{timeout_s} 秒），文件可能已损坏"),
            name=name, timeout_s=TIMEOUT_S)) from err


def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)],
                           capture_output=True, check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        proc.kill()
    proc.wait()
