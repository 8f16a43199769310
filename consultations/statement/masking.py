"""Find and mask personal data in text that the statement quotes (rules H, PIPL §25).

Covered: mainland mobile numbers (+86, spaces, dashes), landlines (0571-8888 8888), numbers written after
电话/手机/QQ…, 18- and 15-digit ID-card numbers, emails, street and village addresses, flat numbers, and
personal names where a cue gives them away ("我是张三", "村民李四", "联系人：王五", "张三（签名）",
signature lines). Names become 张* (surname kept); everything else becomes *.

When in doubt we mask: a masked word in a published statement is a small loss, a leaked phone number is
not. Matching runs on a width-folded copy of the text (full-width digits and letters mapped 1:1 to ASCII)
so offsets stay valid and "１３８…" is caught like "138…".
"""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

ID_CARD = "id_card"
MOBILE = "mobile"
LANDLINE = "landline"
CONTACT_NUMBER = "contact_number"
EMAIL = "email"
ADDRESS = "address"
NAME = "name"

EXCERPT_CONTEXT = 12


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and a masked excerpt around it (never the raw value)."""

    kind: str
    excerpt: str
    start: int
    source: str = ""  # where it was found (a rendering's format, when scanning renderings)


@dataclass(frozen=True)
class KnownNames:
    """Submitters' names to mask wherever they appear, prepared once for many texts."""

    names: frozenset[str]
    lengths: tuple[int, ...]  # longest first, so 欧阳小明 wins over 欧阳
    # The first characters of the names, as a character class: only positions it finds are tried.
    starts: "re.Pattern[str] | None" = None

    @classmethod
    def of(cls, names: Iterable[str]) -> "KnownNames":
        # Only Han names of two or more characters: a one-character "name" would mask half the text.
        kept = frozenset(name for name in names if len(name) >= 2 and all(_HAN_RE.match(c) for c in name))
        firsts = "".join(sorted({name[0] for name in kept}))
        starts = re.compile(f"[{firsts}]") if firsts else None
        return cls(kept, tuple(sorted({len(name) for name in kept}, reverse=True)), starts)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str
    replacement: str


# Full-width ASCII (U+FF01–FF5E) and the ideographic space fold onto ASCII, one character for one.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_HAN = "\u4e00-\u9fff"
_NUM = "[0-9一二三四五六七八九十百零〇两]+"
_NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = "(?![0-9A-Za-z])"

_ID_CARD_RE = re.compile(
    _NOT_ALNUM_BEFORE
    + r"(?:[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx]"
    + r"|\d{17}[0-9Xx]|[1-9]\d{14})"  # any 18 (invalid dates too) or 15 digits: mask rather than leak
    + _NOT_ALNUM_AFTER,
    re.ASCII,
)
_MOBILE_RE = re.compile(
    _NOT_ALNUM_BEFORE + r"(?:[(（]?(?:\+|00)?86[)）]?[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}" + _NOT_ALNUM_AFTER,
    re.ASCII,
)
_LANDLINE_RE = re.compile(
    _NOT_ALNUM_BEFORE
    + r"(?:[(（]0\d{2,3}[)）]|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?:[ -]?(?:转|ext\.?|-)[ -]?\d{1,5})?"
    + _NOT_ALNUM_AFTER,
    re.ASCII,
)
# Any number written after a contact word, whatever its shape (short local numbers, QQ, WeChat ids).
_CONTACT_NUMBER_RE = re.compile(
    r"(?:电话|手机|手机号|联系方式|座机|号码|微信号?|QQ|qq|[Tt]el|TEL)[ \t]*(?:号码|号)?[ \t]*[:：]?[ \t]*"
    r"(?P<value>[0-9A-Za-z][0-9A-Za-z_ \-]{4,}[0-9A-Za-z])"
)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")

