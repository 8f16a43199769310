"""The demo data set behind `canyu demo`: three units, five staff accounts, three consultations,
25 citizens and their comments, loaded through the services so the audit log records every step.

The draft texts, explanations and comments were written for this demo; the people, addresses,
phone numbers and mail addresses in it are made up. Every account uses DEMO_PASSWORD.
Loading twice changes nothing: if the province unit exists, the loader says so and stops.
"""

# The Chinese texts stay unwrapped so each paragraph reads (and greps) as one line.
# ruff: noqa: E501

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.accounts import service as accounts
from api.accounts.models import Unit, User
from api.accounts.permissions import Grant, Principal
from api.db import utcnow
from api.ratelimit import MemoryRateLimiter
from api.settings import Settings, get_settings
from consultations import comments, service
from consultations.models import Article, Channel, Consultation, Kind, ReviewKind, SubmitterType
from consultations.schema import comment_limits
from consultations.text_rules import load_sensitive_words

DEMO_PASSWORD = "canyu-demo-2026"
GRAPHQL_URL = "http://127.0.0.1:8000/graphql"

PROVINCE, CITY, COUNTY = "zj-zrzyt", "hz-ghzy", "cd-zrzy"
UNITS = (
    # (name, code, region code, parent code)
    ("浙江省自然资源厅", PROVINCE, "330000", None),
    ("杭州市规划和自然资源局", CITY, "330100", PROVINCE),
    ("淳安县自然资源和规划局", COUNTY, "330127", CITY),
)
STAFF = (
    # (username, display name, role, unit code)
    ("admin", "系统管理员（省厅信息中心）", "admin", PROVINCE),
    ("drafter", "王晓燕（市局政策法规处）", "drafter", CITY),
    ("reviewer", "李建国（市局政策法规处）", "reviewer", CITY),
    ("approver", "陈志远（市局分管副局长）", "approver", CITY),
    ("organizer", "赵敏（市局办公室）", "organizer", CITY),
)

# --- consultation 1: a major decision, published and open for comments ------------------------------

