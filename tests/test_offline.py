"""Offline guarantee: the whole pipeline, analysis and notebooks, runs with the network blocked.

A ``sitecustomize`` written to a temporary folder on PYTHONPATH arms a guard in every Python
process started during the test, including the notebook kernels: ``socket`` connections and name
lookups to anything but loopback are refused and logged, and ``nltk.download`` raises and is
logged. Loopback stays open because kernels talk to the notebook runner over it. The test then
asserts that the log is empty and that every kernel had the guard armed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import BUNDLED_ARTICLE, PROJECT_ROOT

GUARD = '''
"""Test-only network guard (tests/test_offline.py): armed when NEWS_ANALYSIS_OFFLINE_LOG is set."""
import importlib.abc
import importlib.util
import ipaddress
import os
import socket
import sys


def _log(line):
    with open(os.environ["NEWS_ANALYSIS_OFFLINE_LOG"], "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {line}\\n")


def _loopback(host):
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).split("%", 1)[0]
    if host in ("localhost", "", socket.gethostname()):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed(address):
    """AF_UNIX paths and loopback addresses only."""
    if isinstance(address, (str, bytes)):
        return True
    return _loopback(address[0])


def _refuse_download(*args, **kwargs):
    _log(f"nltk.download {args!r}")
    raise RuntimeError("nltk.download is blocked: the package must work offline")


class _NltkHook(importlib.abc.MetaPathFinder):
    """Patch nltk.download right after nltk is imported, without importing it ourselves."""

    def find_spec(self, name, path=None, target=None):
        if name != "nltk":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def patched(module):
            exec_module(module)
            module.download = _refuse_download
            downloader = sys.modules.get("nltk.downloader")
            if downloader is not None:
                downloader.Downloader.download = _refuse_download
                downloader.download = _refuse_download

        spec.loader.exec_module = patched
        return spec


def install():
    """Arm the guard; return a function that disarms it."""
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)
    connect, connect_ex, getaddrinfo = saved

    def guarded_connect(self, address):
        if not allowed(address):
            _log(f"connect {address!r}")
            raise OSError(101, f"network blocked by test: {address!r}")
        return connect(self, address)

    def guarded_connect_ex(self, address):
        if not allowed(address):
            _log(f"connect_ex {address!r}")
            return 101
        return connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _loopback(host):
            _log(f"getaddrinfo {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, f"name lookup blocked by test: {host!r}")
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo
    hook = None
    if "nltk" in sys.modules:
        import nltk.downloader

        nltk.download = nltk.downloader.download = _refuse_download
        nltk.downloader.Downloader.download = _refuse_download
    else:
        hook = _NltkHook()
        sys.meta_path.insert(0, hook)
    armed = os.environ.get("NEWS_ANALYSIS_OFFLINE_ARMED")
    if armed:
        with open(armed, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {getattr(sys, 'orig_argv', sys.argv)[:4]!r}\\n")

    def uninstall():
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = saved
        if hook is not None and hook in sys.meta_path:
            sys.meta_path.remove(hook)

    return uninstall


if os.environ.get("NEWS_ANALYSIS_OFFLINE_LOG") and __name__ == "sitecustomize":
    install()
'''


@pytest.fixture
def offline(tmp_path, monkeypatch):
    """Block the network in this process and in every Python subprocess it starts."""
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    armed = tmp_path / "armed.log"
    pythonpath = os.environ.get("PYTHONPATH")
    monkeypatch.setenv(
        "PYTHONPATH", str(guard_dir) + (os.pathsep + pythonpath if pythonpath else "")
    )
    monkeypatch.setenv("NEWS_ANALYSIS_OFFLINE_LOG", str(log))
    monkeypatch.setenv("NEWS_ANALYSIS_OFFLINE_ARMED", str(armed))
    spec = importlib.util.spec_from_file_location("_offline_guard", guard_dir / "sitecustomize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    uninstall = module.install()
    try:
        yield {"log": log, "armed": armed, "guard": module}
    finally:
        uninstall()


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_guard_refuses_only_non_loopback_addresses(offline):
    allowed = offline["guard"].allowed
    assert allowed(("127.0.0.1", 5555)) and allowed(("::1", 5555, 0, 0))
    assert allowed(("localhost", 80)) and allowed("/run/some.sock")
    assert not allowed(("93.184.216.34", 443))
    assert not allowed(("10.0.0.1", 80)) and not allowed(("pypi.org", 443))


def test_guard_is_armed_in_subprocesses_and_blocks_nltk_download(offline):
    code = (
        "import socket, nltk\n"
        "print(socket.socket.connect.__name__)\n"
        "try:\n    nltk.download('punkt', quiet=True)\nexcept RuntimeError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "guarded_connect"
    assert "nltk.download is blocked" in result.stdout
    assert any("nltk.download" in line for line in _lines(offline["log"]))


@pytest.mark.slow
@pytest.mark.notebooks
def test_analysis_and_every_notebook_run_with_the_network_blocked(offline, tmp_path):
    from analysis.cli import main
    from analysis.pipeline import analyze
    from analysis.report import render_report, report_notebooks

    result = analyze(BUNDLED_ARTICLE.read_text(encoding="utf-8"))
    assert len(result.tables["sentences"]) == 13
    assert main(["analyze", str(BUNDLED_ARTICLE), "--out", str(tmp_path / "tables")]) == 0
    index = render_report(BUNDLED_ARTICLE, tmp_path / "site")
    assert index.is_file()
    notebooks = report_notebooks()
    assert {p.stem for p in notebooks} <= {p.stem for p in index.parent.glob("*.html")}
    assert _lines(offline["log"]) == [], "network or nltk.download attempted offline"
    kernels = [line for line in _lines(offline["armed"]) if "ipykernel" in line]
    assert len(kernels) >= len(notebooks), _lines(offline["armed"])


def test_cli_analyze_runs_offline_in_a_fresh_interpreter(offline, tmp_path):
    """A new process, so import-time downloads (textstat → nltk cmudict) would show too."""
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "analyze", str(BUNDLED_ARTICLE), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "analysis.json").is_file()
    assert _lines(offline["log"]) == [], "network or nltk.download attempted offline"
    assert any("analysis" in line for line in _lines(offline["armed"]))
