"""Content of plans and reports: task frameworks (as table grids or as numbered paragraphs with
labelled fields), targets (in prose, in lists, in indicator-by-year tables) and score statements of a
plan to raise the index, with the field-sum fault planted in some instances.

Every value here is the truth: the renderers print these items, the truth file records them. The
wordings follow those of published commune plans and reports (our own text, not copied).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from corpusgen.grid import Cell, Grid, GridRow
from corpusgen.scores import Criterion, Fault
from normalize.numbers import format_vn

# A commune index's fields and criteria (code, name, max) in the shape provincial sets give them:
# the generator's own catalogue, so plans cite codes and points that add up.
INDEX_FIELDS = (
    (
        "1",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        (
            ("Kế hoạch cải cách hành chính", 2.0),
            ("Thực hiện chế độ báo cáo định kỳ", 1.0),
            ("Công tác kiểm tra cải cách hành chính", 2.0),
            ("Công tác tuyên truyền cải cách hành chính", 2.0),
            ("Sáng kiến hoặc giải pháp mới trong cải cách hành chính", 1.0),
            ("Thực hiện các nhiệm vụ được cấp trên giao", 2.0),
        ),
    ),
    (
        "2",
        "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
        (
            ("Theo dõi thi hành pháp luật", 2.5),
            ("Công bố văn bản hết hiệu lực, ngưng hiệu lực", 0.5),
            ("Kiểm tra, rà soát văn bản quy phạm pháp luật", 1.0),
            ("Báo cáo kết quả rà soát văn bản", 0.5),
        ),
    ),
    (
        "3",
        "Cải cách thủ tục hành chính",
        (
            ("Công khai thủ tục hành chính và kết quả giải quyết hồ sơ", 2.0),
            ("Thực hiện cơ chế một cửa, một cửa liên thông", 3.0),
            ("Kết quả giải quyết hồ sơ thủ tục hành chính", 4.0),
            ("Tiếp nhận, xử lý phản ánh, kiến nghị", 2.0),
            ("Số hóa hồ sơ, kết quả giải quyết", 3.0),
        ),
    ),
    (
        "4",
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        (
            ("Thực hiện quy định về tổ chức bộ máy", 2.0),
            ("Thực hiện quy chế làm việc", 1.5),
            ("Bố trí người hoạt động không chuyên trách", 1.5),
        ),
    ),
    (
        "5",
        "Cải cách chế độ công vụ",
        (
            ("Bố trí cán bộ, công chức theo vị trí việc làm", 2.0),
            ("Đào tạo, bồi dưỡng cán bộ, công chức", 2.0),
            ("Chấp hành kỷ luật, kỷ cương hành chính", 2.0),
            ("Đánh giá, xếp loại cán bộ, công chức", 1.0),
        ),
    ),
    (
        "6",
        "Cải cách tài chính công",
        (
            ("Quy chế chi tiêu nội bộ", 1.0),
            ("Công khai ngân sách", 1.5),
            ("Quản lý, sử dụng tài sản công", 1.5),
        ),
    ),
    (
        "7",
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        (
            ("Trang thông tin điện tử", 1.5),
            ("Văn bản điện tử có ký số", 2.0),
            ("Dịch vụ công trực tuyến", 3.0),
            ("Thanh toán trực tuyến", 1.5),
            ("Hệ thống quản lý chất lượng ISO", 1.0),
        ),
    ),
)


def index_criteria() -> list[Criterion]:
    out: list[Criterion] = []
    for code, name, crits in INDEX_FIELDS:
        out.append(Criterion(code, None, name, round(sum(m for _, m in crits), 2)))
        out += [Criterion(f"{code}.{k}", code, n, m) for k, (n, m) in enumerate(crits, start=1)]
    return out


# ---------------------------------------------------------------------------------- task rows

# Section titles of a task framework (the fields of the index), with tasks each could hold.
SECTIONS = (
    (
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        (
            "Xây dựng, ban hành Kế hoạch cải cách hành chính năm {year}",
            "Ban hành Kế hoạch kiểm tra công tác cải cách hành chính",
            "Xây dựng Kế hoạch tuyên truyền cải cách hành chính",
            "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính",
            "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
            "Đăng ký và triển khai sáng kiến, giải pháp mới trong cải cách hành chính",
        ),
    ),
    (
        "Cải cách thể chế",
        (
            "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
            "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã",
            "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực",
            "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ và nhân dân",
        ),
    ),
    (
        "Cải cách thủ tục hành chính",
        (
            "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa",
            "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức",
            "Rà soát, đề xuất đơn giản hóa thủ tục hành chính",
        ),
    ),
    (
        "Cải cách tổ chức bộ máy hành chính nhà nước",
        (
            "Rà soát chức năng, nhiệm vụ của các bộ phận chuyên môn",
            "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn",
            "Thực hiện quy chế làm việc của UBND xã",
        ),
    ),
    (
        "Cải cách chế độ công vụ",
        (
            "Đánh giá, xếp loại cán bộ, công chức cuối năm",
            "Cử cán bộ, công chức tham gia đào tạo, bồi dưỡng",
            "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
        ),
    ),
    (
        "Cải cách tài chính công",
        (
            "Xây dựng Quy chế chi tiêu nội bộ năm {year}",
            "Công khai dự toán, quyết toán ngân sách xã",
            "Quản lý, sử dụng tài sản công đúng quy định",
        ),
    ),
    (
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        (
            "Duy trì Trang thông tin điện tử của xã",
            "Gửi, nhận văn bản điện tử có ký số qua hệ thống quản lý văn bản",
            "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính",
            "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
        ),
    ),
)
PRODUCTS = (
    "Kế hoạch",
    "Báo cáo",
    "Quyết định",
    "Thông báo",
    "Biên bản kiểm tra",
    "Văn bản chỉ đạo",
    "Danh mục công bố",
    "Hồ sơ lưu trữ",
    "Kết quả giải quyết",
    "Trang thông tin được cập nhật",
)
LEADS = (
    "Văn phòng - Thống kê",
    "Công chức Tư pháp - Hộ tịch",
    "Bộ phận Một cửa",
    "Công chức Văn hóa - Xã hội",
    "Công chức Tài chính - Kế toán",
    "Công chức Địa chính - Xây dựng",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Văn phòng HĐND và UBND",
    "Công an xã",
)
COORDINATORS = (
    "Các bộ phận chuyên môn",
    "Các ngành liên quan",
    "Các đoàn thể",
    "Ban Chỉ đạo CCHC xã",
    "UBMTTQ Việt Nam xã",
    "Các thôn, tổ dân phố",
)
FOOTNOTES = ("(*)", "(1)", "*", "¹")


def deadline(rng: random.Random, year: int) -> str:
    month = rng.randint(1, 12)
    return rng.choice(
        (
            f"Tháng {month:02d}/{year}",
            f"Quý {rng.choice(('I', 'II', 'III', 'IV'))}/{year}",
            f"Trước ngày {rng.randint(1, 28):02d}/{month:02d}/{year}",
            "Thường xuyên",
            f"Cả năm {year}",
            f"{rng.randint(1, 28):02d}/{month:02d}/{year}",
        )
    )


@dataclass(frozen=True)
class TaskRow:
    section: str  # the section's code as printed ("I", "1")
    section_title: str
    code: str
    task: str
    product: str
    deadline: str
    lead: str
    coordinator: str
    criterion_code: str | None
    lead_note: str = ""  # a footnote marker printed after the lead unit (not part of its name)

    def truth(self) -> dict:
        return {
            "section": self.section,
            "code": self.code,
            "task": self.task,
            "product": self.product,
            "deadline": self.deadline,
            "lead": self.lead,
            "coordinator": self.coordinator,
            "criterion_code": self.criterion_code,
        }


def _field_codes(criteria: list[Criterion]) -> dict[str, list[str]]:
    """Criterion codes of each arabic top-level field of the set ("1" → ["1.1", "1.2", ...])."""
    tops = [c.code for c in criteria if c.parent is None and c.code.isdigit()]
    return {t: [c.code for c in criteria if c.parent == t] for t in tops}


def task_rows(
    rng: random.Random, year: int, criteria: list[Criterion], *, sections: str = "roman", notes: bool = False
) -> list[TaskRow]:
    """Three to five sections of two to four tasks each; ``sections`` "roman" numbers them I, II, ...
    and the tasks 1, 2, ... across the table; "arabic" numbers them 1, 2 and the tasks 1.1, 1.2."""
    fields = _field_codes(criteria)
    picked = sorted(rng.sample(range(len(SECTIONS)), rng.randint(3, 5)))
    rows: list[TaskRow] = []
    n = 0
    for k, i in enumerate(picked, start=1):
        title, tasks = SECTIONS[i]
        sec = ("I", "II", "III", "IV", "V", "VI", "VII")[k - 1] if sections == "roman" else str(k)
        codes = fields.get(str(i + 1)) or []
        for j, task in enumerate(rng.sample(tasks, rng.randint(2, min(4, len(tasks)))), start=1):
            n += 1
            lead = rng.choice(LEADS)
            coord = ", ".join(rng.sample([c for c in COORDINATORS], rng.randint(1, 2)))
            rows.append(
                TaskRow(
                    sec,
                    title,
                    str(n) if sections == "roman" else f"{k}.{j}",
                    task.format(year=year),
                    f"{rng.choice(PRODUCTS)}",
                    deadline(rng, year),
                    lead,
                    coord,
                    rng.choice(codes) if codes else None,
                    rng.choice(FOOTNOTES) if notes and rng.random() < 0.3 else "",
                )
            )
    return rows


# Header words of each task column, in the wordings plans use; "content" headers that name no
# field are mapped by what the column holds.
TASK_HEADERS = {
    "code": ("TT", "STT", "Số TT"),
    "criterion_code": ("TC", "Mã tiêu chí", "Tiêu chí", "Chỉ số"),
    "task": ("Nhiệm vụ", "Nội dung công việc", "Nội dung nhiệm vụ", "Tên nhiệm vụ"),
    "product": ("Sản phẩm", "Kết quả, sản phẩm", "Sản phẩm đầu ra", "Hình thức sản phẩm"),
    "deadline": ("Thời gian hoàn thành", "Thời hạn", "Tiến độ thực hiện", "Lộ trình"),
    "lead": ("Đơn vị chủ trì", "Chủ trì", "Bộ phận chủ trì", "Đầu mối thực hiện"),
    "coordinator": ("Đơn vị phối hợp", "Phối hợp", "Bộ phận phối hợp", "Cơ quan phối hợp"),
}
TASK_WIDTHS = {"code": 1.0, "criterion_code": 1.4, "task": 6.5, "product": 3.2, "deadline": 2.6, "lead": 3.0}


def task_grid(
    rows: list[TaskRow], columns: tuple[str, ...], labels: dict[str, str], heading: str, width_cm: float = 25.0
) -> Grid:
    """The framework as a grid; ``heading`` says how a section row prints: "code" (numeral in the TT
    cell, title spanning the rest) or "merged" ("I. TITLE" in one cell across the table)."""
    out = [GridRow(tuple(Cell(labels[c], 1, None, True, "center") for c in columns), "header")]
    section = None
    n = len(columns)
    for r in rows:
        if r.section != section:
            section = r.section
            title = r.section_title.upper() if heading == "code" else r.section_title
            if heading == "code":
                out.append(GridRow((Cell(r.section, 1, None, True, "center"), Cell(title, n - 1, None, True))))
            else:
                out.append(GridRow((Cell(f"{r.section}. {title}", n, None, True),)))
        values = {
            "code": r.code,
            "criterion_code": r.criterion_code or "",
            "task": r.task,
            "product": r.product,
            "deadline": r.deadline,
            "lead": r.lead + r.lead_note,
            "coordinator": r.coordinator,
        }
        out.append(
            GridRow(tuple(Cell(values[c], 1, None, False, "center" if c == "code" else "left") for c in columns))
        )
    widths = [TASK_WIDTHS.get(c, 2.8) for c in columns]
    scale = min(1.0, width_cm / sum(widths))  # the grid fits the page (a cut column prints nothing)
    return Grid(tuple(round(w * scale, 2) for w in widths), tuple(out))


LABELS_OF = {
    "product": ("sản phẩm", "Sản phẩm", "kết quả, sản phẩm"),
    "deadline": ("thời gian", "thời gian hoàn thành", "thời hạn", "Thời gian thực hiện"),
    "lead": ("chủ trì", "đơn vị chủ trì", "Chủ trì thực hiện", "bộ phận chủ trì"),
    "coordinator": ("phối hợp", "đơn vị phối hợp", "Phối hợp thực hiện"),
}


def task_paragraph(r: TaskRow, rng: random.Random, style: str, bullet: str) -> str:
    """One task as a paragraph with labelled fields in a random order: "1.1. <task>; sản phẩm: …;
    thời gian: …; chủ trì: …" (style "semicolon"), "<task> (chủ trì: …; …)" ("paren") or "<task>.
    Chủ trì: …. Thời gian: …" ("sentences")."""
    keys = ["product", "deadline", "lead", "coordinator"]
    rng.shuffle(keys)
    values = {"product": r.product, "deadline": r.deadline, "lead": r.lead, "coordinator": r.coordinator}
    parts = [(rng.choice(LABELS_OF[k]), values[k]) for k in keys]
    if style == "paren":
        body = f"{r.task} (" + "; ".join(f"{a}: {b}" for a, b in parts) + ")."
    elif style == "sentences":
        body = f"{r.task}. " + " ".join(f"{a[:1].upper() + a[1:]}: {b}." for a, b in parts)
    else:
        body = f"{r.task}; " + "; ".join(f"{a}: {b}" for a, b in parts) + "."
    return f"{bullet} {body}"