HOMESTEAD_TITLE = "杭州市农村宅基地管理办法（征求意见稿）"
HOMESTEAD_SUMMARY = (
    "为规范农村宅基地的申请、审批、使用和退出，保障农村村民户有所居，市规划和自然资源局会同市农业农村局"
    "起草了本办法，现向社会公开征求意见。可对全文或逐条提出意见。"
)
HOMESTEAD_EXPLANATION = """关于《杭州市农村宅基地管理办法（征求意见稿）》的起草说明

一、起草背景
近年来，本市农村宅基地管理总体平稳有序，但仍有一些问题需要解决：部分村庄新增宅基地指标紧张，村民建房需求难以及时满足；"一户多宅"、超标准占地等历史遗留问题尚未完全消化；闲置农房和闲置宅基地数量增多，盘活利用渠道不畅。2019年修正的《土地管理法》和2021年修订的《土地管理法实施条例》对宅基地管理作出了新的规定，本市现行规定已不能完全适应管理需要，有必要制定新的管理办法。

二、起草过程
起草组由市规划和自然资源局、市农业农村局组成。起草期间，起草组赴萧山、余杭、富阳、临安、桐庐、淳安、建德等区、县（市）的二十余个行政村开展调研，分别召开乡镇干部、村干部和村民代表座谈会，并书面征求了市级有关部门的意见，在此基础上形成征求意见稿。

三、主要内容
征求意见稿共六章十五条：第一章总则，明确管理原则和部门职责；第二章规划与用地，规定选址要求、面积标准和建房控制要求；第三章申请与审批，规定申请条件、不予批准的情形、审批程序和开工竣工管理；第四章使用与退出，规定闲置宅基地盘活利用和自愿有偿退出；第五章监督管理；第六章附则。

四、需要重点说明的问题
（一）关于面积标准。征求意见稿沿用省级规定的面积上限，同时授权区、县（市）结合人均耕地和地形地貌在上限内细化，并向社会公布。
（二）关于审批时限。为减少群众等待，明确乡镇人民政府、街道办事处自受理之日起二十个工作日内作出审批决定。
（三）关于闲置住宅出租期限。与民事法律关于租赁期限的规定相衔接，明确出租期限不得超过二十年。
（四）关于退出补偿。各区、县（市）经济发展水平差异较大，征求意见稿规定补偿标准由区、县（市）制定。对此我们特别希望听取社会各界的意见。"""
HOMESTEAD_BASIS = """1.《中华人民共和国土地管理法》第六十二条（农村村民一户只能拥有一处宅基地，面积不得超过规定标准等）；
2.《中华人民共和国土地管理法实施条例》关于宅基地管理的规定；
3.《浙江省土地管理条例》关于宅基地面积限额和审批程序的规定；
4.《重大行政决策程序暂行条例》关于公众参与的规定；
5. 本事项已列入市政府本年度重大行政决策事项目录。"""
HOMESTEAD_OFFLINE_CHANNELS = """1. 信函：寄至杭州市规划和自然资源局政策法规处（杭州市上城区示范路100号，邮编310000），请在信封上注明"宅基地管理办法意见"，以邮戳日期为准；
2. 电子邮件：zjd-yijian@example.com；
3. 电话：0571-8000 0000（工作日 9:00—12:00，13:30—17:00）。
（以上地址、邮箱和电话均为演示数据。）"""
HOMESTEAD_CHANNELS = [
    {"channel": "杭州市规划和自然资源局门户网站 意见征集专栏", "url": "https://www.example.com/hz/yjzj/zjd"},
    {"channel": "政务新媒体（演示）", "url": ""},
]
HOMESTEAD_DRAFT = """杭州市农村宅基地管理办法（征求意见稿）
第一章　总则
第一条　为了规范农村宅基地管理，节约集约利用土地，保障农村村民户有所居的合法权益，根据《中华人民共和国土地管理法》《中华人民共和国土地管理法实施条例》《浙江省土地管理条例》等法律法规，结合本市实际，制定本办法。
第二条　本市行政区域内农村宅基地的规划、申请、审批、使用、退出和监督管理，适用本办法。
本办法所称宅基地，是指农村村民依法取得的用于建造住宅及其附属设施的集体建设用地。
第三条　宅基地管理坚持规划先行、一户一宅、面积法定、节约用地、公开公正的原则，严格保护耕地。
不得以退出宅基地作为农村村民进城落户的条件。
第四条　市规划和自然资源主管部门负责全市宅基地规划和用地管理的指导监督；市农业农村主管部门负责宅基地分配、使用、流转和纠纷处理的指导监督。
区、县（市）人民政府负责本行政区域内的宅基地管理工作；乡镇人民政府、街道办事处负责宅基地审批和日常监管；村民委员会协助做好申请审查、公示和巡查工作。
第二章　规划与用地
第五条　宅基地安排应当符合国土空间规划和村庄规划，优先利用村内空闲地、闲置宅基地和未利用地；确需占用农用地的，应当依法办理农用地转用审批手续。
第六条　每户宅基地面积（含附属用房）不得超过下列标准：
（一）使用耕地的，不超过一百二十五平方米；
（二）使用其他土地的，不超过一百四十平方米；
（三）山区、半山区利用荒地、荒坡的，不超过一百六十平方米。
区、县（市）人民政府可以在前款限额内，根据人均耕地、地形地貌等情况确定本地具体标准，并向社会公布。
第七条　农村村民建房应当与周边建筑保持合理间距，主体建筑不超过三层，檐口高度不超过十一米。历史文化名村和传统村落保护范围内建房的，还应当符合保护规划的风貌要求。
第三章　申请与审批
第八条　本村集体经济组织成员符合下列条件之一的，可以以户为单位申请宅基地：
（一）无宅基地的；
（二）因子女结婚等原因确需分户，且原宅基地面积低于分户标准的；
（三）因国家或者集体建设、实施村庄规划、地质灾害避让等需要搬迁的；
（四）现住房属于危房需要拆除重建的。
第九条　有下列情形之一的，宅基地申请不予批准：
（一）出卖、出租、赠与住宅后再申请宅基地的；
（二）户内已有宅基地面积达到规定标准的；
（三）以分户为由申请，但分户后户内人口不足两人的；
（四）不符合国土空间规划和村庄规划的。
第十条　宅基地申请按照下列程序办理：
（一）村民向村集体经济组织提出书面申请；
（二）村集体经济组织对申请进行讨论，并将申请理由、拟用地位置和面积、拟建房层数和面积等情况在本村公示，公示期不少于五个工作日；
（三）公示无异议的，由村级组织签署意见后报乡镇人民政府、街道办事处；
（四）乡镇人民政府、街道办事处自受理之日起二十个工作日内作出审批决定，对批准的同时核发乡村建设规划许可证。
审批结果应当在本村公布。
第十一条　村民取得批准后应当在一年内开工建设，逾期未开工的，批准文件自动失效。开工前，乡镇人民政府、街道办事处应当组织实地确定用地范围；竣工后应当组织验收，验收合格的方可申请不动产登记。
第四章　使用与退出
第十二条　鼓励村集体经济组织及其成员通过自营、出租、入股、合作等方式盘活利用闲置宅基地和闲置住宅，发展乡村旅游、民宿、康养等产业。
出租闲置住宅的，租赁期限不得超过二十年。不得利用宅基地建设别墅大院和私人会馆。
第十三条　鼓励进城落户的农村村民依法自愿有偿退出宅基地。退出的宅基地由村集体经济组织收回，优先用于本村村民安居和公益事业。
退出补偿标准由区、县（市）人民政府结合实际制定，可以采取货币补偿、房屋安置、置换商品房等方式。
第五章　监督管理
第十四条　乡镇人民政府、街道办事处应当建立宅基地动态巡查制度，发现未批先建、批少建多、超面积占地等行为的，应当及时制止并依法处理。村民委员会发现违法建房的，应当及时劝阻并报告。
第六章　附则
第十五条　本办法自2027年1月1日起施行。
"""

