"""Units (offices, institutions) with their organ branches; city units assigned central-city communities."""

from __future__ import annotations

from collections.abc import Sequence

from branchdesk.domain.enums import BranchKind, UnitLevel
from branchdesk.services.demo.branches import CITY_ORGAN_TIERS, add_branch, add_community
from branchdesk.services.demo.common import apportion, chinese_number, day_between, random_uuid
from branchdesk.services.demo.dates import CITY_OPTIMISED, COUNTY_OPTIMISED, OPTIMISED
from branchdesk.services.demo.model import Branch, Build, County

# City units are assigned communities in these districts' sub-districts (the central city).
_CENTRAL_CITY = ("411502", "411503")

# Units whose branches are "机关" branches, and others (hospitals, schools, firms). City-level names
# starting with 市 are prefixed with 信阳 in branch names: 市财政局 → 信阳市财政局机关第一党支部.
_CITY_OFFICES = (
    "市委办公室", "市人大常委会办公室", "市人民政府办公室", "市政协办公室", "市纪委监委", "市委组织部",
    "市委宣传部", "市委统战部", "市委政法委", "市委政策研究室", "市委网信办", "市委编办", "市委老干部局",
    "市委直属机关工委", "市委党校", "市档案馆", "市发展和改革委员会", "市教育局", "市科学技术局",
    "市工业和信息化局", "市民族宗教事务局", "市公安局", "市民政局", "市司法局", "市财政局",
    "市人力资源和社会保障局", "市自然资源和规划局", "市生态环境局", "市住房和城乡建设局", "市城市管理局",
    "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文化广电和旅游局", "市卫生健康委员会",
    "市退役军人事务局", "市应急管理局", "市审计局", "市外事办公室", "市人民政府国有资产监督管理委员会",
    "市市场监督管理局", "市统计局", "市林业局", "市医疗保障局", "市信访局", "市机关事务管理局",
    "市乡村振兴局", "市大数据管理局", "市人民防空办公室", "市地方金融监督管理局", "市粮食和物资储备中心",
    "市总工会", "团市委", "市妇女联合会", "市科学技术协会", "市文学艺术界联合会", "市残疾人联合会",
    "市工商业联合会", "市红十字会", "市中级人民法院", "市人民检察院", "市公共资源交易中心",
    "市住房公积金管理中心", "市供销合作社", "市茶产业发展中心",
)  # fmt: skip
_CITY_INSTITUTIONS = (
    "市中心医院", "市第三人民医院", "市中医院", "市第一高级中学", "市第二高级中学", "市实验高级中学",
    "市第九中学", "市技师学院", "市农业科学院", "市广播电视台", "信阳日报社", "市投资集团有限公司",
    "市公共交通有限公司", "市水务集团有限公司",
)  # fmt: skip
_CENTRAL_OFFICES = (
    "国家税务总局信阳市税务局", "国家统计局信阳调查队", "中国人民银行信阳市中心支行", "信阳市气象局",
    "信阳市烟草专卖局", "信阳市邮政管理局", "信阳市消防救援支队", "信阳银保监分局",
)  # fmt: skip
_CENTRAL_INSTITUTIONS = (
    "国网信阳供电公司", "中国移动信阳分公司", "中国联通信阳分公司", "中国电信信阳分公司",
    "中国邮政集团信阳市分公司", "中国工商银行信阳分行", "中国农业银行信阳分行", "中国银行信阳分行",
    "中国建设银行信阳分行", "中国人寿信阳分公司", "信阳师范学院", "信阳农林学院", "信阳职业技术学院",
)  # fmt: skip
# {c} is the county's name: 潢川县财政局, 浉河区委组织部, 共青团潢川县委.
COUNTY_OFFICES = (
    "{c}委办公室", "{c}人大常委会办公室", "{c}人民政府办公室", "{c}政协办公室", "{c}纪委监委", "{c}委组织部",
    "{c}委宣传部", "{c}委统战部", "{c}委政法委", "{c}委编办", "{c}委党校", "{c}发展和改革委员会",
    "{c}教育体育局", "{c}科技和工业信息化局", "{c}公安局", "{c}民政局", "{c}司法局", "{c}财政局",
    "{c}人力资源和社会保障局", "{c}自然资源局", "{c}住房和城乡建设局", "{c}城市管理局", "{c}交通运输局",
    "{c}水利局", "{c}农业农村局", "{c}商务局", "{c}文化广电和旅游局", "{c}卫生健康委员会",
    "{c}退役军人事务局", "{c}应急管理局", "{c}审计局", "{c}市场监督管理局", "{c}统计局", "{c}林业局",
    "{c}医疗保障局", "{c}信访局", "{c}乡村振兴局", "{c}机关事务服务中心", "{c}总工会", "共青团{c}委",
    "{c}妇女联合会", "{c}科学技术协会", "{c}残疾人联合会", "{c}人民法院", "{c}人民检察院", "{c}融媒体中心",
    "{c}供销合作社", "{c}公共资源交易中心",
)  # fmt: skip
COUNTY_INSTITUTIONS = (
    "{c}人民医院", "{c}中医院", "{c}妇幼保健院", "{c}疾病预防控制中心", "{c}第一高级中学", "{c}第二高级中学",
    "{c}实验高级中学", "{c}第一初级中学", "{c}第二初级中学", "{c}实验小学", "{c}职业教育中心",
    "{c}特殊教育学校", "{c}城市建设投资有限公司", "{c}农村商业银行", "{c}自来水公司",
)  # fmt: skip
_BRANCHES_PER_UNIT = 9