_ROAD_ADDRESS_RE = re.compile(
    rf"[{_HAN}A-Za-z0-9]{{0,8}}?(?:大道|大街|路|街|巷|弄|胡同|里)[ \t]*{_NUM}(?:[-之]{_NUM})?[ \t]*号院?"
    rf"(?:[ \t]*{_NUM}[ \t]*(?:号楼|幢|栋|座|单元|层|楼|室|户))*"
)
_VILLAGE_ADDRESS_RE = re.compile(
    rf"[{_HAN}]{{1,6}}?村(?:{_NUM}(?:组|社|队)(?:[ \t]*{_NUM}[ \t]*号)?|[ \t]*{_NUM}[ \t]*号)"
)
_ADDRESS_LEAD_IN_RE = re.compile(rf"[{_HAN}]*?(?:家住|住在|居住在|位于|地址是|地址为|住址是|住址为|在)")
_FLAT_RE = re.compile(
    rf"{_NUM}[ \t]*(?:号楼|幢|栋|座)[ \t]*(?:{_NUM}[ \t]*单元[ \t]*)?{_NUM}[ \t]*(?:室|户)"
    rf"|{_NUM}[ \t]*单元[ \t]*{_NUM}[ \t]*室"
)

# ---- names -------------------------------------------------------------------------------------------
_COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 西门 南宫 独孤 呼延 "
    "万俟 闻人 澹台 申屠 太史 钟离 赫连 公冶 宗政 濮阳 单于 司空 百里"
).split()
_SINGLE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项"
    "连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞"
    "敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花"
    "权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母"
    "裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸"
    "奉植衡富尧闭由"
)
_SURNAME = "(?:" + "|".join(_COMPOUND_SURNAMES) + f"|[{_SINGLE_SURNAMES}])"
_NAME = rf"{_SURNAME}[{_HAN}]{{1,2}}"

# A given name does not start with these, and its second character is not one of the wider set (so
# "村民王五建议" masks 王五, not 王五建).
_FIRST_GIVEN_STOP = frozenset(
    "的了是在今现住自从对说认也都就要将把被向请希等们这那为因所但而并及与或您你我他她它"
)
_SECOND_GIVEN_STOP = _FIRST_GIVEN_STOP | frozenset("和同跟讲称表反提建指家村镇市区县省先女老")
# Words that follow 村民/我是/本人… but are not names although they start with a surname character.
_NOT_NAMES = frozenset(
    (
        "强烈 合法 合理 安置 安全 和谐 生活 利益 自治 代表 小组 大会 委员 集体 普遍 关于 关心 关注 希望 建议 "
        "要求 反映 提出 同意 支持 反对 表示 家庭 住房 宅基 房屋 权益 用地 文化 公共 方便 平等 信息 应当 应该 "
        "可以 能够 需要 农民 党员 司机 房东 学生 医生 公务 商户 老师 和平 明确 全体 全部 全家 多数 普通 一般 "
        "谢谢 敬礼 此致 致敬 祝好 顺祝 平安 安好 盼复 望复 感谢 万分 康安 申请 单位 时间 国家 政府 华侨 常年 "
        "长期 长年 车辆 成员 成为 经营 居住 户口 户籍 乡亲 邻居 于此 于是 向来 原来 原先 原本 晋升 查询 查阅 "
        "高度 高兴 由于 宁愿 都是 都有 伍家 任何 任意 江边 路边 海边 金额 石头 应该 应有 单独 师傅 东方 东西"
    ).split()
)
_STRONG_NAME_CUES = (
    "我是|我叫|我名叫|本人是|本人叫|本人名叫|联系人|姓名|签名|署名|落款|申请人|反映人|来信人|投诉人|举报人"
    "|写信人|留言人|建议人|具名人|经办人"
)
_ROLE_NAME_CUES = "村民|居民|市民|业主|户主|农户|网民|群众|本人|党员|老党员"
_CUED_NAME_RE = re.compile(
    rf"(?:(?:{_STRONG_NAME_CUES})[ \t]*[:：]?|(?:{_ROLE_NAME_CUES}))[ \t]*(?P<name>{_NAME})"
)
_SIGNED_NAME_RE = re.compile(rf"(?P<name>{_NAME})(?=[ \t]*[（(](?:签名|签字|署名|手签|本人签字)[）)])")
_DATE = r"\d{4}[年./\-]\d{1,2}[月./\-]\d{1,2}日?"
_SIGNATURE_LINE_RE = re.compile(
    rf"^[ \t]*(?P<dash>——|—|--|－－|-)?[ \t]*(?P<name>{_NAME})[ \t]*(?P<closing>敬上|谨上|敬呈|拜上)?"
    rf"[ \t]*(?P<date>{_DATE})?[ \t]*$",
    re.MULTILINE,
)
_DATE_LINE_RE = re.compile(rf"^[ \t]*{_DATE}[ \t]*$")
_SALUTATION_LINE_RE = re.compile(r"^[ \t]*(?:此致|敬礼|此致敬礼|此致，敬礼|顺颂.*|祝.{0,6})[ \t!！。]*$")