# Six copies of one form letter with small edits, signed by different citizens (a campaign).
FORM_LETTERS = (
    "我是土生土长的农村村民，家里三代同堂，一百二十五平方米的宅基地实在不够用。建议第六条对三代以上同堂、"
    "人口五人以上的家庭适当放宽面积标准，使用耕地的提高到一百五十平方米，并允许建四层。恳请政府充分考虑农村大家庭的实际困难！",
    "我是土生土长的农村村民，家里三代同堂，125平方米的宅基地实在不够住。建议第六条对三代以上同堂、"
    "人口五人以上的家庭适当放宽面积标准，使用耕地的提高到150平方米，并允许建四层。恳请政府充分考虑农村大家庭的实际困难！",
    "本人是农村村民，家中三代同堂，一百二十五平方米的宅基地实在不够用。建议第六条对三代同堂、"
    "五口人以上的家庭适当放宽面积标准，使用耕地的提高到一百五十平方米，并允许建四层。恳请政府考虑农村大家庭的实际困难。",
    "我是土生土长的农村村民，家里三代同堂，一百二十五平方米的宅基地实在不够用。建议对三代以上同堂、"
    "人口五人以上的家庭适当放宽面积标准，使用耕地的提高到一百五十平方米，允许建四层。恳请政府充分考虑农村大家庭的实际困难！",
    "我是土生土长的农村村民，家里四代同堂，一百二十五平方米的宅基地实在不够用。建议第六条对三代以上同堂、"
    "人口五人以上的家庭适当放宽面积标准，使用耕地的提高到一百五十平方米，并允许建四层。恳请政府充分考虑农村大家庭的实际困难！！",
    "我们是土生土长的农村村民，家里三代同堂，一百二十五平方米的宅基地实在不够用。建议第六条对三代以上同堂、"
    "人口五人以上的家庭适当放宽面积标准，使用耕地的提高到一百五十平方米，并允许建四层。恳请充分考虑农村大家庭的实际困难！",
)

