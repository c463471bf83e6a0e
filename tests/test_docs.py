"""Docs move with the code: every command, option and setting is documented."""

from pathlib import Path

import typer.main

import tidings
from tidings.cli.main import app
from tidings.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def docs_text() -> str:
    parts = [ROOT.joinpath("README.md").read_text()]
    parts += [p.read_text() for p in sorted(ROOT.joinpath("docs").glob("*.md"))]
    return "\n".join(parts)


def test_every_command_and_option_is_documented():
    text = docs_text()
    group = typer.main.get_group(app)
    for name, command in group.commands.items():
        assert f"tidings {name}" in text, f"command {name} is not documented"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in text, f"option {opt} of `tidings {name}` is not documented"


def test_every_setting_is_documented():
    conf = ROOT.joinpath("docs", "configuration.md").read_text()
    for s in SETTINGS:
        assert f"`{s.name}`" in conf, f"setting {s.name} is not in docs/configuration.md"


def test_public_api_is_explicit():
    for name in tidings.__all__:
        assert hasattr(tidings, name), name
    assert callable(tidings.code) and tidings.Pipeline


def test_readme_has_the_two_quickstart_commands():
    readme = ROOT.joinpath("README.md").read_text()
    assert "make demo" in readme and "make test" in readme
