"""The demo's three lists (需求清单 / 资源清单 / 项目清单): per pairing, a village's needs, its organ's
resources and the projects matching them, raised after the pairing started, due months later, most of
those due already ticked off (销号) with a note, a few left overdue.

They draw from a random sequence of their own (the demo's seed, then "items"), so that the rows made before
them are those of a demo without lists. Each item being worked on or ticked off is linked to one to three of
its pairing's activities held between its raising and its 销号 (the day the demo ends, while it runs), from a
sequence of its own again ("item-links").
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence

from branchdesk.services.demo.common import day_between, random_uuid
from branchdesk.services.demo.model import Pairing
from branchdesk.storage import bulk

NEEDS = (
    "村道硬化", "产业技术培训", "农田水利设施修缮", "村室办公设备更新", "留守儿童关爱", "特色农产品销路",
    "人居环境整治", "路灯安装", "饮水安全改造", "文化广场建设", "茶园病虫害防治", "电商直播培训",
)  # fmt: skip
RESOURCES = (
    "单位帮扶资金", "专家服务", "技术培训讲师", "消费帮扶采购", "办公设备捐赠", "政策宣讲", "法律咨询服务",
    "医疗义诊", "招商信息对接", "党员志愿服务队",
)  # fmt: skip
_DONE_NOTES = ("已完工验收", "已完成，群众满意", "已落实，资料已归档", "已办结，照片存档", "已完成并公示")
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"


def _owner(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.6 else "")


class _Items:
    def __init__(self, rng: random.Random, span_end: dt.date, first_id: int) -> None:
        self.rng = rng
        self.span_end = span_end
        self.next_id = first_id
        self.rows: list[bulk.PlanItemRow] = []

    def add(self, pairing: Pairing, kind: str, title: str, links: tuple[int, int] | None = None) -> int:
        """One item raised while the pairing ran (up to the demo's end)."""
        rng = self.rng
        last = min(pairing.ended_on or self.span_end, self.span_end)
        opened = day_between(rng, pairing.started_on, last)
        due = opened + dt.timedelta(days=rng.randint(30, 240))
        status, done_on, note = "open", None, None
        if due <= self.span_end and rng.random() < 0.8:
            status, note = "done", rng.choice(_DONE_NOTES)
            done_on = day_between(rng, opened, min(due + dt.timedelta(days=20), self.span_end))
        elif rng.random() < 0.5:
            status = "in_progress"
        item_id = self.next_id
        self.next_id += 1
        self.rows.append(
            (
                item_id, random_uuid(rng), pairing.id, kind, title, _owner(rng), opened.isoformat(),
                due.isoformat(), status, None if done_on is None else done_on.isoformat(), note,
                None if links is None else links[0], None if links is None else links[1],
            )
        )  # fmt: skip
        return item_id


def item_rows(seed: int, pairings: Sequence[Pairing], span_end: dt.date) -> Iterator[bulk.PlanItemRow]:
    """About four items a pairing: a need or two, a resource or two, and a project for most pairings."""
    items = _Items(random.Random(f"{seed}/items"), span_end, 1)
    for pairing in pairings:
        if min(pairing.ended_on or span_end, span_end) <= pairing.started_on:
            continue
        rng = items.rng
        needs = [
            (items.add(pairing, "need", title), title) for title in rng.sample(NEEDS, rng.choice((1, 2, 2)))
        ]
        resources = [
            (items.add(pairing, "resource", title), title)
            for title in rng.sample(RESOURCES, rng.choice((1, 1, 2)))
        ]
        if rng.random() < 0.8:
            (need, need_title), (resource, resource_title) = needs[0], resources[0]
            items.add(pairing, "project", f"{need_title}（{resource_title}）", (need, resource))
        yield from items.rows
        items.rows.clear()


# Per pairing, its activities' days (ISO, ascending) and ids in the same order.
HeldOn = Mapping[int, tuple[list[str], list[int]]]


def item_links(
    seed: int, items: Iterable[bulk.PlanItemRow], held: HeldOn, span_end: dt.date
) -> Iterator[tuple[int, str, int, int]]:
    """``(id, uuid, item, activity)`` links of the items in progress or done to the activities of their
    pairing held while they were worked on."""
    rng = random.Random(f"{seed}/item-links")
    number = 0
    end = span_end.isoformat()
    for item in items:
        item_id, pairing_id, opened, status, done_on = item[0], item[2], item[6], item[8], item[9]
        if status == "open" or pairing_id not in held:
            continue
        days, ids = held[pairing_id]
        within = ids[bisect.bisect_left(days, opened) : bisect.bisect_right(days, done_on or end)]
        for activity_id in sorted(rng.sample(within, min(len(within), rng.choice((1, 1, 2, 3))))):
            number += 1
            yield number, random_uuid(rng), item_id, activity_id