# (article label or None for the whole draft, text); assigned to citizens in turn.
OPINIONS: tuple[tuple[str | None, str], ...] = (
    (
        "第十条",
        "把乡镇审批时限明确为二十个工作日很好。我们村前几年有人申请建房，材料在村里和镇里来回跑，拖了大半年。支持这一条，也希望严格执行。",
    ),
    ("第三条", "明确不得以退出宅基地作为进城落户的条件，给在城里打工的农民吃了定心丸，支持。"),
    (
        "第九条",
        "第（三）项规定分户后户内人口不足两人的不予批准，我认为不够合理。丧偶、离异后独自生活的老人同样有居住需要，建议对这类情况另作规定，而不是一律不批。",
    ),
    (
        "第七条",
        "三层、檐口十一米的限高在平原地区可以，但山区坡地建房一侧往往要做挡土墙或架空层。建议写明檐口高度从哪一侧室外地坪起算，避免执行中各镇理解不一。",
    ),
    (
        "第十一条",
        "取得批准后一年内必须开工，期限太短。农民建房要筹钱、找施工队，遇上雨季也开不了工。建议改为两年，并允许有正当理由的申请延期一次。",
    ),
    (
        "第十二条",
        "鼓励盘活闲置农房是好事，但要防止工商资本借租赁变相圈地。建议明确禁止城镇居民租用农房翻建成自住别墅，对租赁合同实行备案。",
    ),
    (
        "第十二条",
        "租赁期限不超过二十年，对民宿经营者来说偏短。一栋老房子改造成民宿要投入上百万元，二十年很难回本。建议允许期满后优先续租。",
    ),
    (
        "第十三条",
        "退出补偿标准完全由区县自行制定，相邻区县的标准可能差别很大，群众会有攀比和意见。建议市里出台最低补偿指导标准，区县可以在此基础上提高。",
    ),
    (
        "第十三条",
        "宅基地退出后复垦形成的建设用地指标有交易收益，建议在办法中明确收益要按比例返还村集体和退出户，不能只给一次性补偿。",
    ),
    (
        "第十四条",
        "巡查制度要有实效。我们村有人未批先建，向村里反映了半年也没人处理。建议公布举报电话和处理时限，并把处理结果告诉举报人。",
    ),
    (
        "第五条",
        "赞成优先利用村内空闲地和闲置宅基地，但很多空闲地权属不清、有争议。建议在安排宅基地前先完成确权登记，否则容易引发邻里纠纷。",
    ),
    (
        "第八条",
        '第（二）项中的"分户标准"没有说明具体是多少，村民看不明白。建议在办法中写明，或者明确由区县制定并公布。',
    ),
    (
        "第八条",
        "建议明确入赘女婿、离婚后户籍仍在本村的妇女属于可以申请宅基地的集体经济组织成员，切实保障妇女的合法权益。",
    ),
    (
        "第二条",
        "本办法是否适用于城中村和已经撤村建居的社区？这些地方还有不少农民自建房，建议在适用范围中说清楚。",
    ),
    (
        "第四条",
        "规划和自然资源部门、农业农村部门分工负责，村民办事到底找哪个部门？建议在乡镇实行一窗受理、一次办结，部门之间内部流转。",
    ),
    (
        "第十条",
        "公示期不少于五个工作日太短，外出务工的村民根本看不到。建议公示同时在村务公开栏和村民微信群发布，公示期延长到十个工作日。",
    ),
    (
        None,
        "总体支持这个办法。建议配套出台几套农房设计通用图集，免费提供给村民选用，既省设计费，也能保持村庄风貌协调。",
    ),
    (
        None,
        "征求意见稿偏重新增审批，对已经存在的一户多宅、超面积占地等历史遗留问题如何处理没有规定，建议增加过渡条款，分类处置。",
    ),
    (None, "希望办法出台后在浙里办上线宅基地申请功能，村民可以在手机上提交材料、查询审批进度，少跑腿。"),
    (
        None,
        "我家申请宅基地的事已经拖了两年，材料交了好几次，一直没有结果。希望相关部门联系我了解具体情况，我的电话是13912345678。",
    ),
    (None, "专业代办农村宅基地审批、不动产登记，手续齐全包过，价格优惠，有需要的加微信 zjd8888 详谈。"),
    (
        "第十五条",
        "施行日期定在2027年1月1日，那之前已经提交申请但还没有审批的，按新办法还是老规定办？建议明确新旧衔接。",
    ),
    (
        "第六条",
        '面积标准"含附属用房"，那院子、柴房、农具间算不算在内？建议明确面积的计算口径，避免各镇标准不一。',
    ),
    (
        "第六条",
        "支持严格执行面积标准。有些人借建房多占地，守规矩的村民反而吃亏，希望这次能一视同仁、严格执行。",
    ),
    (
        "第三条",
        '"一户一宅"执行中，父母去世后子女继承的老房子算不算一宅？希望办法说清楚通过继承取得的农房怎么处理。',
    ),
    ("第十一条", "建议竣工验收时由政府免费提供测绘服务，减轻村民办理不动产登记的负担。"),
    (
        "第九条",
        "第（一）项对多年前因生活困难卖掉房子的村民一律不批，是否过严？现在有些人确实无房可住，建议区分情况，允许有条件地重新申请。",
    ),
    (
        "第七条",
        "支持保护传统村落风貌，但按风貌要求建房成本要高不少。建议对按保护规划要求建房的农户给予一定补助。",
    ),
    ("第十二条", "村集体盘活闲置宅基地取得的收益，建议明确纳入村务公开内容，定期向村民公布收支情况。"),
    ("第十条", "审批结果除了在本村公布，建议同时在区县政府网站公开，方便群众监督，也能减少优亲厚友。"),
    ("第一条", "办法涉及租赁、继承等民事关系，建议在第一条的依据中增加《中华人民共和国民法典》。"),
    (
        None,
        "希望正式出台时同步发布政策解读和办事指南，用老百姓看得懂的话讲清楚谁能申请、怎么申请、多长时间能批下来。",
    ),
    (
        "第十四条",
        "对违法建房的处理要一视同仁，不能对村干部及其亲属网开一面。建议对村干部违规建房从严处理，并公开通报。",
    ),
    (
        "第八条",
        "第（四）项危房拆除重建，建议明确由哪个机构鉴定危房、鉴定费用由谁承担，防止有人借危房名义多占地。",
    ),
)