_HAN_RE = re.compile(rf"[{_HAN}]")
_DIGIT_RE = re.compile(r"[0-9]")  # ID-card, mobile and landline numbers all contain ASCII digits (folded)
_NO_NAMES = KnownNames(frozenset(), ())
_SURNAME_PREFIX_RE = re.compile(_SURNAME)


def mask_name(name: str) -> str:
    """Mask a personal name: 张三 → 张*, 欧阳修 → 欧阳*, Zhang San → Z********."""
    name = name.strip()
    if not name:
        return name
    match = _SURNAME_PREFIX_RE.match(name) if _HAN_RE.match(name) else None
    kept = match.group(0) if match and len(name) > len(match.group(0)) else name[:1]
    return kept + "*" * (len(name) - len(kept))


def mask_personal_data(
    text: str,
    *,
    known_names: KnownNames | Collection[str] = (),
    trusted: Iterable[str] = (),
) -> str:
    """Mask every piece of personal data found in text.

    known_names: names known to belong to submitters (offline letters carry one), masked wherever they
    appear; pass a KnownNames when masking many texts with the same list.
    trusted: published official texts (the unit's contact details, URLs); a phone, email or address
    that appears verbatim in one of them is the office's own and is kept. Names are never trusted.
    """
    if not text:
        return text
    names = known_names if isinstance(known_names, KnownNames) else KnownNames.of(known_names)
    hits = _detect(text, known_names=names, trusted=tuple(trusted), heuristics=True)
    return _apply(text, hits)


def find_personal_data(
    text: str,
    *,
    trusted: Iterable[str] = (),
    heuristics: bool = True,
) -> list[Finding]:
    """List the personal data in text, each with a masked excerpt.

    heuristics=False leaves out the one guess that only makes sense inside a single comment (a bare name
    on the last line of a letter); the publishing scan uses it on whole rendered documents.
    """
    if not text:
        return []
    hits = _detect(text, known_names=_NO_NAMES, trusted=tuple(trusted), heuristics=heuristics)
    if not hits:
        return []
    masked = _apply(text, hits)
    findings = []
    shift = 0  # masked and original texts differ in length only where a replacement differs
    for hit in hits:
        start = hit.start + shift
        end = start + len(hit.replacement)
        excerpt = masked[max(0, start - EXCERPT_CONTEXT) : end + EXCERPT_CONTEXT].replace("\n", " ")
        findings.append(Finding(kind=hit.kind, excerpt=excerpt, start=hit.start))
        shift += len(hit.replacement) - (hit.end - hit.start)
    return findings


# ---- detection -----------------------------------------------------------------------------------------


def _detect(text: str, *, known_names: KnownNames, trusted: tuple[str, ...], heuristics: bool) -> list[_Hit]:
    folded = text.translate(_FOLD)
    candidates: list[_Hit] = []

    def add_masked(kind: str, start: int, end: int) -> None:
        if trusted and any(text[start:end] in official for official in trusted):
            return
        candidates.append(_Hit(start, end, kind, _star_alnum(text[start:end])))

    # Each pattern runs only when the text holds a character that every match of it must contain (a
    # digit, "0", "@", 号, 村, 室/户): a substring test is far cheaper than a regex scan, and skipping a
    # pattern that cannot match changes nothing.
    has_digit = _DIGIT_RE.search(folded) is not None
    if has_digit:
        for match in _ID_CARD_RE.finditer(folded):
            add_masked(ID_CARD, *match.span())
        for match in _MOBILE_RE.finditer(folded):
            add_masked(MOBILE, *match.span())
        if "0" in folded:
            for match in _LANDLINE_RE.finditer(folded):
                add_masked(LANDLINE, *match.span())
    for match in _CONTACT_NUMBER_RE.finditer(folded):
        add_masked(CONTACT_NUMBER, *match.span("value"))
    if "@" in folded:
        for match in _EMAIL_RE.finditer(folded):
            add_masked(EMAIL, *match.span())
    for pattern, needed in ((_ROAD_ADDRESS_RE, "号"), (_VILLAGE_ADDRESS_RE, "村"), (_FLAT_RE, "室户")):
        if not any(char in folded for char in needed):
            continue
        for match in pattern.finditer(folded):
            start, end = match.span()
            # The lazy place-name prefix may have taken words like 家住/位于: keep them readable.
            lead_in = _ADDRESS_LEAD_IN_RE.match(folded, start, end)
            if lead_in:
                start = lead_in.end()
            if not (trusted and any(text[start:end] in official for official in trusted)):
                candidates.append(_Hit(start, end, ADDRESS, "***"))

    candidates.extend(_name_hits(folded, heuristics=heuristics))
    if known_names.names:
        candidates.extend(_known_name_hits(text, known_names))
    return _without_overlaps(candidates)


