"""Compile the Swedish message catalogue (``src/nytta/locale/*/LC_MESSAGES/*.po``) into the
``nytta.mo`` that ships in the wheel, so an installed nytta never compiles it itself."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        sys.path.insert(0, str(Path(self.root) / "src"))
        from nytta.i18n import DOMAIN, LOCALE_DIR, compile_catalogue

        for folder in sorted(LOCALE_DIR.glob("*/LC_MESSAGES")):
            sources = sorted(folder.glob("*.po"))
            if sources:
                (folder / f"{DOMAIN}.mo").write_bytes(compile_catalogue(sources, folder.parent.name))
                if version == "standard":  # an editable install reads it where it was written
                    relative = (folder / f"{DOMAIN}.mo").relative_to(Path(self.root) / "src")
                    build_data["force_include"][str(folder / f"{DOMAIN}.mo")] = str(relative)