# (display name, contact): the first citizen is the one the summary offers as a login.
CITIZENS = (
    ("周建华", "13800001001"),
    ("陈女士", "13800001002"),
    ("富阳村民小王", "13800001003"),
    ("临安山里人", "13800001004"),
    ("钱永明", "13800001005"),
    ("孙丽萍", "citizen06@example.com"),
    ("余杭老李", "13800001007"),
    ("吴国强", "13800001008"),
    ("郑晓东", "citizen09@example.com"),
    ("桐庐民宿主", "13800001010"),
    ("冯海燕", "13800001011"),
    ("建德村民", "13800001012"),
    ("何志刚", "citizen13@example.com"),
    ("萧山张师傅", "13800001014"),
    ("沈玉芬", "13800001015"),
    ("淳安老徐", "13800001016"),
    ("蒋文华", "13800001017"),
    ("韩伟", "citizen18@example.com"),
    ("杨春梅", "13800001019"),
    ("朱大伯", "13800001020"),
    ("秦建军", "13800001021"),
    ("许兰英", "13800001022"),
    ("尤志强", "13800001023"),
    ("施国庆", "citizen24@example.com"),
    ("姚佳", "13800001025"),
)
FORM_LETTER_SIGNERS = (19, 20, 21, 22, 23, 24)


@dataclass(frozen=True)
class Offline:
    channel: Channel
    article: str | None
    submitter_name: str
    submitter_contact: str
    submitter_type: SubmitterType
    body: str
    postmarked_days_ago: int | None = None


