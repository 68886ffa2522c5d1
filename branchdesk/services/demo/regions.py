"""The city, its counties and districts and their townships; each county's branches."""

from __future__ import annotations

from collections.abc import Sequence

from branchdesk.domain.enums import BranchKind, UnitLevel
from branchdesk.services.demo.branches import COUNTY_ORGAN_TIERS, add_grassroots
from branchdesk.services.demo.common import apportion, day_between, random_uuid
from branchdesk.services.demo.model import Branch, Build, County, Township
from branchdesk.services.demo.units import COUNTY_INSTITUTIONS, COUNTY_OFFICES, add_organ_branches

_CITY = ("信阳市", "411500")

# (code, name, townships): central-city districts first; 潢川县 starts with the two townships of the
# small scales. Township names repeat across counties (老城街道), as they do in life.
COUNTIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("411502", "浉河区", (
        "老城街道", "民权街道", "车站街道", "五里墩街道", "湖东街道", "金牛山街道", "五星街道", "双井街道",
        "吴家店镇", "东双河镇", "董家河镇", "浉河港镇", "李家寨镇", "谭家河乡", "柳林乡", "十三里桥乡",
        "游河乡",
    )),
    ("411503", "平桥区", (
        "平桥街道", "羊山街道", "前进街道", "南京路街道", "平西街道", "甘岸街道", "五里店街道", "明港镇",
        "邢集镇", "平昌关镇", "胡店乡", "肖王乡", "龙井乡", "长台关乡", "王岗乡", "高梁店乡", "查山乡",
        "彭家湾乡", "肖店乡",
    )),
    ("411521", "罗山县", (
        "龙山街道", "丽水街道", "宝城街道", "周党镇", "竹竿镇", "灵山镇", "子路镇", "楠杆镇", "青山镇",
        "潘新镇", "彭新镇", "莽张镇", "东铺镇", "铁铺镇", "山店乡", "高店乡", "定远乡", "庙仙乡", "尤店乡",
        "朱堂乡",
    )),
    ("411522", "光山县", (
        "弦山街道", "紫水街道", "十里镇", "寨河镇", "孙铁铺镇", "马畈镇", "泼陂河镇", "白雀园镇", "砖桥镇",
        "仙居乡", "北向店乡", "罗陈乡", "殷棚乡", "南向店乡", "晏河乡", "凉亭乡", "斛山乡", "槐店乡",
        "文殊乡",
    )),
    ("411523", "新县", (
        "新集镇", "沙窝镇", "吴陈河镇", "苏河镇", "八里畈镇", "周河乡", "陈店乡", "千斤乡", "卡房乡",
        "郭家河乡", "泗店乡", "浒湾乡", "箭厂河乡", "田铺乡",
    )),
    ("411524", "商城县", (
        "赤城街道", "鲇鱼山街道", "温泉街道", "上石桥镇", "鄢岗镇", "双椿铺镇", "汪桥镇", "余集镇",
        "达权店镇", "丰集镇", "汪岗镇", "观庙镇", "金刚台镇", "李集乡", "河凤桥乡", "冯店乡", "吴河乡",
        "伏山乡", "苏仙石乡", "长竹园乡",
    )),
    ("411525", "固始县", (
        "蓼城街道", "番城街道", "秀水街道", "三河尖镇", "往流镇", "郭陆滩镇", "胡族铺镇", "方集镇", "段集镇",
        "汪棚镇", "张广庙镇", "陈淋子镇", "黎集镇", "蒋集镇", "分水亭镇", "石佛店镇", "泉河铺镇", "祖师庙镇",
        "草庙集乡", "武庙集乡", "南大桥乡", "杨集乡", "马堽集乡", "徐集乡", "观堂乡", "丰港乡", "洪埠乡",
        "赵岗乡", "张老埠乡", "柳树店乡", "李店乡",
    )),
    ("411526", "潢川县", (
        "春申街道", "双柳树镇", "弋阳街道", "老城街道", "北城街道", "伞陂镇", "卜塔集镇", "仁和镇", "付店镇",
        "踅孜镇", "桃林铺镇", "黄寺岗镇", "江家集镇", "谈店乡", "上油岗乡", "张集乡", "来龙乡", "隆古乡",
        "魏岗乡", "白店乡", "传流店乡",
    )),
    ("411527", "淮滨县", (
        "顺河街道", "栏杆街道", "马集镇", "防胡镇", "新里镇", "期思镇", "赵集镇", "台头乡", "王家岗乡",
        "固城乡", "三空桥乡", "张里乡", "邓湾乡", "芦集乡", "谷堆乡", "张庄乡", "王店乡",
    )),
    ("411528", "息县", (
        "谯楼街道", "龙湖街道", "淮河街道", "包信镇", "夏庄镇", "东岳镇", "项店镇", "小茴店镇", "曹黄林镇",
        "杨店乡", "张陶乡", "白土店乡", "八里岔乡", "路口乡", "彭店乡", "关店乡", "陈棚乡", "临河乡",
        "孙庙乡", "长陵乡", "岗李店乡",
    )),
)  # fmt: skip