def add_unit(build: Build, name: str, level: UnitLevel, region_id: int) -> int:
    unit_id = len(build.units) + 1
    build.units.append((unit_id, random_uuid(build.rng), name, level.value, region_id, None))
    return unit_id


def add_organ_branches(
    build: Build,
    units: Sequence[tuple[str, bool]],
    count: int,
    level: UnitLevel,
    region_id: int,
    tiers: Sequence[int],
) -> list[tuple[int, list[Branch]]]:
    """``count`` organ branches spread over units chosen from ``units`` ((name, is an office), in order
    of precedence), numbered within each unit: 机关第一党支部, 机关第二党支部 … Returns (unit id,
    branches) per unit."""
    rng = build.rng
    wanted = max(1, min(len(units), round(count / _BRANCHES_PER_UNIT)))
    chosen = sorted(rng.sample(range(len(units)), wanted))
    # Every unit has a branch; the others go by a random size, as departments differ.
    sizes = [1 + n for n in apportion(count - wanted, [rng.uniform(0.3, 1.7) for _ in chosen])]
    made = []
    for index, size in zip(chosen, sizes, strict=True):
        name, office = units[index]
        prefix = f"信阳{name}" if name.startswith("市") else name
        unit_id = add_unit(build, name, level, region_id)
        stem = prefix + ("机关" if office else "")
        names = (
            [f"{stem}党支部"]
            if size == 1
            else [f"{stem}第{chinese_number(n)}党支部" for n in range(1, size + 1)]
        )
        made.append(
            (
                unit_id,
                [
                    add_branch(build, n, BranchKind.ORGAN, region_id, tiers, prefix, unit_id=unit_id)
                    for n in names
                ],
            )
        )
    return made


def build_city(build: Build, counties: Sequence[County]) -> list[tuple[list[Branch], list[Branch]]]:
    """City-level and central units, each assigned a central-city community whose grids pair one to one
    with the unit's organ branches. Returns (organ branches, grids) per unit."""
    spec = build.spec
    if not spec.city_organs:
        return []
    city = [(n, True) for n in _CITY_OFFICES] + [(n, False) for n in _CITY_INSTITUTIONS]
    central = [(n, True) for n in _CENTRAL_OFFICES] + [(n, False) for n in _CENTRAL_INSTITUTIONS]
    # Central units take their share of the branches by how many of them there are.
    city_count, central_count = apportion(spec.city_organs, [len(city), len(central)])
    units = add_organ_branches(build, city, city_count, UnitLevel.CITY, build.city_id, CITY_ORGAN_TIERS)
    units += add_organ_branches(
        build, central, central_count, UnitLevel.CENTRAL, build.city_id, CITY_ORGAN_TIERS
    )
    subdistricts = [
        (county, township)
        for county in counties
        if county.code in _CENTRAL_CITY
        for township in county.townships
        if township.is_subdistrict
    ]
    build.rng.shuffle(subdistricts)
    assigned = []
    for n, (unit_id, organs) in enumerate(units):
        county, township = subdistricts[n % len(subdistricts)]
        community, grids = add_community(build, township, len(organs))
        # The community itself is a grassroots branch like any other: its county's draw pairs it.
        county.first_draw.append(community)
        build.assignments.append((community.id, unit_id))
        assigned.append((organs, grids))
    return assigned


def optimise(build: Build, city_organs: Sequence[Branch], county_organs: Sequence[Branch]) -> None:
    """Mark the article's share of organ branches as optimised, between 4 and 20 April 2022."""
    for organs, (count, total) in ((city_organs, CITY_OPTIMISED), (county_organs, COUNTY_OPTIMISED)):
        for branch in build.rng.sample(list(organs), round(len(organs) * count / total)):
            branch.optimised_on = day_between(build.rng, *OPTIMISED)