OFFLINE_COMMENTS = (
    Offline(
        Channel.LETTER,
        "第十三条",
        "方金土",
        "杭州市临安区某镇某村（演示地址）",
        SubmitterType.INDIVIDUAL,
        "我今年七十三岁，子女都在城里工作，老房子一直空着。听说以后可以退出宅基地拿补偿，想问补偿是按土地面积算还是按房子算，"
        "退出以后我还能不能在村里养老。建议补偿标准要让老百姓心里有数，不要各村各样。",
        postmarked_days_ago=0,
    ),
    Offline(
        Channel.EMAIL,
        "第十二条",
        "杭州青山乡居旅游开发有限公司",
        "service@example.com",
        SubmitterType.ENTERPRISE,
        "我公司在桐庐、淳安两地租用闲置农房经营民宿十余家。建议：一、明确租赁期满后，承租人在同等条件下享有优先续租权；"
        "二、明确以经备案的农房租赁合同可以办理民宿经营的相关证照；三、对企业投资形成的装修和附属设施，在合同解除时给予合理补偿。",
    ),
    Offline(
        Channel.PHONE,
        "第十四条",
        "王先生",
        "13800009999",
        SubmitterType.INDIVIDUAL,
        "来电反映：所在村有村民未批先建、占用耕地建房，已向村里反映但一直未处理。希望办法明确举报渠道、处理时限和反馈方式。"
        "（法规处电话记录）",
    ),
    Offline(
        Channel.SYMPOSIUM,
        None,
        "萧山区某街道村民代表座谈会（12人参加）",
        "",
        SubmitterType.ORGANIZATION,
        "与会代表普遍赞成一户一宅、面积法定的原则。多名代表提出分户条件应当考虑独居老人的实际情况；有代表建议审批进度全程网上可查；"
        "也有代表担心闲置农房出租后村里外来人员增多，建议加强出租登记管理。",
    ),
)

# --- consultation 2: a county normative document, still a draft -------------------------------------

COUNTY_TITLE = "淳安县关于规范农村村民建房管理的若干意见（征求意见稿）"
COUNTY_SUMMARY = "针对库区和山区村民建房的特点，规范建房审批、风貌管控和施工安全。"
COUNTY_DRAFT = """淳安县关于规范农村村民建房管理的若干意见（征求意见稿）
为加强我县农村村民建房管理，保护千岛湖生态环境和乡村风貌，结合本县实际，提出如下意见。
一、总体要求
坚持生态优先、规划引领、节约用地、依法审批，做到建房有规划、审批有依据、施工有监管、违建有查处。
二、严格建房审批
（一）村民建房应当符合村庄规划，不得在饮用水水源保护区、地质灾害隐患点和基本农田范围内选址。
（二）乡镇人民政府受理建房申请后，应当组织自然资源、农业农村等方面人员实地踏勘。
三、加强风貌管控
（一）库区沿湖一定范围内新建农房应当采用坡屋顶和浅色外墙，与周边山水环境相协调。
（二）县里免费提供农房通用设计图集，供村民选用。
四、强化施工安全
村民建房应当选择具有相应能力的施工队伍，签订施工合同，落实安全责任。乡镇应当在开工、主体完工和竣工三个阶段到场检查。
五、落实监管责任
乡镇人民政府对本辖区村民建房负属地监管责任，发现违法建设的，应当及时制止并依法查处，查处情况每季度向县政府报告。
六、本意见自印发之日起施行。
"""

# --- consultation 3: a city regulation (规章) in legality and secrecy review -----------------------------

UNDERGROUND_TITLE = "杭州市地下空间开发利用管理办法（草案）"
UNDERGROUND_SUMMARY = "规范地下空间的规划、用地、建设和登记，推进地下空间互联互通。"
UNDERGROUND_DRAFT = """杭州市地下空间开发利用管理办法（草案）
第一条　为了合理开发利用地下空间资源，促进城市集约发展，保障地下空间开发利用安全，根据有关法律法规，结合本市实际，制定本办法。
第二条　本市城镇开发边界内地下空间的规划、用地、建设、使用和登记管理，适用本办法。
第三条　地下空间开发利用遵循统一规划、安全优先、公共优先、互联互通、平战结合的原则。
第四条　市规划和自然资源主管部门会同有关部门编制地下空间专项规划，报市人民政府批准后纳入国土空间规划。
第五条　地下建设用地使用权可以采取出让、划拨等方式设立。经营性地下空间的建设用地使用权，应当采取招标、拍卖、挂牌方式出让。
第六条　相邻的地下工程应当按照规划预留连通接口；后建的工程应当与已预留的接口连通，先建单位应当予以配合。
第七条　地下建设用地使用权及其地下建筑物、构筑物，依法办理不动产登记。
第八条　本办法自公布之日起施行。
"""


