"""A throw-away PostgreSQL server for tests: initdb + pg_ctl on loopback, in a temp folder.

`PgServer.start()` finds the server binaries (`pg_config --bindir`,
/usr/lib/postgresql/*/bin, PATH), initialises a cluster in a fresh temp folder, starts
it on 127.0.0.1 and a free port with its socket in that folder, and `stop()` shuts it
down and removes everything.  PostgreSQL refuses to run as root, so when the tests run
as root (CI containers) the cluster belongs to an unprivileged user — the `postgres`
account the Debian package creates, else `nobody` — and the binaries run through
`runuser`.  Nothing touches a system cluster or service.

`pg_server_or_skip()` is the policy the issue asks for: skip when no server can be
started and env CI is unset; in CI the same failure is a test failure saying why.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "paneldesk"  # the cluster's superuser; trust auth on loopback only
_TIMEOUT = 60


class PgUnavailable(RuntimeError):
    """No PostgreSQL server could be started here; the message says why."""


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    candidates: list[str] = []
    env = os.environ.get("PANELDESK_PG_BINDIR")
    if env:
        candidates.append(env)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 timeout=10, check=False).stdout.strip()
            if out:
                candidates.append(out)
        except (OSError, subprocess.SubprocessError):
            pass
    # Debian keeps one folder per major version; prefer the newest.
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: _major(Path(p).parent.name), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).resolve().parent))
    for folder in candidates:
        path = Path(folder)
        if all((path / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return path
    return None


def _major(name: str) -> int:
    return int(name) if name.isdigit() else -1


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PgUnavailable("以 root 运行，但系统中既没有 postgres 也没有 nobody 用户，无法启动 PostgreSQL")


class PgServer:
    """One temporary cluster; `url(db)` gives a SQLAlchemy URL for a database in it."""

    def __init__(self) -> None:
        self.bindir: Path | None = None
        self.root: Path | None = None
        self.port = 0
        self._user: pwd.struct_passwd | None = None
        self._running = False
        self._count = 0

    # ------------------------------------------------------------------ commands

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        assert self.bindir is not None
        cmd = [str(self.bindir / tool), *args]
        if self._user is not None:
            cmd = ["runuser", "-u", self._user.pw_name, "--", *cmd]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=_TIMEOUT,
                                  check=False, cwd=self.root)
        except (OSError, subprocess.SubprocessError) as err:
            raise PgUnavailable(f"{tool} 无法运行：{err}") from err
        if done.returncode != 0:
            raise PgUnavailable(f"{tool} 失败（退出码 {done.returncode}）：\n"
                                f"{done.stdout}\n{done.stderr}\n{self._log_tail()}")
        return done

    def _log_tail(self) -> str:
        log = self.root / "server.log" if self.root else None
        if log and log.exists():
            return "server.log:\n" + log.read_text(errors="replace")[-2000:]
        return ""

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> PgServer:
        self.bindir = find_bindir()
        if self.bindir is None:
            raise PgUnavailable("找不到 PostgreSQL 服务器程序（initdb/pg_ctl/postgres）；"
                                "Debian/Ubuntu 上请安装 postgresql 软件包")
        if os.geteuid() == 0:
            self._user = _unprivileged_user()
            if shutil.which("runuser") is None:
                raise PgUnavailable("以 root 运行但找不到 runuser，无法以普通用户启动 PostgreSQL")
        # Directly under the system temp folder: pytest's own tmp folders are 0700 root,
        # which the unprivileged server user could not enter.
        self.root = Path(tempfile.mkdtemp(prefix="paneldesk-pg-"))
        try:
            if self._user is not None:
                os.chown(self.root, self._user.pw_uid, self._user.pw_gid)
            data = self.root / "data"
            self._run("initdb", "-D", str(data), "-U", SUPERUSER, "-A", "trust",
                      "-E", "UTF8", "--no-locale", "-N")
            self._start_on_free_port(data)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_on_free_port(self, data: Path) -> None:
        # A port found free can be taken before the server binds it; try a few.
        last: PgUnavailable | None = None
        for _ in range(3):
            self.port = free_port()
            opts = (f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            try:
                self._run("pg_ctl", "-D", str(data), "-l", str(self.root / "server.log"),
                          "-w", "-t", str(_TIMEOUT), "-o", opts, "start")
            except PgUnavailable as err:
                last = err
                continue
            self._running = True
            return
        assert last is not None
        raise last

    def stop(self) -> None:
        if self.root is None:
            return
        if self._running:
            try:
                self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w",
                          "stop")
            except PgUnavailable:
                pass  # best effort: the folder goes anyway
            self._running = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    # ------------------------------------------------------------------ databases

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self, prefix: str = "t") -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        self._count += 1
        name = f"{prefix}_{self._count}"
        dsn = f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        return self.url(name)


def pg_server_or_skip() -> PgServer:
    """A started server; otherwise pytest.skip (local) or pytest.fail (env CI set)."""
    try:
        import psycopg  # noqa: F401
    except ImportError as err:
        _unavailable(f"psycopg 未安装（pip install 'psycopg[binary]'）：{err}")
    try:
        return PgServer().start()
    except PgUnavailable as err:
        _unavailable(str(err))
    raise AssertionError("unreachable")  # _unavailable always raises


def _unavailable(reason: str) -> None:
    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"CI 中必须能启动 PostgreSQL 测试服务器，但失败了：{reason}", pytrace=False)
    pytest.skip(f"无法启动 PostgreSQL 测试服务器：{reason}")
