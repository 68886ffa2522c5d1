"""Attendance of the demo's activities (DESIGN.md §10), and the day each was entered.

Most activities record who came: the volunteers are the Party members present, a few more were expected,
and on a themed Party day the absentees are named with their reasons, often with a make-up session. Most
activities are entered within a week of being held; a few weeks or months later now and then (补录). The
numbers come from their own random sequence, so the rest of the demo is what it was before attendance.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence

from branchdesk.domain.enums import ActivityType
from branchdesk.services.demo.common import random_uuid

_SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
_GIVEN = (
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英",
    "建华", "国强", "桂兰", "红梅", "玉兰", "德明", "长江", "春生", "志刚", "海燕", "文华", "金凤",
)  # fmt: skip
_REASONS = (
    "外出务工", "外出务工", "外出务工", "病假", "事假", "年老体弱", "在外地工作", "参加县里培训", "照顾病人",
)  # fmt: skip
_THEMES = (
    "学习贯彻党的二十大精神", "重温入党誓词 坚定理想信念", "我为群众办实事", "喜迎七一 共话初心",
    "学习习近平新时代中国特色社会主义思想", "推进乡村振兴 共建美丽家园", "弘扬新风正气 推进移风易俗",
    "防汛救灾 党员先行", "学党史 强信念 跟党走",
)  # fmt: skip
_WITH_ATTENDANCE = {ActivityType.THEMED_DAY.value: 0.96, ActivityType.LECTURE.value: 0.9}
_OTHERS_WITH_ATTENDANCE = 0.7
_ABSENT_CUMULATIVE = (0.35, 0.65, 0.85, 0.95, 1.0)  # 0, 1, 2, 3 or 4 absent
_NAMED_SHARE = 0.8  # of themed days with absentees: named, with reasons
_MAKE_UP_SHARE = 0.6
# Days between holding and entering: most within a week, some within the month, a few later (补录).
_DELAYS = ((0.88, 0, 7), (0.97, 8, 30), (1.0, 31, 75))

# (theme, host, expected, present, make-up date, entered at): the activity's columns this module fills.
Entry = tuple[str | None, str | None, int | None, int | None, str | None, str]
AbsenteeRow = tuple[int, str, int, str, str]


class Attendances:
    def __init__(self, rng: random.Random, iso: Sequence[str]) -> None:
        self.rng = random.Random(rng.getrandbits(64))
        self.iso = iso
        self.absentees: list[AbsenteeRow] = []

    def _name(self) -> str:
        random = self.rng.random
        return _SURNAMES[int(random() * len(_SURNAMES))] + _GIVEN[int(random() * len(_GIVEN))]

    def entry(self, activity_id: int, day: int, kind: str, volunteers: int) -> Entry:
        random = self.rng.random
        last = len(self.iso) - 1
        drawn = random()
        _, low, high = next(delay for delay in _DELAYS if drawn < delay[0])
        entered = f"{self.iso[min(last, day + low + int(random() * (high - low + 1)))]}T02:30:00Z"
        themed = kind == ActivityType.THEMED_DAY.value
        theme = _THEMES[int(random() * len(_THEMES))] if themed or random() < 0.3 else None
        host = self._name() if themed or random() < 0.5 else None
        if random() >= _WITH_ATTENDANCE.get(kind, _OTHERS_WITH_ATTENDANCE):
            return theme, host, None, None, None, entered
        absent = bisect.bisect(_ABSENT_CUMULATIVE, random())
        make_up = None
        if absent and themed and random() < _NAMED_SHARE:
            for _ in range(absent):
                reason = _REASONS[int(random() * len(_REASONS))]
                number = len(self.absentees) + 1
                self.absentees.append((number, random_uuid(self.rng), activity_id, self._name(), reason))
            if random() < _MAKE_UP_SHARE:
                make_up = self.iso[min(last, day + 3 + int(random() * 12))]
        return theme, host, volunteers + absent, volunteers, make_up, entered
