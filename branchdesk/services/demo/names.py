"""Names of villages, communities and people, and phone numbers, as Xinyang has them."""

from __future__ import annotations

from branchdesk.services.demo.model import Build, Township

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


def person(build: Build) -> str:
    rng = build.rng
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(_SURNAMES) + given


def phone(build: Build) -> str:
    return f"{build.rng.choice(_MOBILE_PREFIXES)}{build.rng.randrange(10**8):08d}"


def village_name(build: Build, township: Township) -> str:
    rng = build.rng
    while True:
        head = rng.choice(_VILLAGE_HEADS)
        middle = rng.choice(_VILLAGE_MIDDLES) if len(head) == 1 else ""
        name = head + middle + rng.choice(_VILLAGE_TAILS)
        if name not in township.villages:
            township.villages.add(name)
            return f"{name}村"


def community_name(build: Build, township: Township) -> str:
    rng = build.rng
    # A township's first community is its seat and takes its name: 春申街道 → 春申社区.
    name = township.core if not township.communities else ""
    while not name or name in township.communities:
        name = rng.choice(_COMMUNITY_HEADS) + rng.choice(_COMMUNITY_TAILS)
    township.communities.add(name)
    return f"{name}社区"