# ---------------------------------------------------------------------------------- targets

# (indicator, unit, (low, high), better): "up" figures are floors (≥, >), "down" ones ceilings.
INDICATORS = (
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn", "%", (95, 100), "up"),
    ("Tỷ lệ hồ sơ nộp trực tuyến toàn trình", "%", (40, 90), "up"),
    ("Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã", "%", (85, 95), "up"),
    ("Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử", "%", (90, 100), "up"),
    ("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", "%", (60, 90), "up"),
    ("Tỷ lệ cán bộ, công chức đạt chuẩn theo quy định", "%", (90, 100), "up"),
    ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa", "%", (70, 95), "up"),
    ("Tỷ lệ thanh toán trực tuyến phí, lệ phí", "%", (30, 70), "up"),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn", "%", (1, 3), "down"),
    ("Tỷ lệ phản ánh, kiến nghị quá hạn xử lý", "%", (1, 5), "down"),
    ("Số sáng kiến, giải pháp cải cách hành chính được công nhận", "sáng kiến", (1, 3), "up"),
    ("Số cuộc kiểm tra công tác cải cách hành chính", "cuộc", (2, 4), "up"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", (8, 25), "up"),
)
# Comparator words as plans write them, by comparator; "" is a plain figure.
UP_WORDS = (("", "="), ("trên", ">"), ("không dưới", ">="), ("ít nhất", ">="), ("tối thiểu", ">="))
DOWN_WORDS = (("không quá", "<="), ("dưới", "<"), ("", "="))
# A comparator as a table's cell prints it before the figure ("≥ 60", "Trên 80", "60").
TARGET_CELL_WORDS = {"=": "", ">=": "≥ ", ">": "Trên ", "<=": "≤ ", "<": "Dưới "}


@dataclass(frozen=True)
class Target:
    indicator: str
    comparator: str
    value: float
    value_max: float | None
    unit: str
    year: int

    def truth(self) -> dict:
        return {
            "indicator": self.indicator,
            "comparator": self.comparator,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "year": self.year,
        }


def _amount(value: float, unit: str) -> str:
    """A figure as printed with its unit: "95%", "02 sáng kiến", "12,5 tỷ đồng"."""
    if unit == "%":
        return f"{format_vn(value)}%"
    text = f"{int(value):02d}" if unit != "tỷ đồng" and value < 10 else format_vn(value)
    return f"{text} {unit}"


def _value(rng: random.Random, lo: int, hi: int, unit: str) -> float:
    if unit == "%" and hi - lo > 5 and rng.random() < 0.7:
        return float(rng.randrange(lo, hi + 1, 5) if (hi - lo) >= 5 else rng.randint(lo, hi))
    if unit == "tỷ đồng":
        return round(rng.randint(lo * 2, hi * 2) / 2, 1)
    return float(rng.randint(lo, hi))


def _phrase(rng: random.Random, spec, year_words: str = "") -> tuple[str, Target | None, tuple]:
    """A figure with its comparator words: (text, comparator, value, value_max)."""
    _name, unit, (lo, hi), better = spec
    if unit == "%" and better == "up" and hi - lo >= 10 and rng.random() < 0.2:
        a = _value(rng, lo, hi - 5, unit)
        b = a + rng.choice((5.0, 10.0))
        text = rng.choice((f"từ {format_vn(a)}% đến {format_vn(b)}%", f"từ {format_vn(a)} - {format_vn(b)}%"))
        return text, None, (">=", a, b)
    words = UP_WORDS if better == "up" else DOWN_WORDS
    word, cmp = rng.choice(words)
    value = _value(rng, lo, hi, unit)
    if cmp == ">" and value >= 100:
        value = float(hi - 5)
    tail = ""
    if cmp == "=" and better == "up" and unit == "%" and rng.random() < 0.3:
        cmp, tail = ">=", " trở lên"
    return f"{word + ' ' if word else ''}{_amount(value, unit)}{tail}", None, (cmp, value, None)


def prose_targets(rng: random.Random, years: list[int], n: int, multi: bool) -> tuple[list[str], list[Target]]:
    """Target sentences: one figure each (its year the plan's: no year printed) or, with ``multi``,
    several years in one sentence ("đạt 60% vào năm 2026, 70% vào năm 2028 và trên 80% vào năm 2030")."""
    lines: list[str] = []
    out: list[Target] = []
    for spec in rng.sample(INDICATORS, n):
        name, unit = spec[0], spec[1]
        if multi and len(years) > 1:
            ys = sorted(rng.sample(years, min(len(years), rng.choice((2, 3)))))
            bits = []
            for y in ys:
                text, _, (cmp, v, vmax) = _phrase(rng, spec)
                out.append(Target(name, cmp, v, vmax, unit, y))
                bits.append((y, text))
            if rng.random() < 0.5:
                said = [f"{t} vào năm {y}" for y, t in bits]
                lines.append(f"{name} đạt " + ", ".join(said[:-1]) + f" và {said[-1]}.")
            else:
                said = [f"đến năm {y} đạt {t}" for y, t in bits]
                lines.append(f"{name}: " + "; ".join(said) + ".")
            continue
        text, _, (cmp, v, vmax) = _phrase(rng, spec)
        out.append(Target(name, cmp, v, vmax, unit, years[-1]))
        verb = rng.choice(("đạt", "phấn đấu đạt", "đạt tỷ lệ")) if unit == "%" else rng.choice(("đạt", "là"))
        lines.append(f"{name} {verb} {text}.")
    return lines, out


def table_targets(rng: random.Random, years: list[int], n: int, numbered: bool) -> tuple[Grid, list[Target]]:
    """Indicators by year: "TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | ..." with "≥ 60",
    "Trên 80", "60" in the cells; the unit in its own column."""
    specs = rng.sample(INDICATORS, n)
    head = ["TT", rng.choice(("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu")), rng.choice(("Đơn vị tính", "ĐVT"))]
    head += [f"Năm {y}" if rng.random() < 0.8 or not numbered else str(y) for y in years]
    rows = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in head), "header")]
    out: list[Target] = []
    for k, spec in enumerate(specs, start=1):
        name, unit, (lo, hi), better = spec
        cells = [Cell(str(k), 1, None, False, "center"), Cell(name), Cell(unit, 1, None, False, "center")]
        for y in years:
            cmp = rng.choice((">=", "=", ">") if better == "up" else ("<=", "=", "<"))
            v = _value(rng, lo, hi, unit)
            if cmp == ">" and v >= 100:
                v = float(hi - 5)
            out.append(Target(name, cmp, v, None, unit, y))
            cells.append(Cell(TARGET_CELL_WORDS[cmp] + format_vn(v), 1, None, False, "center"))
        rows.append(GridRow(tuple(cells)))
    widths = (1.0, 7.0, 2.0) + tuple(2.0 for _ in years)
    scale = min(1.0, 16.0 / sum(widths))  # fits a portrait page
    return Grid(tuple(round(w * scale, 2) for w in widths), tuple(rows)), out


