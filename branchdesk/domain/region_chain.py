"""What a new ledger is for: its region chain, city → county → townships (DESIGN.md §1).

A township office keeps one township (信阳市/潢川县/城关镇), a county office its county and several townships,
a city office the city alone; more regions can be added later in the region tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from branchdesk.domain.branch_rules import BLANKS, name_too_long
from branchdesk.domain.errors import BranchDeskError, FieldProblem, InvalidRecordError

CHAIN_DEPTH = 3  # city/county/township

# "城关镇 411526100", "城关镇\t411526100" (two cells copied from Excel/WPS), "城关镇，411526100"
_NAME_AND_CODE = re.compile(r"^(.*?)[\s,，、]+(\d+)$")


@dataclass(frozen=True)
class NamedRegion:
    name: str
    code: str | None = None

    def cleaned(self) -> NamedRegion:
        code = (self.code or "").strip(BLANKS)
        return NamedRegion(self.name.strip(BLANKS), code or None)


@dataclass(frozen=True)
class RegionChain:
    city: NamedRegion
    county: NamedRegion | None = None
    townships: tuple[NamedRegion, ...] = ()

    def cleaned(self) -> RegionChain:
        """Blanks trimmed; a county or township left entirely empty is no county or township."""
        county = None if self.county is None else self.county.cleaned()
        townships = tuple(t.cleaned() for t in self.townships)
        return RegionChain(
            self.city.cleaned(),
            None if county is None or (not county.name and county.code is None) else county,
            tuple(t for t in townships if t.name or t.code is not None),
        )

    def home(self) -> str:
        """The path of the region the office keeps: its one township, else its county, else the city."""
        levels = [self.city, *([self.county] if self.county is not None else [])]
        if len(self.townships) == 1:
            levels.append(self.townships[0])
        return "/".join(region.name for region in levels)

    def describe(self) -> str:
        """信阳市/潢川县/城关镇, or 信阳市/潢川县/城关镇、春申街道 for several townships."""
        head = "/".join(r.name for r in (self.city, self.county) if r is not None)
        if not self.townships:
            return head
        return f"{head}/{'、'.join(t.name for t in self.townships)}"


def township_lines(text: str) -> tuple[NamedRegion, ...]:
    """Townships typed one a line, each name optionally followed by its official code; blank lines skipped."""
    townships = []
    for line in text.splitlines():
        stripped = line.strip(BLANKS)
        if not stripped:
            continue
        match = _NAME_AND_CODE.match(stripped)
        townships.append(NamedRegion(*match.groups()) if match else NamedRegion(stripped))
    return tuple(townships)


def chain_problems(chain: RegionChain) -> list[FieldProblem]:
    """Every broken rule of a (cleaned) chain; fields are ``city``, ``county`` and ``township<N>``."""
    problems: list[FieldProblem] = []
    if not chain.city.name:
        problems.append(FieldProblem("city", "chain.city_required"))
    if chain.county is not None and not chain.county.name:
        problems.append(FieldProblem("county", "chain.name_required"))
    if chain.townships and chain.county is None:
        problems.append(FieldProblem("county", "chain.county_required"))
    seen_names: set[str] = set()
    for index, township in enumerate(chain.townships):
        field = f"township{index}"
        if not township.name:
            problems.append(FieldProblem(field, "chain.name_required"))
        elif township.name in seen_names:
            problems.append(FieldProblem(field, "chain.duplicate_township", {"name": township.name}))
        seen_names.add(township.name)
    for field, region in _fields(chain):
        too_long = name_too_long(region.name, field)
        if too_long is not None:
            problems.append(too_long)
    seen_codes: set[str] = set()
    for field, region in _fields(chain):
        if region.code is None:
            continue
        if region.code in seen_codes:
            problems.append(FieldProblem(field, "region.duplicate_code", {"official_code": region.code}))
        seen_codes.add(region.code)
    return problems


def _fields(chain: RegionChain) -> list[tuple[str, NamedRegion]]:
    fields = [("city", chain.city)]
    if chain.county is not None:
        fields.append(("county", chain.county))
    fields.extend((f"township{index}", township) for index, township in enumerate(chain.townships))
    return fields


def checked_chain(chain: RegionChain) -> RegionChain:
    """The chain cleaned, or InvalidRecordError naming every broken rule."""
    cleaned = chain.cleaned()
    problems = chain_problems(cleaned)
    if problems:
        raise InvalidRecordError(problems)
    return cleaned


def parse_chain(path: str, codes: Sequence[str] = ()) -> RegionChain:
    """``信阳市/潢川县/城关镇`` with its official codes in chain order, the last code for the last level:
    ``411526100`` codes the township alone, ``411500,411526,411526100`` every level, ``,411526,`` the
    county."""
    names = [part.strip(BLANKS) for part in path.strip(BLANKS).rstrip("/").split("/")]
    if len(names) > CHAIN_DEPTH:
        raise BranchDeskError("chain.too_deep", path=path)
    if len(codes) > len(names):
        raise BranchDeskError("chain.too_many_codes", codes=len(codes), levels=len(names))
    padded = [""] * (len(names) - len(codes)) + list(codes)
    regions = [NamedRegion(name, code) for name, code in zip(names, padded, strict=True)]
    county = regions[1] if len(regions) > 1 else None
    return checked_chain(RegionChain(regions[0], county, tuple(regions[2:])))
