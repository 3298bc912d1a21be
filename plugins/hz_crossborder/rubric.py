"""附件1《跨境电商人才社会培训基地认定评价表》: five categories, ten items, 100 points.

The table is the single source of the items: the scored criteria, the applicant's self-score
fields (自评分, form data) and the aggregation are all built from :data:`ITEMS`, so an item's
maximum is written once. Importing the module checks that the items add up to each category's
maximum and the categories to 100, as the table prints them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    number: str  # 序号 of 附件1, written as the README cites it: 一 … 五
    title: str
    max_points: int


@dataclass(frozen=True)
class Item:
    key: str  # field of the self-score form and suffix of the criterion id
    category: Category
    position: int  # order of the indicator within its category
    title: str  # 评价指标
    max_points: int
    standard: str  # 评分标准, given to the experts as guidance
    evidence: str  # 佐证材料

    @property
    def criterion_id(self) -> str:
        return f"score_{self.key}"

    @property
    def citation(self) -> str:
        return f"附件1 {self.category.number}、{self.position}"


BASICS = Category("一", "基础条件", 25)
MATCH = Category("二", "专业匹配", 30)
DELIVERY = Category("三", "人才输送", 30)
BRAND = Category("四", "品牌建设", 10)
RECORD = Category("五", "单位业绩", 5)
CATEGORIES = (BASICS, MATCH, DELIVERY, BRAND, RECORD)
TOTAL = 100

ITEMS: tuple[Item, ...] = (
    Item(
        "venue",
        BASICS,
        1,
        "培训场地及环境",
        10,
        "能提供培训场地或实训机房，至少能容纳20人同时参加培训课程，能满足跨境电商培训课程开设的基本要求；具备空调、电脑、"
        "网络、投影仪、白板等开课所需的基础授课工具和培训所需的网络环境，能为跨境电商人才培训提供良好的授课氛围",
        "培训场地的空间地址、面积、可容纳人数清单；空调、电脑、网络、投影仪、白板等授课工具的清单",
    ),
    Item(
        "daily_management",
        BASICS,
        2,
        "日常管理",
        5,
        "具备跨境电商人才培训的年度工作计划、工作总结、内部事务等日常管理流程等",
        "跨境电商人才培训的年度工作计划、工作总结、内部事务等材料",
    ),
    Item(
        "finance",
        BASICS,
        3,
        "财务情况",
        5,
        "近三年平均资产增值；具备规范的财务管理制度",
        "近三年平均净资产和注册资金的增减情况表",
    ),
    Item(
        "office",
        BASICS,
        4,
        "办公条件",
        5,
        "有不小于20平方米的独立办公用房，并悬挂单位名称标识，配备相关办公设备和固定的运营管理团队",
        "房地产证或租赁合同、办公用房产权证、租房合同（半年期以上）、场地使用许可协议（半年期以上）、运营管理团队人员清单",
    ),
    Item(
        "lecturer_management",
        MATCH,
        1,
        "教师管理系统",
        15,
        "基地应有或长期合作3名及以上跨境电商平台或跨境服务商专职讲师；讲师团队一般要求本科及以上学历",
        "讲师劳动合同或外包合作协议、讲师学历证书复印件；人才培养体系、教师管理体系盖章文件",
    ),
    Item(
        "training_system",
        MATCH,
        2,
        "人才培养体系",
        15,
        "有完善科学的课程设置，制定相关人才标准、人才培养体系并能够持续更新，具备人才培育及输送能力",
        "人才培养体系、教师管理体系盖章文件",
    ),
    Item(
        "talent_cultivation",
        DELIVERY,
        1,
        "人才培育情况",
        15,
        "历年组织人才培训总人次超过1000以上，涉及跨境电商培训至少200人次及以上；每期培训时间不少于20个学时",
        "培训活动清单（时间、地点、授课主题、主要讲师、听课人数、教学设备清单、场地租用协议）、报名表、签到表、课程反馈表、照片等",
    ),
    Item(
        "talent_delivery",
        DELIVERY,
        2,
        "人才输送情况",
        15,
        "积极组织企业人才对接会，输送跨境电商人才到企业；组织跨境人才开展考察、调研活动",
        "双洽会、调研考察组织证明材料、输送人才名单、企业反馈表等",
    ),
    Item(
        "innovation",
        BRAND,
        1,
        "创新工作",
        10,
        "在跨境电商人才培训领域创新工作，开展特色服务，注重品牌建设，具有一定的行业影响力或收获了较好的市场反响",
        "跨境电商人才培训基地进行品牌建设的佐证材料",
    ),
    Item(
        "reputation",
        RECORD,
        1,
        "人才培育及输送情况反馈",
        5,
        "人才培育及输送方面获得的荣誉、牌匾、媒体报道、领导批示等；与跨境电商相关平台签订长期合作协议",
        "人才培育荣誉、平台协议等相关佐证材料",
    ),
)
BY_CRITERION = {item.criterion_id: item for item in ITEMS}


def _check_table() -> None:
    for category in CATEGORIES:
        points = sum(i.max_points for i in ITEMS if i.category is category)
        if points != category.max_points:
            raise ValueError(
                f"附件1 {category.title}: items add up to {points}, the table says {category.max_points}"
            )
    if sum(c.max_points for c in CATEGORIES) != TOTAL:
        raise ValueError("附件1: categories do not add up to 100")


_check_table()
