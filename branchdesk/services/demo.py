"""A realistic, deterministic demo ledger (``branchdesk-cli demo``): Xinyang's ten counties and districts.

The story follows the 2022 article (DESIGN.md §1): organ branches are optimised between 4 and 20 April
2022; city-level and central units are assigned to central-city communities and each of their organ
branches to one grid there; each county draws its pairs with :func:`branchdesk.domain.draw.draw`, strong
organs to weak grassroots; a few villages are later merged away (their pairings end, the branch is
archived), a supplementary draw pairs the freed organ branches with branches set up since, and a few
branches set up after that stay unpaired. Activities follow "1+N" from April 2022 to the end of 2023: a
themed Party day in most months for most pairings, other activities on top, routine ones mostly on
non-working days of the ledger's own holiday table.

The same scale and seed give the same rows (given the same clock); the counts of branches, pairings and
activities are exactly those of DESIGN.md §7. The rows are bulk-inserted without change-log entries, as §7
allows, which is what makes the stress scale take seconds rather than hours.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from uuid import UUID, uuid5

from branchdesk.domain.clock import Clock, FixedClock, timestamp
from branchdesk.domain.draw import ALGORITHM_VERSION, Candidate, candidates_text, draw
from branchdesk.domain.enums import ActivityType, Area, BranchKind, EndReason, PairingMethod, Tier, UnitLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.services.holidays import calendar_for
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage import bulk
from branchdesk.storage.ledger import Ledger

# -- scales ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleSpec:
    """What a demo ledger holds. Branches, pairings and activities come out exactly as given.

    The other counts follow: grassroots branches = pairings + ``late``; organ branches = the rest;
    county organs left over by the first draws = branches - 2 × pairings - ``late`` + ``ended``, which
    must not be negative (each ended pairing frees an organ branch that a supplementary draw pairs again).
    """

    branches: int
    pairings: int
    activities: int
    counties: tuple[str, ...]  # official codes of the counties and districts included
    townships: int | None  # the first n townships of each county's list; None for all of them
    city_organs: int  # organ branches of city-level and central units (0: no city units)
    ended: int  # pairings ended by a merger or similar, their grassroots branch archived
    late: int  # grassroots branches set up after the last draw, left unpaired

    @property
    def grassroots(self) -> int:
        return self.pairings + self.late

    @property
    def organs(self) -> int:
        return self.branches - self.grassroots

    @property
    def first_draw_grassroots(self) -> int:
        """Grassroots branches that the counties' first draws pair (the assigned grids excepted)."""
        return self.pairings - self.city_organs - self.ended

    @property
    def organ_leftovers(self) -> int:
        return self.organs - self.city_organs - self.first_draw_grassroots


_HUANGCHUAN = "411526"
_ALL_COUNTIES = (
    "411502",
    "411503",
    "411521",
    "411522",
    "411523",
    "411524",
    "411525",
    "411526",
    "411527",
    "411528",
)

SCALES: Mapping[str, ScaleSpec] = MappingProxyType(
    {
        "township": ScaleSpec(80, 40, 2_000, (_HUANGCHUAN,), 2, city_organs=0, ended=2, late=2),
        "county": ScaleSpec(1_500, 700, 50_000, (_HUANGCHUAN,), 18, city_organs=0, ended=6, late=7),
        "city": ScaleSpec(12_000, 5_600, 300_000, _ALL_COUNTIES, None, city_organs=1_127, ended=30, late=40),
        "stress": ScaleSpec(
            50_000, 25_000, 1_000_000, _ALL_COUNTIES, None, city_organs=4_000, ended=150, late=150
        ),
    }
)

# What ``progress`` is called with as each stage starts: codes, not text, so that the caller can show
# them in the user's language.
STAGES = ("demo.stage.branches", "demo.stage.pairings", "demo.stage.activities", "demo.stage.saving")


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    seed: int
    regions: int
    units: int
    branches: int
    draws: int
    pairings: int
    activities: int


# -- the programme's dates ------------------------------------------------------------------------------

_SPAN_START = dt.date(2022, 4, 1)
_SPAN_END = dt.date(2023, 12, 31)
# A clock before the end of the span squeezes the later events into the days up to its today; it needs
# a few days after the draws (which end on 20 April 2022) for them.
_EARLIEST_TODAY = dt.date(2022, 5, 1)
_OPTIMISED = (dt.date(2022, 4, 4), dt.date(2022, 4, 20))
_ASSIGNED = (dt.date(2022, 4, 6), dt.date(2022, 4, 15))
_DRAWN = (dt.date(2022, 4, 6), dt.date(2022, 4, 20))
_AFTER_DRAWS = dt.date(2022, 4, 21)
# 潢川 sent its village work teams off on 11 April (the article); the other counties' draw days are random.
_KNOWN_DRAW_DAYS = {_HUANGCHUAN: dt.date(2022, 4, 11)}
_CHINA = dt.timezone(dt.timedelta(hours=8))

# Optimisation rates of the article: 1083 of 1127 city-level organ branches, 4498 of 4522 county ones.
_CITY_OPTIMISED = (1083, 1127)
_COUNTY_OPTIMISED = (4498, 4522)

# -- places and units -----------------------------------------------------------------------------------

_CITY = ("信阳市", "411500")

# (code, name, townships): central-city districts first; 潢川县 starts with the two townships of the
# small scales. Township names repeat across counties (老城街道), as they do in life.
_COUNTIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
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

# City units are assigned communities in these districts' sub-districts (the central city).
_CENTRAL_CITY = ("411502", "411503")