# ---------------------------------------------------------------------------------- score statements


@dataclass(frozen=True)
class Statement:
    kind: str  # field | criterion
    code: str
    name: str
    points: float
    max_points: float

    def truth(self) -> dict:
        return {"kind": self.kind, "code": self.code, "points": self.points, "max_points": self.max_points}


def _pts(value: float) -> str:
    return format_vn(value)


def statements(
    rng: random.Random, criteria: list[Criterion], fault: bool
) -> tuple[list[tuple[Statement, str]], list[Fault]]:
    """Each of two to four fields with all its criteria: the field line ("Lĩnh vực 2 – Cải cách thủ
    tục hành chính: đạt 12,5/14 điểm") and one line per criterion in the wordings plans use (full
    score, "không đạt điểm (0/2)", "+ Tiêu chí 2.1 …: 1,5/2 điểm"); in a faulty instance one field
    states points its criteria do not add up to."""
    fields = [c for c in criteria if c.parent is None and c.code.isdigit()]
    kids = {f.code: [c for c in criteria if c.parent == f.code] for f in fields}
    fields = [f for f in fields if 2 <= len(kids[f.code]) <= 9 and all(k.max_points for k in kids[f.code])]
    chosen = sorted(rng.sample(fields, min(len(fields), rng.randint(2, 4))), key=lambda f: int(f.code))
    wrong = rng.randrange(len(chosen)) if fault and chosen else -1
    out: list[tuple[Statement, str]] = []
    faults: list[Fault] = []
    field_style = rng.choice(("dash", "colon", "letter"))
    crit_style = rng.choice(("plus", "dash", "plain"))
    for i, f in enumerate(chosen):
        crits = []
        for c in kids[f.code]:
            roll = rng.random()
            mx = c.max_points
            if roll < 0.25:
                pts = mx
            elif roll < 0.4:
                pts = 0.0
            else:
                pts = round(rng.randint(1, max(1, int(mx * 4) - 1)) / 4, 2)
            crits.append(Statement("criterion", c.code, c.name, pts, mx))
        total = round(sum(s.points for s in crits), 2)
        fmax = round(sum(s.max_points for s in crits), 2)
        stated = total
        if i == wrong:
            stated = round(total + rng.choice((-1.0, -0.5, 0.5, 1.0)), 2)
            stated = stated if 0 <= stated <= fmax else round(total - 0.5, 2)
            note = f"field {f.code} states {_pts(stated)} but its criteria add to {_pts(total)}"
            faults.append(Fault("statement_sum", "statements", f.code, "points", note))
        score = f"{_pts(stated)}/{_pts(fmax)} điểm"
        head = {
            "dash": f"Lĩnh vực {f.code} – {f.name}: đạt {score}",
            "colon": f"Lĩnh vực {f.code}. {f.name} đạt {score}",
            "letter": f"{'abcdefgh'[i]}) Lĩnh vực {f.code} - {f.name}: {score}",
        }[field_style]
        out.append((Statement("field", f.code, f.name, stated, fmax), head))
        for s in crits:
            out.append((s, _criterion_line(s, rng, {"plus": "+ ", "dash": "- ", "plain": ""}[crit_style])))
    return out, faults


