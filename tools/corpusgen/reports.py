"""Content of reports: a statistics annex (counts with their breakdowns, ratio rows after their counts)
and narrative sentences with counts and their parts, with the ratio and count-sum faults planted in
some instances."""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpusgen.scores import Fault
from normalize.numbers import format_vn


@dataclass(frozen=True)
class StatRow:
    code: str | None  # normalised: "1", "1.1", "1.1.a"; None: a bulleted item printing no code
    printed: str  # as printed: "1", "1.1", "a)"
    indicator: str
    unit: str
    value: float | None
    note: str = ""

    def truth(self) -> dict:
        return {"code": self.code, "indicator": self.indicator, "unit": self.unit, "value": self.value}


def _ratio(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


def _breakdown(rng: random.Random, total: int, n: int) -> list[int]:
    """Parts as such counts run: most in the first, a few in the last (late files, pending ...)."""
    if n == 2:
        small = rng.randint(0, max(1, total // 5))
        return [total - small, small]
    late = rng.randint(0, max(1, total // 25))
    ontime = rng.randint(total // 10, total // 2)
    return [total - ontime - late, ontime, late]


def _split(rng: random.Random, total: int, n: int) -> list[int]:
    """``total`` as ``n`` positive parts, the first the largest (as "trước hạn" usually is)."""
    if total < n:
        return [total] + [0] * (n - 1)
    cuts = sorted(rng.sample(range(1, total), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    return sorted(parts, reverse=True)


# A group: heading (printed above the count in the a)/b) layout), the count's indicator, unit, range,
# its breakdown, and the ratio row (indicator, which parts it counts).
GROUPS = (
    (
        "Công khai thủ tục hành chính",
        "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã",
        "Thủ tục",
        (90, 140),
        (
            "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình",
            "Số TTHC cung cấp dịch vụ công trực tuyến một phần",
            "Số TTHC chỉ cung cấp thông tin",
        ),
        ("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", (0,)),
    ),
    (
        "Tiếp nhận hồ sơ thủ tục hành chính",
        "Tổng số hồ sơ TTHC tiếp nhận trong kỳ",
        "Hồ sơ",
        (150, 700),
        ("Số hồ sơ tiếp nhận trực tuyến", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính"),
        ("Tỷ lệ hồ sơ tiếp nhận trực tuyến", (0,)),
    ),
    (
        "Kết quả giải quyết hồ sơ thủ tục hành chính",
        "Số hồ sơ TTHC đã giải quyết",
        "Hồ sơ",
        (150, 650),
        ("Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn"),
        ("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", (0, 1)),
    ),
    (
        "Tiếp nhận, xử lý phản ánh, kiến nghị",
        "Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhận",
        "Phản ánh",
        (4, 40),
        ("Số phản ánh, kiến nghị đã xử lý", "Số phản ánh, kiến nghị đang xử lý"),
        ("Tỷ lệ phản ánh, kiến nghị được xử lý", (0,)),
    ),
    (
        "Thực hiện Kế hoạch CCHC",
        "Số nhiệm vụ trong Kế hoạch CCHC năm",
        "Nhiệm vụ",
        (12, 40),
        ("Số nhiệm vụ đã hoàn thành", "Số nhiệm vụ chưa hoàn thành"),
        ("Tỷ lệ hoàn thành Kế hoạch CCHC năm", (0,)),
    ),
    (
        "Đội ngũ cán bộ, công chức",
        "Số cán bộ, công chức cấp xã",
        "Người",
        (18, 26),
        ("Số cán bộ, công chức đạt chuẩn", "Số cán bộ, công chức chưa đạt chuẩn"),
        ("Tỷ lệ cán bộ, công chức đạt chuẩn", (0,)),
    ),
)
SINGLES = (
    ("Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", (4, 30)),
    ("Số cuộc kiểm tra CCHC đã thực hiện", "Cuộc", (1, 6)),
    ("Số cuộc tuyên truyền CCHC", "Lượt", (5, 60)),
    ("Số sáng kiến, giải pháp CCHC được công nhận", "Sáng kiến", (0, 3)),
)
LETTERS = "abcdefgh"


def statistics(
    rng: random.Random, n_groups: int, letters: bool, fault: bool, min_items: int = 3
) -> tuple[list[StatRow], list[Fault]]:
    """Singles and groups as top indicators 1, 2, ...: a group's breakdown as 1.1, 1.2 (or, with
    ``letters``, a breakdown of at least ``min_items`` as a), b) items of 1.1 "Trong đó"), its ratio
    row after them as a sibling."""
    rows: list[StatRow] = []
    faults: list[Fault] = []
    groups = rng.sample(GROUPS, min(n_groups, len(GROUPS)))
    singles = rng.sample(SINGLES, 2)
    items = [("single", s) for s in singles[:1]] + [("group", g) for g in groups] + [("single", singles[1])]
    ratio_codes = []
    for top, (kind, spec) in enumerate(items, start=1):
        code = str(top)
        if kind == "single":
            name, unit, (lo, hi) = spec
            rows.append(StatRow(code, code, name, unit, float(rng.randint(lo, hi))))
            continue
        heading, name, unit, (lo, hi), children, (ratio_name, counted) = spec
        total = rng.randint(lo, hi)
        parts = _breakdown(rng, total, len(children))
        ratio = _ratio(sum(parts[i] for i in counted), total)
        if letters and len(children) >= min_items:
            # heading 2, the count 2.1 with its a), b), c) items, the ratio 2.2
            rows.append(StatRow(code, code, heading, "", None))
            rows.append(StatRow(f"{code}.1", f"{code}.1", name, unit, float(total)))
            for i, (child, part) in enumerate(zip(children, parts)):
                rows.append(StatRow(f"{code}.1.{LETTERS[i]}", f"{LETTERS[i]})", child, unit, float(part)))
            ratio_code = f"{code}.2"
        else:
            rows.append(StatRow(code, code, name, unit, float(total)))
            for i, (child, part) in enumerate(zip(children, parts), start=1):
                rows.append(StatRow(f"{code}.{i}", f"{code}.{i}", child, unit, float(part)))
            ratio_code = f"{code}.{len(children) + 1}"
        rows.append(StatRow(ratio_code, ratio_code, ratio_name, "%", ratio))
        ratio_codes.append(ratio_code)
    if fault and ratio_codes:
        target = rng.choice(ratio_codes)
        i = next(k for k, r in enumerate(rows) if r.code == target)
        true = rows[i].value
        wrong = round(true - rng.choice((3.5, 5.0, 7.25, 10.0)), 2) if true > 20 else round(true + 12.5, 2)
        rows[i] = StatRow(target, rows[i].printed, rows[i].indicator, "%", wrong)
        faults.append(
            Fault(
                "ratio",
                "statistics",
                target,
                "value",
                f"{target} printed {format_vn(wrong)}% but its counts give {format_vn(true)}%",
            )
        )
    return rows, faults


@dataclass(frozen=True)
class Count:
    text: str
    total: int
    parts: tuple[int, ...]
    unit: str

    def truth(self) -> dict:
        return {"text": self.text, "total": self.total, "parts": list(self.parts), "unit": self.unit}


def _n(value: int, rng: random.Random) -> str:
    """Small counts are often written with a leading zero ("07")."""
    return f"{value:02d}" if 0 < value < 10 and rng.random() < 0.6 else str(value)


def _pct(part: int, whole: int) -> str:
    return format_vn(_ratio(part, whole))


def narrative(rng: random.Random, period: str, fault: bool) -> tuple[list[str], list[Count], list[Fault]]:
    """Paragraphs of a report's results section. Counts with a breakdown are truth; a total written
    beside them without parts ("đang giải quyết 11"), percentages and cited numbers are not parts. In a
    faulty instance one count's printed total is off its parts."""
    has_feedback = rng.random() < 0.6
    target = rng.randrange(4 if has_feedback else 3) if fault else -1
    counts: list[Count] = []
    faults: list[Fault] = []

    def count(text_of, total: int, parts: tuple[int, ...], unit: str) -> str:
        """The sentence (``text_of(printed total)``); the printed total is off in the faulty one."""
        printed = total
        if len(counts) == target:
            printed = total + rng.choice((-5, -2, 3, 4, 10))
            faults.append(
                Fault("count_sum", "counts", None, "value", f"total {printed} {unit} but its parts add to {sum(parts)}")
            )
        text = text_of(_n(printed, rng) if printed < 10 else str(printed))
        counts.append(Count(text, printed, parts, unit))
        return text

    paras: list[str] = []
    # administrative procedures
    full, partial, info = rng.randint(30, 50), rng.randint(40, 60), rng.randint(3, 15)
    total = full + partial + info
    a, b, c = _n(full, rng), _n(partial, rng), _n(info, rng)
    if rng.random() < 0.5:
        s = count(
            lambda t: (
                f"Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã là {t} thủ tục, "
                f"trong đó {a} thủ tục cung cấp dịch vụ công trực tuyến toàn trình, {b} thủ tục một phần "
                f"và {c} thủ tục chỉ cung cấp thông tin (đạt {_pct(full, total)}% toàn trình)."
            ),
            total,
            (full, partial, info),
            "thủ tục",
        )
    else:
        s = count(
            lambda t: (
                f"UBND xã đang thực hiện {t} thủ tục hành chính (toàn trình: {a} thủ tục; một phần: "
                f"{b} thủ tục; cung cấp thông tin: {c} thủ tục)."
            ),
            total,
            (full, partial, info),
            "thủ tục",
        )
    paras.append(f"Thực hiện công khai thủ tục hành chính đầy đủ, kịp thời. {s}")
    # files
    done = rng.randint(150, 600)
    early, ontime, late = _breakdown(rng, done, 3)
    pending = rng.randint(3, 25)
    e, o, lt = early, ontime, _n(late, rng)
    if rng.random() < 0.5:
        s = count(
            lambda t: (
                f"Trong {period}, UBND xã đã tiếp nhận {done + pending} hồ sơ, đã giải quyết {t} hồ sơ, "
                f"trong đó trước hạn {e}, đúng hạn {o}, trễ hạn {lt}; đang giải quyết {pending} hồ sơ."
            ),
            done,
            (early, ontime, late),
            "hồ sơ",
        )
    else:
        s = count(
            lambda t: (
                f"Số hồ sơ đã giải quyết: {t} hồ sơ (trước hạn: {e} hồ sơ; đúng hạn: {o} hồ sơ; quá hạn: "
                f"{lt} hồ sơ), còn {pending} hồ sơ đang trong thời hạn giải quyết."
            ),
            done,
            (early, ontime, late),
            "hồ sơ",
        )
    paras.append(s + f" Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt {_pct(early + ontime, done)}%.")
    # propaganda
    parts = _split(rng, rng.randint(20, 70), 3)
    p1, p2, p3 = (_n(x, rng) for x in parts)
    paras.append(
        count(
            lambda t: (
                f"Công tác tuyên truyền CCHC được quan tâm, đã tổ chức tuyên truyền {t} lượt (qua "
                f"loa truyền thanh {p1} lượt; qua hội nghị {p2} lượt; qua mạng xã hội {p3} lượt)."
            ),
            sum(parts),
            tuple(parts),
            "lượt",
        )
    )
    if has_feedback:
        fb = rng.randint(4, 30)
        handled = rng.randint(fb // 2, fb - 1)  # most handled within the period
        h, w = _n(handled, rng), _n(fb - handled, rng)
        paras.append(
            count(
                lambda t: (
                    f"Tiếp nhận {t} phản ánh, kiến nghị của người dân, trong đó đã xử lý {h} phản "
                    f"ánh, đang xử lý {w} phản ánh (đạt {_pct(handled, fb)}%)."
                ),
                fb,
                (handled, fb - handled),
                "phản ánh",
            )
        )
    paras.append(
        f"Số văn bản chỉ đạo, điều hành CCHC đã ban hành là {rng.randint(5, 25)} văn bản; tổ chức "
        f"{_n(rng.randint(1, 5), rng)} cuộc kiểm tra CCHC tại các bộ phận chuyên môn."
    )
    return paras, counts, faults
