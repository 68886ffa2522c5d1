"""支部联建台账 BranchDesk: the ledger of the "branch pairs branch" programme."""

# The one source of the version: pyproject.toml, build.spec, the installer's scripts and About read it.
__version__ = "0.1.0"
# The product's name wherever it is shown whole (window title, About, the exe's version resource, the
# installer, its shortcuts and Apps & Features entry): the Chinese name its users know it by, then BranchDesk.
PRODUCT_NAME = "支部联建台账 BranchDesk"
