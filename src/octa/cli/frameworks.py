"""`octa framework`: list, show, validate and dump indicator frameworks.

Example:
    octa framework validate my-framework.yaml
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from octa.cli.common import FormatOption, OutputFormat, console, print_json, print_rows
from octa.frameworks import get_framework, known_frameworks, load_framework

framework_app = typer.Typer(help="Indicator frameworks (YAML data).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(framework_app, name="framework")


@framework_app.command("list")
def list_frameworks(fmt: FormatOption = OutputFormat.table) -> None:
    """The built-in frameworks.

    Example: octa framework list
    """
    rows = [
        {
            "id": f.id,
            "name": f.name,
            "editions": ", ".join(map(str, f.editions)),
            "indicators": len(f.indicators),
        }
        for f in known_frameworks().values()
    ]
    print_rows(rows, fmt, title="Frameworks")


@framework_app.command("show")
def show(
    framework_id: Annotated[str, typer.Argument(help="Framework id.")], fmt: FormatOption = OutputFormat.table
) -> None:
    """A framework's indicators, with pillar, weight and definition.

    Example: octa framework show ocindex-2023 --format csv
    """
    spec = get_framework(framework_id)
    rows = [
        {"id": i.id, "name": i.name, "pillar": i.pillar, "weight": i.weight, "definition": i.definition}
        for i in spec.indicators
    ]
    print_rows(rows, fmt, title=spec.name)


@framework_app.command("validate")
def validate(path: Annotated[Path, typer.Argument(help="A framework YAML file.")]) -> None:
    """Check a framework file; errors name the file and the field.

    Example: octa framework validate mine.yaml
    """
    spec = load_framework(path)
    console.print(
        f"{path}: framework {spec.id!r} is valid ({len(spec.indicators)} indicators, "
        f"{len(spec.pillars)} pillars)"
    )


@framework_app.command("dump")
def dump(framework_id: Annotated[str, typer.Argument(help="Framework id.")]) -> None:
    """The loaded framework as JSON, for the web UI, docs and other tools.

    Example: octa framework dump ocindex-2023 > framework.json
    """
    print_json(get_framework(framework_id).model_dump(mode="json"))
