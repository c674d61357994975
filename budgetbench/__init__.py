"""budgetbench: an offline workbench for learning how a city or county budget works."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("budgetbench")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