def _name_hits(folded: str, *, heuristics: bool) -> Iterable[_Hit]:
    # A signed name needs 签 or 署 in the text (签名, 签字, 署名, 手签): skip the costly scan otherwise.
    patterns = (_CUED_NAME_RE, _SIGNED_NAME_RE) if ("签" in folded or "署" in folded) else (_CUED_NAME_RE,)
    for pattern in patterns:
        for cued in pattern.finditer(folded):
            hit = _name_hit(folded, cued.start("name"), cued.end("name"))
            if hit:
                yield hit
    lines = folded.split("\n")
    offsets = _line_offsets(lines)
    non_empty = [index for index, line in enumerate(lines) if line.strip()]
    for position, index in enumerate(non_empty):
        match = _SIGNATURE_LINE_RE.match(lines[index])
        if not match:
            continue
        previous_line = lines[non_empty[position - 1]] if position > 0 else ""
        next_line = lines[non_empty[position + 1]] if position + 1 < len(non_empty) else ""
        strong_cue = bool(
            match.group("dash")
            or match.group("closing")
            or match.group("date")
            or _SALUTATION_LINE_RE.match(previous_line)
            or _DATE_LINE_RE.match(next_line)
        )
        # A bare name closing a multi-line letter: a guess, so only when masking one comment.
        last_line_of_letter = heuristics and position == len(non_empty) - 1 and len(non_empty) > 1
        if strong_cue or last_line_of_letter:
            start = offsets[index] + match.start("name")
            hit = _name_hit(folded, start, offsets[index] + match.end("name"))
            if hit:
                yield hit


def _name_hit(folded: str, start: int, end: int) -> _Hit | None:
    """Turn a candidate name span into a hit, trimming words that follow a name and skipping non-names."""
    candidate = folded[start:end]
    surname = _SURNAME_PREFIX_RE.match(candidate)
    if not surname:
        return None
    given = candidate[surname.end() :]
    if not given or given[0] in _FIRST_GIVEN_STOP or candidate[:2] in _NOT_NAMES:
        return None
    if len(given) > 1 and given[1] in _SECOND_GIVEN_STOP:
        given = given[:1]
    length = surname.end() + len(given)
    return _Hit(start, start + length, NAME, mask_name(folded[start : start + length]))


def _known_name_hits(text: str, known: KnownNames) -> Iterable[_Hit]:
    # Left to right, longest name first at each position, resuming after a hit: the same hits as trying
    # every position, but positions whose character starts no name are skipped by a regex search.
    position = 0
    while position < len(text):
        if known.starts is not None:
            found = known.starts.search(text, position)
            if found is None:
                return
            position = found.start()
        for length in known.lengths:
            if text[position : position + length] in known.names:
                yield _Hit(position, position + length, NAME, mask_name(text[position : position + length]))
                position += length
                break
        else:
            position += 1


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Keep the earliest, then longest, of overlapping hits."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if kept and hit.start < kept[-1].end:
            if hit.end > kept[-1].end:  # overlapping tails are masked too: extend the kept hit
                previous = kept[-1]
                kept[-1] = _Hit(previous.start, hit.end, previous.kind, previous.replacement + "*")
            continue
        kept.append(hit)
    return kept


def _apply(text: str, hits: list[_Hit]) -> str:
    parts = []
    position = 0
    for hit in hits:
        parts.append(text[position : hit.start])
        parts.append(hit.replacement)
        position = hit.end
    parts.append(text[position:])
    return "".join(parts)


def _star_alnum(value: str) -> str:
    folded = value.translate(_FOLD)
    return "".join("*" if char.isascii() and char.isalnum() else char for char in folded)


def _line_offsets(lines: list[str]) -> list[int]:
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    return offsets
