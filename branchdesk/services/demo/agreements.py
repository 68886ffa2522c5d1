"""The demo's pairing agreements (DESIGN.md §11), 罗山-style: most pairings sign one within weeks of pairing,
with two or three hard targets (帮办实事 3 件, 引进项目资金 20 万元, 培训党员 50 人次 …), sometimes a
qualitative one beside them, due at a year's or half-year's end; progress reported a few times as running
totals: most targets reached (a few beyond their number), some still short, so some are overdue.

A random sequence of its own (from the demo's seed), so that the rest of the demo is the same with or
without it, and other parts added later do not change it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from branchdesk.services.demo.common import day_between, random_uuid
from branchdesk.services.demo.model import Pairing
from branchdesk.storage import bulk

# (text, unit, smallest number, largest, step)
_HARD_TARGETS = (
    ("帮办实事", "件", 2, 6, 1),
    ("引进项目资金", "万元", 5, 50, 5),
    ("培训党员", "人次", 20, 80, 10),
    ("帮助村集体经济增收", "万元", 2, 10, 1),
    ("解决群众急难愁盼问题", "件", 3, 10, 1),
    ("开展志愿服务", "次", 4, 12, 1),
    ("结对帮扶困难群众", "户", 3, 10, 1),
    ("资助困难学生", "名", 2, 8, 1),
)
_SOFT_TARGETS = ("协助修订完善村规民约", "帮助建强村“两委”班子", "共建党员活动阵地")
_SIGNED = 0.95  # of pairings with an agreement
_THREE = 0.2  # of agreements with a third hard target
_SOFT = 0.1  # with a qualitative target besides
_REACHED = 0.72  # of targets whose last progress reaches the number
_BEYOND = 0.15  # of those reached: past it
_REVIEWED = 0.6  # of agreements signed a half-year before the end: with review notes
_REVIEWS = (
    "半年回顾：各项目标按计划推进，村民反映良好。",
    "年度考核：实事已基本办结，项目资金到位，继续巩固。",
    "回顾：培训按期开展，资金引进略有滞后，已约定下半年补足。",
    "联席会议回顾：目标进度正常，下一步重点推进产业项目。",
)
_NOTES = ("走访核实", "村两委报送", "联络员报送", "季度调度", None, None)
_SURNAMES = "陈李王张刘胡余周吴徐杨黄赵孙何罗朱郑曹彭汪熊詹涂易晏付邱高肖袁夏蔡郭丁江程谢方冯"
_GIVEN = "华明军伟强平建国永松红霞丽芳敏静涛斌勇杰磊峰刚辉波林海春秀兰英玉新文德志宏光振东学家立成俊浩宇"


@dataclass
class Agreements:
    """What the demo's agreements add, as bulk rows."""

    agreements: list[bulk.AgreementRow] = field(default_factory=list)
    targets: list[bulk.TargetRow] = field(default_factory=list)
    progress: list[bulk.ProgressRow] = field(default_factory=list)


def _due_dates(signed: dt.date) -> list[dt.date]:
    """Half-years' and years' ends at least two months after the signing."""
    ends = [dt.date(year, month, day) for year in range(2022, 2026) for month, day in ((6, 30), (12, 31))]
    return [end for end in ends if end >= signed + dt.timedelta(days=60)][:3]


def _person(rng: random.Random) -> str:
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(_SURNAMES) + given


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def build_agreements(pairings: Sequence[Pairing], seed: int, span_end: dt.date) -> Agreements:
    rng = random.Random(f"agreements/{seed}")
    made = Agreements()
    for pairing in pairings:
        if rng.random() >= _SIGNED:
            continue
        last = min(span_end, pairing.ended_on or span_end)
        signed = day_between(rng, pairing.started_on, min(last, pairing.started_on + dt.timedelta(days=40)))
        agreement_id = len(made.agreements) + 1
        reviewed = signed + dt.timedelta(days=183) <= span_end and rng.random() < _REVIEWED
        made.agreements.append(
            (
                agreement_id, random_uuid(rng), pairing.id, signed.isoformat(), _person(rng), _mobile(rng),
                pairing.grassroots.secretary, pairing.grassroots.phone,
                rng.choice(_REVIEWS) if reviewed else None,
            )
        )  # fmt: skip
        hard = rng.sample(_HARD_TARGETS, 3 if rng.random() < _THREE else 2)
        dues = _due_dates(signed)
        targets: list[tuple[str, float | None, str]] = [
            (text, float(rng.randrange(low, high + 1, step)), unit) for text, unit, low, high, step in hard
        ]
        if rng.random() < _SOFT:
            targets.append((rng.choice(_SOFT_TARGETS), None, ""))
        for position, (text, number, unit) in enumerate(targets):
            due = rng.choice(dues[:2])
            target_id = len(made.targets) + 1
            made.targets.append(
                (
                    target_id,
                    random_uuid(rng),
                    agreement_id,
                    position,
                    text,
                    number,
                    unit or None,
                    due.isoformat(),
                )
            )
            if number is not None:
                end = min(last, due + dt.timedelta(days=90))
                _progress(rng, made, (target_id, number, unit == "万元"), signed, end)
    return made


def _progress(
    rng: random.Random, made: Agreements, target: tuple[int, float, bool], signed: dt.date, last: dt.date
) -> None:
    """A few running totals between the signing and ``last``, ending at or past the number, or short;
    ``target``: its id, number and whether its unit takes a decimal (万元)."""
    target_id, number, decimal = target
    first = signed + dt.timedelta(days=30)
    if first > last:
        return
    if rng.random() < _REACHED:
        final = number * (rng.uniform(1.1, 1.5) if rng.random() < _BEYOND else 1.0)
    else:
        final = number * rng.uniform(0.3, 0.9)
    days = sorted(day_between(rng, first, last) for _ in range(rng.randint(1, 4)))
    for step, day in enumerate(days, 1):
        share = final * step / len(days)
        value = round(share, 1) if decimal else float(int(share))
        made.progress.append(
            (len(made.progress) + 1, random_uuid(rng), target_id, day.isoformat(), value, rng.choice(_NOTES))
        )