# The article's own village: 商城县伏山乡枫香树村.
_KNOWN_VILLAGES = {("411524", "伏山乡"): ("枫香树",)}

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
_COUNTY_OFFICES = (
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
_COUNTY_INSTITUTIONS = (
    "{c}人民医院", "{c}中医院", "{c}妇幼保健院", "{c}疾病预防控制中心", "{c}第一高级中学", "{c}第二高级中学",
    "{c}实验高级中学", "{c}第一初级中学", "{c}第二初级中学", "{c}实验小学", "{c}职业教育中心",
    "{c}特殊教育学校", "{c}城市建设投资有限公司", "{c}农村商业银行", "{c}自来水公司",
)  # fmt: skip
_BRANCHES_PER_UNIT = 9

# Xinyang village names often end in 店 集 冲 畈 湾 岗 铺 河 桥 寨 庙.
_VILLAGE_HEADS = (
    "王", "李", "张", "陈", "刘", "杨", "周", "吴", "徐", "胡", "余", "何", "彭", "汪", "罗", "曹", "熊",
    "詹", "晏", "易", "涂", "付", "柳", "桃", "杏", "枣", "松", "柏", "竹", "石", "高", "大", "小", "新",
    "老", "东", "西", "南", "北", "前", "后", "双", "三", "五", "七", "九", "白", "红", "青", "金", "龙",
    "凤", "马", "牛", "狮", "雁", "鹤", "花", "茶", "稻", "黄土", "枫香", "桂花", "槐树", "杨柳", "栗子",
    "油坊", "罗家", "彭家", "陈大", "何大", "万", "胜", "光", "平",
)  # fmt: skip
_VILLAGE_MIDDLES = ("", "", "", "家", "大", "庄")
_VILLAGE_TAILS = (
    "店", "集", "冲", "畈", "湾", "岗", "铺", "河", "桥", "寨", "庙", "店", "集", "冲", "畈", "湾", "岗",
    "铺", "营", "楼", "台", "塘", "堰", "洼", "岭", "坡", "庄", "园", "山", "埠", "咀", "墩", "港", "湖",
    "树",
)  # fmt: skip
_COMMUNITY_HEADS = (
    "新华", "人民", "解放", "和平", "建设", "东关", "西关", "南关", "北关", "文化", "幸福", "龙湖", "滨河",
    "花园", "五一", "胜利", "红星", "光明", "民主", "工农", "中山", "金山", "东方红", "湖滨", "贤山", "琵琶",
    "车站", "体育", "公园", "北京", "南京", "鸡公", "茶韵", "南湾", "龙潭", "百花", "锦绣", "阳光", "振兴",
    "团结", "友谊", "长安", "向阳", "朝阳", "育才", "书院", "东湖", "西湖", "金桥", "银河", "玉泉", "翠竹",
    "申城", "新城", "老街", "商贸", "盛世", "安居", "康宁", "丰收",
)  # fmt: skip
_COMMUNITY_TAILS = ("", "", "", "路", "街", "里", "苑", "园")

# The commonest surnames come twice, to weigh them.
_SURNAMES = (
    "陈", "李", "王", "张", "刘", "胡", "余", "周", "吴", "徐", "杨", "黄", "赵", "孙", "何", "罗", "朱",
    "郑", "曹", "彭", "汪", "熊", "詹", "涂", "易", "晏", "付", "邱", "高", "肖", "袁", "夏", "蔡", "郭",
    "丁", "江", "程", "谢", "方", "冯", "陈", "李", "王", "张", "刘", "胡", "余", "周",
)  # fmt: skip
_GIVEN = (
    "华", "明", "军", "伟", "强", "平", "建", "国", "永", "松", "红", "霞", "丽", "芳", "敏", "静", "涛",
    "斌", "勇", "杰", "磊", "峰", "刚", "辉", "波", "林", "海", "春", "秀", "兰", "英", "玉", "新", "文",
    "德", "志", "宏", "光", "振", "东", "学", "家", "立", "成", "俊", "浩", "宇", "晨", "雪", "梅", "娟",
    "莉", "琳", "婷", "燕", "鹏", "飞", "昊", "豫", "轩", "云", "忠", "富", "贵", "荣", "安", "乐", "福",
)  # fmt: skip
_MOBILE_PREFIXES = tuple(
    str(n) for n in (*range(130, 140), *range(150, 154), *range(155, 160), 166, 173, 175, 176, 177, 178,
                     *range(180, 190), 191, 193, *range(195, 200))
)  # fmt: skip

_MEMBERS = {
    BranchKind.ORGAN: (5, 60),
    BranchKind.VILLAGE: (15, 60),
    BranchKind.COMMUNITY: (8, 45),
    BranchKind.GRID: (3, 15),
}
_ESTABLISHED = {
    BranchKind.ORGAN: (dt.date(1985, 1, 1), dt.date(2021, 12, 31)),
    BranchKind.VILLAGE: (dt.date(1956, 1, 1), dt.date(2021, 12, 31)),
    BranchKind.COMMUNITY: (dt.date(1990, 1, 1), dt.date(2021, 12, 31)),
    BranchKind.GRID: (dt.date(2016, 1, 1), dt.date(2021, 12, 31)),
}

# County grading (好中差): organs mostly strong, grassroots skewed weak; some city-level organs ungraded.
_TIERS: tuple[Tier | None, ...] = (Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None)
_COUNTY_ORGAN_TIERS = (60, 30, 10, 0)
_CITY_ORGAN_TIERS = (55, 25, 5, 15)
_GRASSROOTS_TIERS = (20, 35, 45, 0)
# Strong-leads-weak showing results: the share of paired grassroots branches graded up since pairing.
_UPGRADED = {Tier.WEAK: 0.12, Tier.AVERAGE: 0.05}

_END_REASONS = (
    EndReason.MERGED,
    EndReason.MERGED,
    EndReason.MERGED,
    EndReason.VILLAGE_TO_COMMUNITY,
    EndReason.ABOLISHED,
)
_END_NOTES = {
    EndReason.MERGED: "行政村撤并",
    EndReason.VILLAGE_TO_COMMUNITY: "撤村改居",
    EndReason.ABOLISHED: "支部撤销",
}

# -- activities -----------------------------------------------------------------------------------------

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

_SUMMARIES = {
    ActivityType.THEMED_DAY: (
        "联合开展“支部联支部”主题党日，重温入党誓词", "两支部共同学习党的理论，交流支部建设经验",
        "联合开展“我为群众办实事”主题党日", "共商年度共建计划，明确“六共”任务",
        "组织党员参观红色教育基地", "联合召开组织生活会，开展批评与自我批评",
    ),
    ActivityType.LECTURE: (
        "机关支部书记讲专题党课", "讲授专题党课《重温历史问初心 村企联建共前行》", "讲解乡村振兴政策",
        "开展法律法规宣讲", "讲授“三会一课”规范化建设专题课",
    ),
    ActivityType.VISIT: (
        "走访慰问留守儿童和困难群众", "入户走访返贫风险户", "走访慰问老党员", "调研村集体经济发展情况",
    ),
    ActivityType.VOLUNTEER: (
        "党员志愿者参与人居环境整治", "开展义诊和健康咨询志愿服务", "开展文明劝导志愿服务",
        "帮助群众抢收抢种", "开展敬老助残志愿服务",
    ),
    ActivityType.OTHER: (
        "召开联建支部联席会议", "捐赠图书和办公用品", "交流基层党建工作经验", "协调解决群众急难愁盼问题",
    ),
}  # fmt: skip

# Locations, by index into each pairing's list (see _locations): where each type of activity is held.
_LOCATION_CHOICES = {
    ActivityType.THEMED_DAY: (0, 0, 1, 4),
    ActivityType.LECTURE: (0, 2, 2),
    ActivityType.KEY_TASK: (0, 3, 3, 4),
    ActivityType.VISIT: (3,),
    ActivityType.VOLUNTEER: (3, 4, 4),
    ActivityType.OTHER: (0, 1, 2),
}
_VOLUNTEERS = {
    ActivityType.THEMED_DAY: (5, 40),
    ActivityType.LECTURE: (3, 30),
    ActivityType.KEY_TASK: (2, 40),
    ActivityType.VISIT: (2, 12),
    ActivityType.VOLUNTEER: (4, 40),
    ActivityType.OTHER: (2, 20),
}
# Areas (六共) each type of activity leans towards; an activity has one to three areas.
_AREA_LEANINGS = {
    ActivityType.THEMED_DAY: (Area.ORGANISATION, Area.TEAM),
    ActivityType.LECTURE: (Area.TEAM, Area.ORGANISATION),
    ActivityType.KEY_TASK: (Area.PRACTICAL, Area.SERVICE),
    ActivityType.VISIT: (Area.SERVICE, Area.PRACTICAL, Area.INDUSTRY),
    ActivityType.VOLUNTEER: (Area.SERVICE, Area.CUSTOMS),
    ActivityType.OTHER: (Area.INDUSTRY, Area.CUSTOMS, Area.ORGANISATION),
}
_AREA_COUNT_SHARES = (0.5, 0.35, 0.15)
# Activities beyond the monthly themed day, by type.
_OTHER_TYPES = (
    ActivityType.KEY_TASK,
    ActivityType.LECTURE,
    ActivityType.VISIT,
    ActivityType.VOLUNTEER,
    ActivityType.OTHER,
)
_OTHER_TYPE_WEIGHTS = (35, 20, 20, 17, 8)

_WEEKEND_SHARE = 0.88  # routine activities put on a non-working day (周末原则)
_WEEKDAY_REASON_SHARE = 0.3  # routine activities on a working day that record why
_WEEKDAY_REASONS = (
    "配合全员核酸检测",
    "上级督导检查安排",
    "农忙时节错峰开展",
    "结合防汛值守开展",
    "群众集中办事日",
)
_PARTIAL_MONTH_THEMED = 0.5  # a themed day in a month a pairing only partly spans


# -- small helpers --------------------------------------------------------------------------------------

_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_V4 = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID from ``rng``: deterministic, and twice as fast as going through uuid.UUID."""
    value = f"{(rng.getrandbits(128) & _UUID_CLEAR) | _UUID_V4:032x}"
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 … 999 as written in branch names: 一, 十二, 二十, 一百零五."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    return text + (_DIGITS[ones] if ones else "")


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing exactly to ``total``."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return dt.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _tier_value(tier: Tier | None) -> str | None:
    return None if tier is None else tier.value


# -- the model being built ------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Branch:
    id: int
    uuid: str
    name: str
    kind: BranchKind
    region_id: int
    tier: Tier | None
    established_on: dt.date
    secretary: str
    phone: str
    members: int
    place: str  # its village or community (a grid's community): where activities are held
    unit_id: int | None = None
    community_id: int | None = None
    optimised_on: dt.date | None = None
    archived_on: dt.date | None = None
    note: str | None = None

    def row(self) -> bulk.BranchRow:
        return (
            self.id, self.uuid, self.name, self.kind.value, self.region_id, self.community_id, self.unit_id,
            _tier_value(self.tier), self.secretary, self.phone, self.members, _iso(self.optimised_on),
            self.established_on.isoformat(), _iso(self.archived_on), self.note,
        )  # fmt: skip


@dataclass(slots=True, eq=False)
class _Pairing:
    id: int
    uuid: str
    organ: _Branch
    grassroots: _Branch
    method: PairingMethod
    draw_id: int | None
    organ_tier: Tier | None
    grassroots_tier: Tier | None
    started_on: dt.date
    ended_on: dt.date | None = None
    end_reason: EndReason | None = None

    def row(self) -> bulk.PairingRow:
        return (
            self.id, self.uuid, self.organ.id, self.grassroots.id, self.method.value, self.draw_id,
            _tier_value(self.organ_tier), _tier_value(self.grassroots_tier), self.started_on.isoformat(),
            _iso(self.ended_on), None if self.end_reason is None else self.end_reason.value,
            None if self.end_reason is None else _END_NOTES[self.end_reason],
        )  # fmt: skip


@dataclass
class _Township:
    region_id: int
    name: str
    villages: set[str] = field(default_factory=set)  # names taken, for uniqueness within the township
    communities: set[str] = field(default_factory=set)

    @property
    def is_subdistrict(self) -> bool:
        return self.name.endswith("街道")

    @property
    def core(self) -> str:
        """The name without 街道, 镇 or 乡: its seat community's name (春申街道 → 春申社区)."""
        return self.name.removesuffix("街道") if self.is_subdistrict else self.name[:-1]


@dataclass
class _County:
    code: str
    name: str
    region_id: int
    townships: list[_Township]
    organs: list[_Branch] = field(default_factory=list)
    first_draw: list[_Branch] = field(default_factory=list)  # grassroots branches of the first draw
    merged: list[_Branch] = field(default_factory=list)  # villages merged away after the first draw
    successors: list[_Branch] = field(default_factory=list)  # set up since, paired by a supplementary draw


@dataclass(frozen=True)
class _Timeline:
    """The dates after the draws, spread over the span up to its (possibly clipped) end."""

    end: dt.date

    def at(self, fraction: float) -> dt.date:
        return _AFTER_DRAWS + dt.timedelta(days=round(fraction * (self.end - _AFTER_DRAWS).days))

    @property
    def mergers(self) -> tuple[dt.date, dt.date]:
        return self.at(0.2), self.at(0.45)

    @property
    def successors(self) -> tuple[dt.date, dt.date]:
        """When the branches that the supplementary draws pair were set up."""
        return self.at(0.25), self.at(0.48)

    @property
    def supplementary_draws(self) -> tuple[dt.date, dt.date]:
        return self.at(0.5), self.at(0.55)

    @property
    def late(self) -> tuple[dt.date, dt.date]:
        return min(self.end, self.at(0.55) + dt.timedelta(days=1)), self.at(0.97)


class _Builder:
    """Builds the whole demo in memory, then writes it through storage.bulk."""

    def __init__(self, spec: ScaleSpec, seed: int, span_end: dt.date) -> None:
        self.spec = spec
        self.rng = random.Random(seed)
        self.timeline = _Timeline(span_end)
        self.city_id = 0
        self.regions: list[bulk.RegionRow] = []
        self.units: list[bulk.UnitRow] = []
        self.assignments: list[tuple[int, int]] = []  # (community id, unit id)
        self.branches: list[_Branch] = []
        self.draws: list[bulk.DrawRow] = []
        self.draw_previews: list[bulk.DrawPreviewRow] = []
        self.pairings: list[_Pairing] = []
        self.key_tasks: list[bulk.KeyTaskRow] = []

    # -- people and places ---------------------------------------------------------------------------

    def _person(self) -> str:
        rng = self.rng
        given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
        return rng.choice(_SURNAMES) + given

    def _phone(self) -> str:
        return f"{self.rng.choice(_MOBILE_PREFIXES)}{self.rng.randrange(10**8):08d}"

    def _village_name(self, township: _Township) -> str:
        rng = self.rng
        while True:
            head = rng.choice(_VILLAGE_HEADS)
            middle = rng.choice(_VILLAGE_MIDDLES) if len(head) == 1 else ""
            name = head + middle + rng.choice(_VILLAGE_TAILS)
            if name not in township.villages:
                township.villages.add(name)
                return f"{name}村"

    def _community_name(self, township: _Township) -> str:
        rng = self.rng
        # A township's first community is its seat and takes its name: 春申街道 → 春申社区.
        name = township.core if not township.communities else ""
        while not name or name in township.communities:
            name = rng.choice(_COMMUNITY_HEADS) + rng.choice(_COMMUNITY_TAILS)
        township.communities.add(name)
        return f"{name}社区"

    # -- rows ------------------------------------------------------------------------------------------

    def _region(self, name: str, level: str, parent_id: int | None, code: str | None) -> int:
        region_id = len(self.regions) + 1
        self.regions.append((region_id, _uuid(self.rng), name, level, parent_id, code))
        return region_id

    def _unit(self, name: str, level: UnitLevel, region_id: int) -> int:
        unit_id = len(self.units) + 1
        self.units.append((unit_id, _uuid(self.rng), name, level.value, region_id, None))
        return unit_id

    def _branch(
        self,
        name: str,
        kind: BranchKind,
        region_id: int,
        tiers: Sequence[int],
        place: str,
        *,
        unit_id: int | None = None,
        community: _Branch | None = None,
    ) -> _Branch:
        rng = self.rng
        first, last = _ESTABLISHED[kind]
        if community is not None:
            first = max(first, community.established_on)
        low, high = _MEMBERS[kind]
        branch = _Branch(
            id=len(self.branches) + 1,
            uuid=_uuid(rng),
            name=name,
            kind=kind,
            region_id=region_id,
            tier=rng.choices(_TIERS, tiers)[0],
            established_on=_day_between(rng, first, last),
            secretary=self._person(),
            phone=self._phone(),
            members=rng.randint(low, high),
            place=place,
            unit_id=unit_id,
            community_id=None if community is None else community.id,
        )
        self.branches.append(branch)
        return branch

    def _organ_branches(
        self,
        units: Sequence[tuple[str, bool]],
        count: int,
        level: UnitLevel,
        region_id: int,
        tiers: Sequence[int],
    ) -> list[tuple[int, list[_Branch]]]:
        """``count`` organ branches spread over units chosen from ``units`` ((name, is an office), in order
        of precedence), numbered within each unit: 机关第一党支部, 机关第二党支部 … Returns (unit id,
        branches) per unit."""
        rng = self.rng
        wanted = max(1, min(len(units), round(count / _BRANCHES_PER_UNIT)))
        chosen = sorted(rng.sample(range(len(units)), wanted))
        # Every unit has a branch; the others go by a random size, as departments differ.
        sizes = [1 + n for n in _apportion(count - wanted, [rng.uniform(0.3, 1.7) for _ in chosen])]
        made = []
        for index, size in zip(chosen, sizes, strict=True):
            name, office = units[index]
            prefix = f"信阳{name}" if name.startswith("市") else name
            unit_id = self._unit(name, level, region_id)
            stem = prefix + ("机关" if office else "")
            names = (
                [f"{stem}党支部"]
                if size == 1
                else [f"{stem}第{_chinese_number(n)}党支部" for n in range(1, size + 1)]
            )
            made.append(
                (
                    unit_id,
                    [
                        self._branch(n, BranchKind.ORGAN, region_id, tiers, prefix, unit_id=unit_id)
                        for n in names
                    ],
                )
            )
        return made

    def _community(self, township: _Township, grids: int) -> tuple[_Branch, list[_Branch]]:
        name = self._community_name(township)
        region_id = township.region_id
        community = self._branch(f"{name}党支部", BranchKind.COMMUNITY, region_id, _GRASSROOTS_TIERS, name)
        return community, [
            self._branch(
                f"{name}第{_chinese_number(n)}网格党支部",
                BranchKind.GRID,
                region_id,
                _GRASSROOTS_TIERS,
                name,
                community=community,
            )
            for n in range(1, grids + 1)
        ]

    def _grassroots(self, township: _Township, count: int, known_villages: Sequence[str]) -> list[_Branch]:
        """``count`` grassroots branches of a township: sub-districts are mostly communities with grids,
        towns and townships mostly villages with a community or two at the seat."""
        rng = self.rng
        if township.is_subdistrict:
            villages = count // 10
            communities = max(1, round((count - villages) / 5)) if count > villages else 0
            grids = count - villages - communities
        else:
            is_town = township.name.endswith("镇")
            communities = (count >= 6) + (count >= 30) if is_town else int(count >= 15)
            grids = communities * rng.randint(0, 3) if count >= 12 else 0
            villages = count - communities - grids
        made: list[_Branch] = []
        for grid_count in _apportion(grids, [rng.uniform(0.5, 1.5) for _ in range(communities)]):
            community, grid_branches = self._community(township, grid_count)
            made += [community, *grid_branches]
        for n in range(villages):
            if n < len(known_villages):
                township.villages.add(known_villages[n])
                name = f"{known_villages[n]}村"
            else:
                name = self._village_name(township)
            made.append(
                self._branch(f"{name}党支部", BranchKind.VILLAGE, township.region_id, _GRASSROOTS_TIERS, name)
            )
        return made

    # -- building ------------------------------------------------------------------------------------

    def build_places(self) -> list[_County]:
        spec = self.spec
        self.city_id = self._region(_CITY[0], "city", None, _CITY[1])
        counties = []
        for code, name, townships in _COUNTIES:
            if code not in spec.counties:
                continue
            county_id = self._region(name, "county", self.city_id, code)
            chosen = townships if spec.townships is None else townships[: spec.townships]
            counties.append(
                _County(
                    code,
                    name,
                    county_id,
                    [_Township(self._region(t, "township", county_id, None), t) for t in chosen],
                )
            )
        return counties

    def build_city(self, counties: Sequence[_County]) -> list[tuple[list[_Branch], list[_Branch]]]:
        """City-level and central units, each assigned a central-city community whose grids pair one to one
        with the unit's organ branches. Returns (organ branches, grids) per unit."""
        spec = self.spec
        if not spec.city_organs:
            return []
        city = [(n, True) for n in _CITY_OFFICES] + [(n, False) for n in _CITY_INSTITUTIONS]
        central = [(n, True) for n in _CENTRAL_OFFICES] + [(n, False) for n in _CENTRAL_INSTITUTIONS]
        # Central units take their share of the branches by how many of them there are.
        city_count, central_count = _apportion(spec.city_organs, [len(city), len(central)])
        units = self._organ_branches(city, city_count, UnitLevel.CITY, self.city_id, _CITY_ORGAN_TIERS)
        units += self._organ_branches(
            central, central_count, UnitLevel.CENTRAL, self.city_id, _CITY_ORGAN_TIERS
        )
        subdistricts = [
            (county, township)
            for county in counties
            if county.code in _CENTRAL_CITY
            for township in county.townships
            if township.is_subdistrict
        ]
        self.rng.shuffle(subdistricts)
        assigned = []
        for n, (unit_id, organs) in enumerate(units):
            county, township = subdistricts[n % len(subdistricts)]
            community, grids = self._community(township, len(organs))
            # The community itself is a grassroots branch like any other: its county's draw pairs it.
            county.first_draw.append(community)
            self.assignments.append((community.id, unit_id))
            assigned.append((organs, grids))
        return assigned

    def build_counties(self, counties: Sequence[_County]) -> None:
        """Each county's units, organ branches and grassroots branches, and which of the latter are merged
        away or set up after the first draw."""
        rng = self.rng
        spec = self.spec
        central = sum(len(c.first_draw) for c in counties)
        regular = _apportion(spec.first_draw_grassroots - central, [len(c.townships) for c in counties])
        # Mergers and newcomers are villages, so they go where villages are: in towns and townships.
        rural = [
            r * sum(not t.is_subdistrict for t in c.townships) / len(c.townships)
            for r, c in zip(regular, counties, strict=True)
        ]
        ended = _apportion(spec.ended, rural)
        late = _apportion(spec.late, rural)
        first_draw = [r + len(c.first_draw) for r, c in zip(regular, counties, strict=True)]
        leftovers = _apportion(spec.organ_leftovers, first_draw)
        for n, county in enumerate(counties):
            units = [(t.format(c=county.name), True) for t in _COUNTY_OFFICES]
            units += [(t.format(c=county.name), False) for t in _COUNTY_INSTITUTIONS]
            organs = self._organ_branches(
                units, first_draw[n] + leftovers[n], UnitLevel.COUNTY, county.region_id, _COUNTY_ORGAN_TIERS
            )
            county.organs = [branch for _, unit_branches in organs for branch in unit_branches]
            made: list[_Branch] = []
            sizes = _apportion(
                regular[n] + ended[n] + late[n], [rng.uniform(0.6, 1.4) for _ in county.townships]
            )
            for township, size in zip(county.townships, sizes, strict=True):
                made += self._grassroots(
                    township, size, _KNOWN_VILLAGES.get((county.code, township.name), ())
                )
            villages = [b for b in made if b.kind is BranchKind.VILLAGE]
            picked = rng.sample(villages, 2 * ended[n] + late[n])
            county.merged = picked[: ended[n]]
            county.successors = picked[ended[n] : 2 * ended[n]]
            for branch in county.successors:
                branch.established_on = _day_between(rng, *self.timeline.successors)
            for branch in picked[2 * ended[n] :]:
                branch.established_on = _day_between(rng, *self.timeline.late)
            newcomers = {b.id for b in picked[ended[n] :]}
            county.first_draw += [b for b in made if b.id not in newcomers]

    def optimise(self, city_organs: Sequence[_Branch], county_organs: Sequence[_Branch]) -> None:
        """Mark the article's share of organ branches as optimised, between 4 and 20 April 2022."""
        for organs, (count, total) in ((city_organs, _CITY_OPTIMISED), (county_organs, _COUNTY_OPTIMISED)):
            for branch in self.rng.sample(list(organs), round(len(organs) * count / total)):
                branch.optimised_on = _day_between(self.rng, *_OPTIMISED)

    def pair_assigned(self, assigned: Sequence[tuple[list[_Branch], list[_Branch]]]) -> None:
        for organs, grids in assigned:
            started = _day_between(self.rng, *_ASSIGNED)
            for organ, grid in zip(organs, grids, strict=True):
                self._pairing(organ, grid, PairingMethod.ASSIGNED, None, started)

    def _pairing(
        self,
        organ: _Branch,
        grassroots: _Branch,
        method: PairingMethod,
        draw_id: int | None,
        started: dt.date,
    ) -> None:
        self.pairings.append(
            _Pairing(
                id=len(self.pairings) + 1,
                uuid=_uuid(self.rng),
                organ=organ,
                grassroots=grassroots,
                method=method,
                draw_id=draw_id,
                organ_tier=organ.tier,
                grassroots_tier=grassroots.tier,
                started_on=started,
            )
        )

    def _draw(
        self,
        county: _County,
        organs: Sequence[_Branch],
        grassroots: Sequence[_Branch],
        day: dt.date,
        note: str,
    ) -> list[_Branch]:
        """One committed draw in a county, its pairs started on ``day``; returns the organ leftovers."""
        rng = self.rng
        by_uuid = {b.uuid: b for b in (*organs, *grassroots)}
        seed = str(rng.randrange(100_000, 1_000_000))
        organ_candidates = [Candidate(b.uuid, b.tier) for b in organs]
        grassroots_candidates = [Candidate(b.uuid, b.tier) for b in grassroots]
        result = draw(organ_candidates, grassroots_candidates, seed)
        draw_id = len(self.draws) + 1
        # Drawn at 10:00 on the day, China time, and stamped like any other moment.
        drawn_at = timestamp(FixedClock(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=_CHINA)))
        draw_uuid = _uuid(rng)
        self.draws.append(
            (draw_id, draw_uuid, county.region_id, seed, ALGORITHM_VERSION, result.input_hash,
             result.result_hash, "[]", drawn_at, 1, note,
             candidates_text(organ_candidates, grassroots_candidates))
        )  # fmt: skip
        # Its seed previewed a few minutes before, as the window keeps every preview for the draw's record
        # (its uuid from the draw's, so that the demo's random sequence stays as it was).
        previewed_at = timestamp(FixedClock(dt.datetime(day.year, day.month, day.day, 9, 55, tzinfo=_CHINA)))
        self.draw_previews.append(
            (draw_id, str(uuid5(UUID(draw_uuid), "preview")), county.region_id, seed,
             ALGORITHM_VERSION, result.input_hash, result.result_hash, previewed_at)
        )  # fmt: skip
        for pair in result.pairs:
            self._pairing(
                by_uuid[pair.organ.uuid], by_uuid[pair.grassroots.uuid], PairingMethod.DRAW, draw_id, day
            )
        return [by_uuid[c.uuid] for c in result.organ_leftovers]

    def pair_counties(self, counties: Sequence[_County]) -> None:
        """First draws; mergers that end a few pairings; then supplementary draws for the newcomers."""
        rng = self.rng
        unpaired = []
        for county in counties:
            day = _KNOWN_DRAW_DAYS.get(county.code) or _day_between(rng, *_DRAWN)
            unpaired.append(
                self._draw(county, county.organs, county.first_draw, day, "支部联支部随机固定结对")
            )
        self._grade_up()
        by_grassroots = {p.grassroots.id: p for p in self.pairings}
        for county, organs in zip(counties, unpaired, strict=True):
            for village in county.merged:
                pairing = by_grassroots[village.id]
                pairing.ended_on = village.archived_on = _day_between(rng, *self.timeline.mergers)
                pairing.end_reason = rng.choice(_END_REASONS)
                village.note = _END_NOTES[pairing.end_reason]
                organs.append(pairing.organ)
            if county.successors:
                day = _day_between(rng, *self.timeline.supplementary_draws)
                self._draw(county, organs, county.successors, day, "撤并后新设支部补充抽签")

    def _grade_up(self) -> None:
        """Some grassroots branches have improved since they were paired; the pairings keep the old tier."""
        for pairing in self.pairings:
            branch = pairing.grassroots
            if branch.tier in _UPGRADED and self.rng.random() < _UPGRADED[branch.tier]:
                branch.tier = Tier.AVERAGE if branch.tier is Tier.WEAK else Tier.STRONG

    def build_key_tasks(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """Key tasks of the half-years in the span, by half-year: (id, summaries)."""
        last = str(HalfYear.of(self.timeline.end))
        tasks: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for half_year, entries in _KEY_TASKS.items():
            if half_year > last:
                break
            for name, summaries in entries:
                task_id = len(self.key_tasks) + 1
                self.key_tasks.append((task_id, _uuid(self.rng), name, half_year, None))
                tasks.setdefault(half_year, []).append((task_id, summaries))
        return tasks


# -- activities -----------------------------------------------------------------------------------------

# An activity before it has an id: (day index, pairing id, type, key task id, volunteers, location,
# summary, weekday reason, index of its set of areas).
_Raw = tuple[int, int, str, int | None, int, str, str, str | None, int]

# What the hot loops need of a type, as a plain tuple: (type value, fewest volunteers, how many volunteer
# counts there are, location indices, summaries, cumulative weights of the area sets).
_Profile = tuple[str, int, int, tuple[int, ...], tuple[str, ...], list[float]]


@dataclass(frozen=True)
class _Days:
    """The span's days by index from 1 April 2022, with what the weekend rule needs of each."""

    iso: list[str]
    working: list[bool]
    month_of: list[int]
    half_year_of: list[str]
    month_first: list[int]
    month_last: list[int]
    non_working_in: list[list[int]]  # per month, ascending
    working_in: list[list[int]]

    @classmethod
    def of(cls, end: dt.date, calendar: WorkCalendar) -> _Days:
        count = (end - _SPAN_START).days + 1
        days = [_SPAN_START + dt.timedelta(days=i) for i in range(count)]
        working = [calendar.is_working_day(day) for day in days]
        month_of = [(day.year - _SPAN_START.year) * 12 + day.month - _SPAN_START.month for day in days]
        months = month_of[-1] + 1
        first = [count] * months
        last = [0] * months
        non_working_in: list[list[int]] = [[] for _ in range(months)]
        working_in: list[list[int]] = [[] for _ in range(months)]
        for i, month in enumerate(month_of):
            first[month] = min(first[month], i)
            last[month] = i
            (working_in if working[i] else non_working_in)[month].append(i)
        return cls(
            iso=[day.isoformat() for day in days],
            working=working,
            month_of=month_of,
            half_year_of=[str(HalfYear.of(day)) for day in days],
            month_first=first,
            month_last=last,
            non_working_in=non_working_in,
            working_in=working_in,
        )


_AREA_SETS = [combo for size in (1, 2, 3) for combo in itertools.combinations(Area, size)]


def _area_weights(leanings: tuple[Area, ...]) -> list[float]:
    """Cumulative weights over _AREA_SETS that favour ``leanings`` and keep the shares of one, two and
    three areas."""
    affinity = [3.0 ** sum(area in leanings for area in combo) for combo in _AREA_SETS]
    per_size = [sum(a for a, c in zip(affinity, _AREA_SETS, strict=True) if len(c) == n) for n in (1, 2, 3)]
    return list(
        itertools.accumulate(
            _AREA_COUNT_SHARES[len(c) - 1] * a / per_size[len(c) - 1]
            for a, c in zip(affinity, _AREA_SETS, strict=True)
        )
    )


def _profile(activity_type: ActivityType, summaries: tuple[str, ...]) -> _Profile:
    low, high = _VOLUNTEERS[activity_type]
    return (
        activity_type.value,
        low,
        high - low + 1,
        _LOCATION_CHOICES[activity_type],
        summaries,
        _area_weights(_AREA_LEANINGS[activity_type]),
    )


def _locations(pairing: _Pairing) -> tuple[str, ...]:
    """Where a pairing's activities happen; indexed by _LOCATION_CHOICES."""
    place = pairing.grassroots.place
    homes = "各村民组" if pairing.grassroots.kind is BranchKind.VILLAGE else "居民小区"
    return (
        f"{place}党群服务中心",
        f"{place}新时代文明实践站",
        f"{pairing.organ.place}会议室",
        f"{place}{homes}",
        f"{place}文化广场",
    )


class _ActivityMaker:
    """Activities of all pairings: a themed day in most months, and the rest of the count on top.

    Written for speed (a million activities at the stress scale): plain tuples, and locals in the loops.
    """

    def __init__(
        self,
        rng: random.Random,
        days: _Days,
        pairings: Sequence[_Pairing],
        tasks: Mapping[str, list[tuple[int, tuple[str, ...]]]],
    ) -> None:
        self.rng = rng
        self.days = days
        self.pairing_ids = [p.id for p in pairings]
        last = len(days.iso) - 1
        # Each pairing's active days, as indices into the span.
        self.spans = [
            (
                (p.started_on - _SPAN_START).days,
                min(last, (p.ended_on - _SPAN_START).days if p.ended_on else last),
            )
            for p in pairings
        ]
        self.locations = [_locations(p) for p in pairings]
        self.tasks_of_day = [tasks[half_year] for half_year in days.half_year_of]
        self.themed = _profile(ActivityType.THEMED_DAY, _SUMMARIES[ActivityType.THEMED_DAY])
        # Key tasks take their summaries from the task, chosen by the day.
        self.key_task = _profile(ActivityType.KEY_TASK, ())
        # The other types, each as often in this table as its weight (they sum to 100): one lookup a pick.
        self.other_types = [
            self.key_task if t is ActivityType.KEY_TASK else _profile(t, _SUMMARIES[t])
            for t, weight in zip(_OTHER_TYPES, _OTHER_TYPE_WEIGHTS, strict=True)
            for _ in range(weight)
        ]

    def _routine_day(self, first: int, last: int, month: int) -> tuple[int, str | None]:
        """A day in [first, last] (within one month) by the weekend rule, with a weekday reason now and
        then."""
        random = self.rng.random
        days = self.days
        candidates, other = days.non_working_in[month], days.working_in[month]
        if random() >= _WEEKEND_SHARE:
            candidates, other = other, candidates
        low, high = bisect.bisect_left(candidates, first), bisect.bisect_right(candidates, last)
        if low == high:
            # None of the wanted kind in the part of the month the pairing spans: take the other kind.
            candidates = other
            low, high = bisect.bisect_left(candidates, first), bisect.bisect_right(candidates, last)
        day = candidates[low + int(random() * (high - low))]
        if days.working[day] and random() < _WEEKDAY_REASON_SHARE:
            return day, _WEEKDAY_REASONS[int(random() * len(_WEEKDAY_REASONS))]
        return day, None

    def themed_days(self) -> list[_Raw]:
        random = self.rng.random
        days = self.days
        value, low, volunteers, places, summaries, weights = self.themed
        made: list[_Raw] = []
        for pairing_id, (start, end), locations in zip(
            self.pairing_ids, self.spans, self.locations, strict=True
        ):
            # Some pairings are more diligent than others: 2 % to 14 % of their months go without.
            held = 1 - (0.02 + 0.12 * random() ** 2)
            for month in range(days.month_of[start], days.month_of[end] + 1):
                first = max(start, days.month_first[month])
                last = min(end, days.month_last[month])
                whole = first == days.month_first[month] and last == days.month_last[month]
                if random() >= (held if whole else _PARTIAL_MONTH_THEMED):
                    continue
                day, reason = self._routine_day(first, last, month)
                # As in others(), inline: a method call here costs a second or so at the stress scale.
                location = locations[places[int(random() * len(places))]]
                summary = summaries[int(random() * len(summaries))]
                areas = bisect.bisect(weights, random() * weights[-1])
                taking_part = low + int(random() * volunteers)
                made.append((day, pairing_id, value, None, taking_part, location, summary, reason, areas))
        return made

    def others(self, count: int) -> list[_Raw]:
        """``count`` activities of the other types, shared among the pairings by how long each is active."""
        random = self.rng.random
        days = self.days
        routine_day = self._routine_day
        types = self.other_types
        made: list[_Raw] = []
        shares = _apportion(count, [end - start + 1 for start, end in self.spans])
        for pairing_id, (start, end), locations, share in zip(
            self.pairing_ids, self.spans, self.locations, shares, strict=True
        ):
            for _ in range(share):
                profile = types[int(random() * len(types))]
                value, low, volunteers, places, summaries, weights = profile
                day = start + int(random() * (end - start + 1))
                task = reason = None
                if profile is self.key_task:
                    # Key-task (emergency) work is not bound by the weekend rule.
                    tasks = self.tasks_of_day[day]
                    task, summaries = tasks[int(random() * len(tasks))]
                else:
                    month = days.month_of[day]
                    day, reason = routine_day(
                        max(start, days.month_first[month]), min(end, days.month_last[month]), month
                    )
                location = locations[places[int(random() * len(places))]]
                summary = summaries[int(random() * len(summaries))]
                areas = bisect.bisect(weights, random() * weights[-1])
                taking_part = low + int(random() * volunteers)
                made.append((day, pairing_id, value, task, taking_part, location, summary, reason, areas))
        return made


def _by_day(raws: list[_Raw], days: int) -> list[_Raw]:
    """``raws`` in order of date, as they would have been entered (one bucket per day, which is faster
    than sorting a million rows; within a day they stay in the order they were made)."""
    buckets: list[list[_Raw]] = [[] for _ in range(days)]
    for raw in raws:
        buckets[raw[0]].append(raw)
    return list(itertools.chain.from_iterable(buckets))


def _activity_rows(
    rng: random.Random, raws: Sequence[_Raw], iso: Sequence[str]
) -> Iterator[bulk.ActivityRow]:
    # The uuids are handed out in ascending order, so that SQLite appends to the uuid index rather than
    # inserting at random (seconds saved at the stress scale); they are as random as ever.
    uuids = sorted(_uuid(rng) for _ in raws)
    for number, (uuid, raw) in enumerate(zip(uuids, raws, strict=True), 1):
        day, pairing_id, kind, task, volunteers, location, summary, reason, _ = raw
        yield (number, uuid, pairing_id, iso[day], kind, task, volunteers, location, summary, reason)


# -- the use case ---------------------------------------------------------------------------------------


def generate_demo(
    path: Path,
    scale: str,
    *,
    seed: int = 2022,
    clock: Clock,
    overwrite: bool = False,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Write a new demo ledger at ``path``; refuse an existing file unless ``overwrite``.

    Activities run from April 2022 to the end of 2023, or to the clock's today if that is earlier (the
    later events are then squeezed into the shorter span). ``progress`` is called with each code of
    :data:`STAGES` as that stage starts. If anything fails, no file is left at ``path``.
    """
    spec = SCALES.get(scale)
    if spec is None:
        raise BranchDeskError("demo.unknown_scale", scale=scale, choices=", ".join(SCALES))
    today = clock.today()
    if today < _EARLIEST_TODAY:
        raise BranchDeskError(
            "demo.clock_too_early", today=today.isoformat(), earliest=_EARLIEST_TODAY.isoformat()
        )
    report = progress or (lambda _stage: None)
    made: list[DemoSummary] = []

    def fill(ledger: Ledger) -> None:
        made.append(_fill(ledger, scale, spec, seed, min(_SPAN_END, today), report))

    # Ledger.create builds the file aside and moves it into place only when complete: a failure leaves
    # nothing half-made, and an existing file being replaced stays as it was.
    create_ledger(path, clock, overwrite=overwrite, fill=fill).close()
    return made[0]


def _fill(
    ledger: Ledger, scale: str, spec: ScaleSpec, seed: int, span_end: dt.date, report: Callable[[str], None]
) -> DemoSummary:
    calendar = calendar_for(ledger, list(range(_SPAN_START.year, span_end.year + 1)))
    builder = _Builder(spec, seed, span_end)

    report(STAGES[0])
    counties = builder.build_places()
    assigned = builder.build_city(counties)
    builder.build_counties(counties)
    builder.optimise(
        [organ for organs, _ in assigned for organ in organs], [organ for c in counties for organ in c.organs]
    )

    report(STAGES[1])
    builder.pair_assigned(assigned)
    builder.pair_counties(counties)
    tasks = builder.build_key_tasks()

    report(STAGES[2])
    days = _Days.of(span_end, calendar)
    maker = _ActivityMaker(builder.rng, days, builder.pairings, tasks)
    raws = maker.themed_days()
    raws += maker.others(spec.activities - len(raws))
    raws = _by_day(raws, len(days.iso))

    report(STAGES[3])
    with bulk.bulk_load(ledger):
        bulk.insert_regions(ledger, builder.regions)
        bulk.insert_units(ledger, builder.units)
        bulk.insert_branches(ledger, (branch.row() for branch in builder.branches))
        bulk.assign_communities(ledger, builder.assignments)
        bulk.insert_draws(ledger, builder.draws)
        bulk.insert_draw_previews(ledger, builder.draw_previews)
        bulk.insert_pairings(ledger, (pairing.row() for pairing in builder.pairings))
        bulk.insert_key_tasks(ledger, builder.key_tasks)
        bulk.insert_activities(ledger, _activity_rows(builder.rng, raws, days.iso))
        bulk.insert_activity_areas(
            ledger, 1, [[area.value for area in areas] for areas in _AREA_SETS], [raw[8] for raw in raws]
        )
    return DemoSummary(
        scale=scale,
        seed=seed,
        regions=len(builder.regions),
        units=len(builder.units),
        branches=len(builder.branches),
        draws=len(builder.draws),
        pairings=len(builder.pairings),
        activities=len(raws),
    )