def _criterion_line(s: Statement, rng: random.Random, lead: str) -> str:
    """A criterion's points in one of the wordings plans use."""
    head, pts, mx = f"{lead}Tiêu chí {s.code}", _pts(s.points), _pts(s.max_points)
    if s.points == s.max_points and rng.random() < 0.6:
        return rng.choice(
            (
                f"{head}. {s.name}: đạt điểm tối đa ({pts}/{mx} điểm).",
                f"{head} {s.name} đạt {pts}/{mx} điểm (đạt điểm tối đa).",
            )
        )
    if s.points == 0 and rng.random() < 0.7:
        return f"{head}. {s.name}: không đạt điểm (0/{mx}), lý do: chưa có tài liệu kiểm chứng."
    return rng.choice(
        (
            f"{head}. {s.name} đạt {pts}/{mx} điểm, lý do: thực hiện chưa đúng thời gian quy định.",
            f"{head}: {s.name}, đạt {pts} điểm/{mx} điểm.",
            f"{head} - {s.name}: {pts}/{mx} điểm.",
        )
    )


def with_field_max(criteria: list[Criterion]) -> list[Criterion]:
    """A field's max as its criteria's sum (the set may print another figure)."""
    out = []
    for c in criteria:
        if c.parent is None:
            kids = [k.max_points for k in criteria if k.parent == c.code and k.max_points]
            c = replace(c, max_points=round(sum(kids), 2) if kids else c.max_points)
        out.append(c)
    return out
