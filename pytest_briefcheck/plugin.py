"""The pytest entry point: options, the on/off switch, and the hooks.

This module imports only pytest. Everything else is loaded when ``--briefcheck``
is given, so an installed but unused plugin costs nothing.
"""

from __future__ import annotations

import pytest

_OPTIONS: tuple[tuple[str, str, str, object], ...] = (
    # (name, ini type, help, default)
    ("claims", "string", "directory of claim files, relative to the rootdir", "claims"),
    ("sources", "string", "directory of source documents, relative to the rootdir", "sources"),
    ("about-tolerance", "string", "relative tolerance of 'about'/'约' figures", "0.05"),
    ("near-tolerance", "string", "how far below its bound 'nearly'/'近' may go", "0.05"),
    ("json", "string", "write a JSON report of every briefcheck item to this path", ""),
    ("html", "string", "write a self-contained HTML report to this path", ""),
)
_FLAGS: tuple[tuple[str, str], ...] = (
    ("coverage", "require every figure and date of every source to be claimed or waived"),
    ("update-quotes", "rewrite moved or reworded quotes in claim files (never an expect)"),
    ("no-cache", "read every file afresh: keep no readings in pytest's cache directory"),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("briefcheck", "fact-consistency checks of press briefings")
    group.addoption(
        "--briefcheck",
        action="store_true",
        default=None,
        help="check the claim files against the source documents",
    )
    parser.addini("briefcheck", "turn briefcheck on (same as --briefcheck)", type="bool")
    for name, kind, help_text, default in _OPTIONS:
        ini = "briefcheck_" + name.replace("-", "_")
        group.addoption(f"--briefcheck-{name}", dest=ini, default=None, help=f"{help_text} [{ini}]")
        parser.addini(ini, help_text, type=kind, default=default)  # type: ignore[arg-type]
    for name, help_text in _FLAGS:
        ini = "briefcheck_" + name.replace("-", "_")
        group.addoption(
            f"--briefcheck-{name}", dest=ini, action="store_true", default=None, help=help_text
        )
        parser.addini(ini, help_text, type="bool", default=False)


def setting(config: pytest.Config, name: str) -> object:
    """An option's value: the command line wins over the ini file."""
    key = "briefcheck_" + name.replace("-", "_")
    value = config.getoption(key)
    return config.getini(key) if value is None else value


def enabled(config: pytest.Config) -> bool:
    flag = config.getoption("briefcheck")
    return bool(config.getini("briefcheck") if flag is None else flag)


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if not enabled(config):
        return
    from .session import BriefcheckSession

    session = BriefcheckSession(config)
    # Cleanups run last-registered first: registered before pytest's own (tryfirst),
    # this one runs after pytest's final garbage collections, which then skip the
    # objects the session froze for the run.
    config.add_cleanup(session.thaw)
    config.pluginmanager.register(session, "briefcheck-session")
