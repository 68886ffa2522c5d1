"""The key tasks ("N", 阶段性重点工作) of each half-year in the span."""

from __future__ import annotations

from branchdesk.domain.months import HalfYear
from branchdesk.services.demo.common import random_uuid
from branchdesk.services.demo.model import Build

# The "N" (阶段性重点工作), adjusted every half-year; the first three are the article's.
_KEY_TASKS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "2022-H1": (
        (
            "疫情防控",
            ("协助开展全员核酸检测", "值守疫情防控卡点", "入户开展疫苗接种宣传", "为结对村筹措防疫物资"),
        ),
        ("防汛救灾", ("巡查堤坝塘堰，排查防汛隐患", "协助转移低洼地带群众", "帮助受灾群众恢复生产")),
        (
            "农村“饺子宴”治理",
            ("入户宣传移风易俗，劝导简办“饺子宴”", "协助修订村规民约", "开展“饺子宴”专项排查"),
        ),
    ),
    "2022-H2": (
        ("疫情防控", ("协助开展核酸检测", "值守疫情防控卡点", "为居家隔离群众代购生活物资")),
        ("秋冬季森林防火", ("开展森林防火宣传", "巡山护林，排查火灾隐患", "清理林下可燃物")),
        ("人居环境整治", ("参与村庄清洁行动", "清理房前屋后垃圾杂物", "开展“美好人居”示范创建")),
    ),
    "2023-H1": (
        ("乡村振兴产业项目", ("对接茶叶产业项目", "帮助销售农副产品", "调研村集体经济项目")),
        ("春耕生产", ("帮助开展春耕备耕", "送农资和技术下乡", "协调农机服务")),
        ("农村“饺子宴”治理", ("开展移风易俗宣传", "劝导简办红白喜事", "评选“文明家庭”")),
    ),
    "2023-H2": (
        ("防汛救灾", ("巡查堤坝塘堰", "开展防汛应急演练", "帮助受灾群众恢复生产")),
        ("人居环境整治", ("参与村庄清洁行动", "整治乱堆乱放", "开展庭院美化评比")),
        ("秋冬季森林防火", ("开展森林防火宣传", "巡山护林", "排查野外用火隐患")),
    ),
}


def build_key_tasks(build: Build) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """Key tasks of the half-years in the span, by half-year: (id, summaries)."""
    last = str(HalfYear.of(build.timeline.end))
    tasks: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for half_year, entries in _KEY_TASKS.items():
        if half_year > last:
            break
        for name, summaries in entries:
            task_id = len(build.key_tasks) + 1
            build.key_tasks.append((task_id, random_uuid(build.rng), name, half_year, None))
            tasks.setdefault(half_year, []).append((task_id, summaries))
    return tasks
