"""The dry run's rows as the window's table holds them (domain/package_merge.RowList): compact, yet each
row read back exactly as it was kept, filtered by outcome and package in the rows' own order."""

from __future__ import annotations

import itertools

from branchdesk.domain.package_merge import Outcome, Rejection, RowList, RowResult


def kept() -> list[RowResult]:
    outcomes = itertools.cycle(
        (Outcome.NEW, Outcome.NEW, Outcome.CONFLICT, Outcome.REJECTED, Outcome.MERGED, Outcome.UNCHANGED)
    )
    rows = []
    for number in range(60):
        outcome = next(outcomes)
        rows.append(
            RowResult(
                "包一" if number < 25 else "包二",
                None if number % 7 == 0 else 1000 + number,
                "activity_area" if number % 3 else "activity",
                f"00000000-0000-4000-8000-{number // 2:012d}",  # an activity and its area share a uuid
                outcome,
                reason=Rejection.LOCKED_MONTH if outcome is Outcome.REJECTED else None,
                columns=("summary", "volunteers") if outcome in (Outcome.CONFLICT, Outcome.MERGED) else (),
                label=f"2022-05-{number % 28 + 1:02d} 主题党日 · 第{number}条" if number % 5 else "",
            )
        )
    return rows


def test_every_row_reads_back_as_it_was_kept() -> None:
    rows = RowList()
    originals = kept()
    for row in originals:
        rows.append(row)
    assert len(rows) == len(originals)
    assert list(rows) == originals
    assert rows[-1] == originals[-1]
    assert rows[10:14] == originals[10:14]


def test_filters_keep_the_rows_order() -> None:
    rows = RowList()
    originals = kept()
    for row in originals:
        rows.append(row)
    for shown in ({Outcome.CONFLICT}, {Outcome.NEW, Outcome.REJECTED}, set(Outcome), set()):
        for package in (None, "包一", "包二", "别的包"):
            expected = [
                row for row in originals if row.outcome in shown and package in (None, row.package_uuid)
            ]
            picked = rows.where(shown, package)
            assert len(picked) == len(expected)
            assert list(picked) == expected


def test_a_package_that_came_twice_is_filtered_whole() -> None:
    rows = RowList()
    originals = kept()
    twice = [*originals, *(row for row in originals if row.package_uuid == "包一")]
    for row in twice:
        rows.append(row)
    for shown in ({Outcome.NEW}, set(Outcome)):
        assert list(rows.where(shown, "包一")) == [
            row for row in twice if row.package_uuid == "包一" and row.outcome in shown
        ]


def test_a_records_label_is_that_of_its_first_row_with_one() -> None:
    rows = RowList()
    originals = kept()
    for row in originals:
        rows.append(row)
    assert rows.label_of("00000000-0000-4000-8000-000000000001") == "2022-05-03 主题党日 · 第2条"
    # its first row has none: its second's
    assert rows.label_of("00000000-0000-4000-8000-000000000000") == "2022-05-02 主题党日 · 第1条"
    assert rows.label_of("00000000-0000-4000-8000-00000000000") == ""  # not a whole uuid
    assert rows.label_of("不在这里") == ""


def test_new_rows_kept_together_read_back_as_if_kept_one_by_one() -> None:
    """extend_new (the batch path's new lines, a run at a time) against append of each row: the same rows,
    filters and labels, with runs across tables and beside rows of other outcomes and packages."""
    originals = [*kept(), *(row for row in kept() if row.package_uuid == "包一")]
    one_by_one, in_runs = RowList(), RowList()
    run: list[RowResult] = []

    def end_run() -> None:
        if run:
            in_runs.extend_new(run[0].package_uuid, [(r.seq, r.table, r.uuid, r.label) for r in run])
            run.clear()

    for row in originals:
        one_by_one.append(row)
        if row.outcome is Outcome.NEW and (not run or run[0].package_uuid == row.package_uuid):
            run.append(row)
            continue
        end_run()
        if row.outcome is Outcome.NEW:
            run.append(row)
        else:
            in_runs.append(row)
    end_run()
    in_runs.extend_new("包二", [])  # nothing: no package begins
    assert list(in_runs) == list(one_by_one) == originals
    for shown in ({Outcome.NEW}, {Outcome.NEW, Outcome.CONFLICT}, set(Outcome)):
        for package in (None, "包一", "包二"):
            assert list(in_runs.where(shown, package)) == list(one_by_one.where(shown, package))
    for row in originals:
        assert in_runs.label_of(row.uuid, row.table) == one_by_one.label_of(row.uuid, row.table)
