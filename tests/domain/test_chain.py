"""The change log's links made one after another (an import's thousands) are the links Check verifies."""

from __future__ import annotations

from branchdesk.domain.chain import GENESIS, content, link, linker


def test_the_linker_gives_each_entry_the_link_of_its_content_after_the_one_before() -> None:
    entries = [
        (7, "activity", "a-1", "insert", None, '{"id":1,"location":"安居路社区"}'),
        (8, "activity_area", "a-1", "insert", None, '{"activity_id":1,"area":"organisation"}'),
        (9, "activity", "a-1", "update", '{"id":1}', '{"id":1,"volunteers":3}'),
        (10, "activity", "a-1", "delete", '{"id":1,"volunteers":3}', None),
    ]
    for previous in (GENESIS, None, "f" * 64):  # None: the entry before was written by another program
        next_link = linker(previous, 3, "op-uuid", "package.import", "2024-01-15T01:00:00Z")
        expected = previous
        for entry_id, entity, entity_uuid, change, before, after in entries:
            covered = content(
                entry_id, 3, "op-uuid", "package.import", "2024-01-15T01:00:00Z", entity, entity_uuid,
                change, before, after,
            )  # fmt: skip
            expected = link(expected, covered)
            assert next_link(entry_id, entity, entity_uuid, change, before, after) == expected
