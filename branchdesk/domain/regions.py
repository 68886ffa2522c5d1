"""Naming a region (DESIGN.md §1): a unique name, a path like 信阳市/潢川县/城关镇, or an official code."""

from __future__ import annotations

from collections.abc import Sequence

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Region


def resolve_region(query: str, regions: Sequence[Region]) -> Region:
    """The one region ``query`` names; an unknown or ambiguous name is an error listing what was found."""
    text = query.strip().strip("/")
    if not text:
        raise BranchDeskError("region.not_found", query=query)
    by_code = [r for r in regions if r.code is not None and r.code == text]
    if by_code:
        return by_code[0]
    if "/" in text:
        wanted = "/".join(part.strip() for part in text.split("/"))
        by_path = [r for r in regions if r.path == wanted or r.path.endswith("/" + wanted)]
        return _one(query, by_path)
    return _one(query, [r for r in regions if r.name == text])


def _one(query: str, matches: Sequence[Region]) -> Region:
    if not matches:
        raise BranchDeskError("region.not_found", query=query)
    if len(matches) > 1:
        raise BranchDeskError(
            "region.ambiguous", query=query, candidates="; ".join(sorted(r.path for r in matches))
        )
    return matches[0]
