"""Only what pyproject.toml cannot say: a wheel carries ``resources/`` and ``seeds/`` inside the
``casefile`` package, where ``casefile.assets`` finds them with ``importlib.resources``."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent


class BuildWithAssets(build_py):
    def run(self) -> None:
        super().run()
        for name in ("resources", "seeds"):
            target = Path(self.build_lib) / "casefile" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(HERE / name, target, ignore=shutil.ignore_patterns("tools"))


setup(cmdclass={"build_py": BuildWithAssets})