# The article's own village: 商城县伏山乡枫香树村.
_KNOWN_VILLAGES = {("411524", "伏山乡"): ("枫香树",)}


def add_region(build: Build, name: str, level: str, parent_id: int | None, code: str | None) -> int:
    region_id = len(build.regions) + 1
    build.regions.append((region_id, random_uuid(build.rng), name, level, parent_id, code))
    return region_id


def build_places(build: Build) -> list[County]:
    spec = build.spec
    build.city_id = add_region(build, _CITY[0], "city", None, _CITY[1])
    counties = []
    for code, name, townships in COUNTIES:
        if code not in spec.counties:
            continue
        county_id = add_region(build, name, "county", build.city_id, code)
        chosen = townships if spec.townships is None else townships[: spec.townships]
        counties.append(
            County(
                code,
                name,
                county_id,
                [Township(add_region(build, t, "township", county_id, None), t) for t in chosen],
            )
        )
    return counties


def build_counties(build: Build, counties: Sequence[County]) -> None:
    """Each county's units, organ branches and grassroots branches, and which of the latter are merged
    away or set up after the first draw."""
    rng = build.rng
    spec = build.spec
    central = sum(len(c.first_draw) for c in counties)
    regular = apportion(spec.first_draw_grassroots - central, [len(c.townships) for c in counties])
    # Mergers and newcomers are villages, so they go where villages are: in towns and townships.
    rural = [
        r * sum(not t.is_subdistrict for t in c.townships) / len(c.townships)
        for r, c in zip(regular, counties, strict=True)
    ]
    ended = apportion(spec.ended, rural)
    late = apportion(spec.late, rural)
    first_draw = [r + len(c.first_draw) for r, c in zip(regular, counties, strict=True)]
    leftovers = apportion(spec.organ_leftovers, first_draw)
    for n, county in enumerate(counties):
        units = [(t.format(c=county.name), True) for t in COUNTY_OFFICES]
        units += [(t.format(c=county.name), False) for t in COUNTY_INSTITUTIONS]
        organs = add_organ_branches(
            build, units, first_draw[n] + leftovers[n], UnitLevel.COUNTY, county.region_id, COUNTY_ORGAN_TIERS
        )
        county.organs = [branch for _, unit_branches in organs for branch in unit_branches]
        made: list[Branch] = []
        sizes = apportion(regular[n] + ended[n] + late[n], [rng.uniform(0.6, 1.4) for _ in county.townships])
        for township, size in zip(county.townships, sizes, strict=True):
            made += add_grassroots(
                build, township, size, _KNOWN_VILLAGES.get((county.code, township.name), ())
            )
        villages = [b for b in made if b.kind is BranchKind.VILLAGE]
        picked = rng.sample(villages, 2 * ended[n] + late[n])
        county.merged = picked[: ended[n]]
        county.successors = picked[ended[n] : 2 * ended[n]]
        for branch in county.successors:
            branch.established_on = day_between(rng, *build.timeline.successors)
        for branch in picked[2 * ended[n] :]:
            branch.established_on = day_between(rng, *build.timeline.late)
        newcomers = {b.id for b in picked[ended[n] :]}
        county.first_draw += [b for b in made if b.id not in newcomers]