def demo_principal(user: User, grants: tuple[Grant, ...] = ()) -> Principal:
    """The principal a demo account acts as (verified), without a login."""
    return Principal(
        user_id=user.id,
        kind=user.kind,
        display_name=user.display_name,
        verified=True,
        contact=user.contact,
        grants=grants,
    )


def _staff_principal(user: User, grants: list[tuple[str, Unit]]) -> Principal:
    return demo_principal(
        user, tuple(Grant(role=role, unit_id=unit.id, unit_path=unit.path) for role, unit in grants)
    )


async def submit_demo_comments(
    session: AsyncSession,
    settings: Settings,
    consultation_id: int,
    articles: dict[str, int],
    submissions: list[tuple[Principal, str | None, str]],
    key_prefix: str,
) -> None:
    """Submit (citizen, article label or None, text) comments through the real service."""
    limiter, limits = MemoryRateLimiter(), comment_limits(settings)
    sensitive_words = load_sensitive_words(settings.sensitive_words_file)
    for number, (citizen, article, body) in enumerate(submissions, start=1):
        await comments.submit_comment(
            session,
            principal=citizen,
            consultation_id=consultation_id,
            body=body,
            article_id=articles[article] if article else None,
            idempotency_key=f"{key_prefix}-{number}",
            limiter=limiter,
            limits=limits,
            sensitive_words=sensitive_words,
        )


async def _article_ids(session: AsyncSession, version_id: int) -> dict[str, int]:
    rows = await session.execute(
        select(Article.label, Article.id).where(Article.draft_version_id == version_id)
    )
    return {label: article_id for label, article_id in rows}


async def load(session: AsyncSession, settings: Settings | None = None) -> int:
    """Load the demo data set unless it is already there; the caller commits."""
    settings = settings or get_settings()
    if await session.scalar(select(Unit.id).where(Unit.code == PROVINCE)) is not None:
        print("demo data already loaded")
        return 0

    units: dict[str, Unit] = {}
    for name, code, region, parent in UNITS:
        units[code] = await accounts.create_unit(
            session, name=name, code=code, region_code=region, parent_code=parent
        )

    staff: dict[str, Principal] = {}
    for username, display_name, role, unit_code in STAFF:
        user = await accounts.create_staff_user(
            session, username=username, password=DEMO_PASSWORD, display_name=display_name
        )
        await accounts.grant_role(session, user_id=user.id, unit_code=unit_code, role=role)
        staff[username] = _staff_principal(user, [(role, units[unit_code])])

    calendar = service.holiday_calendar(settings.calendar_file)
    today = service.today_in(settings.timezone)
    drafter, reviewer, approver = staff["drafter"], staff["reviewer"], staff["approver"]

    # 1. The homestead measures: created, imported, reviewed twice, published with the default period.
    homestead = await service.create_consultation(
        session,
        principal=drafter,
        unit_id=units[CITY].id,
        title=HOMESTEAD_TITLE,
        kind=Kind.MAJOR_DECISION,
        summary=HOMESTEAD_SUMMARY,
        explanation=HOMESTEAD_EXPLANATION,
        basis=HOMESTEAD_BASIS,
        offline_channels=HOMESTEAD_OFFLINE_CHANNELS,
    )
    version = await service.import_draft(
        session,
        principal=drafter,
        consultation_id=homestead.id,
        text=HOMESTEAD_DRAFT,
        filename="宅基地管理办法.txt",
    )
    await service.submit_for_review(session, principal=drafter, consultation_id=homestead.id)
    await service.record_review(
        session,
        principal=reviewer,
        consultation_id=homestead.id,
        kind=ReviewKind.LEGALITY,
        reviewer="杭州市司法局 合法性审查处",
        reviewed_on=today - timedelta(days=2),
        passed=True,
        notes="经审查，征求意见稿未发现与上位法相抵触的内容。建议第十二条出租期限表述与民事法律保持一致。",
    )
    await service.record_review(
        session,
        principal=reviewer,
        consultation_id=homestead.id,
        kind=ReviewKind.SECRECY,
        reviewer="市局保密工作领导小组办公室 李建国",
        reviewed_on=today - timedelta(days=1),
        passed=True,
        notes="不涉及国家秘密和工作秘密，可以公开。",
    )
    await service.publish_consultation(
        session,
        principal=approver,
        consultation_id=homestead.id,
        closing_date=None,
        channels=HOMESTEAD_CHANNELS,
        calendar=calendar,
        tz=settings.timezone,
    )

    # Citizens, verified as if they had entered the code sent to them.
    citizens: list[Principal] = []
    for display_name, contact in CITIZENS:
        user = await accounts.register_citizen(
            session, contact=contact, password=DEMO_PASSWORD, display_name=display_name, settings=settings
        )
        user.verified_at = utcnow()
        citizens.append(demo_principal(user))

    articles = await _article_ids(session, version.id)
    limits = comment_limits(settings)
    sensitive_words = load_sensitive_words(settings.sensitive_words_file)
    submissions = [(citizens[i % len(citizens)], article, body) for i, (article, body) in enumerate(OPINIONS)]
    submissions += [
        (citizens[i], "第六条", body) for i, body in zip(FORM_LETTER_SIGNERS, FORM_LETTERS, strict=True)
    ]
    await submit_demo_comments(session, settings, homestead.id, articles, submissions, "demo")
    for number, offline in enumerate(OFFLINE_COMMENTS, start=1):
        days_ago = offline.postmarked_days_ago
        await comments.record_offline_comment(
            session,
            principal=drafter,
            consultation_id=homestead.id,
            channel=offline.channel,
            body=offline.body,
            article_id=articles[offline.article] if offline.article else None,
            submitter_name=offline.submitter_name,
            submitter_contact=offline.submitter_contact,
            submitter_type=offline.submitter_type,
            postmarked_on=today - timedelta(days=days_ago) if days_ago is not None else None,
            received_on=today,
            idempotency_key=f"demo-offline-{number}",
            limits=limits,
            sensitive_words=sensitive_words,
        )

    # 2. A county normative document, still being drafted (outline structure).
    county = await service.create_consultation(
        session,
        principal=drafter,
        unit_id=units[COUNTY].id,
        title=COUNTY_TITLE,
        kind=Kind.NORMATIVE_DOCUMENT,
        summary=COUNTY_SUMMARY,
        offline_channels="信函寄至淳安县自然资源和规划局（演示地址），以邮戳日期为准。",
    )
    await service.import_draft(session, principal=drafter, consultation_id=county.id, text=COUNTY_DRAFT)

    # 3. A city regulation in review: legality review passed, secrecy review still outstanding.
    underground = await service.create_consultation(
        session,
        principal=drafter,
        unit_id=units[CITY].id,
        title=UNDERGROUND_TITLE,
        kind=Kind.REGULATION,
        summary=UNDERGROUND_SUMMARY,
        basis="《中华人民共和国城乡规划法》《中华人民共和国民法典》物权编关于建设用地使用权分层设立的规定；《规章制定程序条例》。",
        business_related=True,
    )
    await service.import_draft(
        session, principal=drafter, consultation_id=underground.id, text=UNDERGROUND_DRAFT
    )
    await service.submit_for_review(session, principal=drafter, consultation_id=underground.id)
    await service.record_review(
        session,
        principal=reviewer,
        consultation_id=underground.id,
        kind=ReviewKind.LEGALITY,
        reviewer="杭州市司法局 立法二处",
        reviewed_on=today,
        passed=True,
    )

    await session.flush()
    opened = await session.get_one(Consultation, homestead.id)
    offline_count = len(OFFLINE_COMMENTS)
    print(
        f"""demo data loaded
  units:          {", ".join(f"{name} ({code})" for name, code, _, _ in UNITS)}
  staff accounts: {", ".join(username for username, *_ in STAFF)} — password {DEMO_PASSWORD}
  citizen login:  {CITIZENS[0][1]} / {DEMO_PASSWORD} ({len(CITIZENS)} demo citizens, all verified)
  consultations:  #{homestead.id} {HOMESTEAD_TITLE} — open until {opened.closing_date} 24:00, \
{len(submissions)} online + {offline_count} offline comments
                  #{county.id} {COUNTY_TITLE} — draft
                  #{underground.id} {UNDERGROUND_TITLE} — in review
  GraphQL:        {GRAPHQL_URL} (start the server with `canyu serve`)"""
    )
    return 0
