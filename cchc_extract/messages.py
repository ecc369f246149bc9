"""What a person reads in the review files, in one place: Vietnamese (the default: the reviewer
is a district Home Affairs officer) and English. Each string has a key; ``{name}`` fields are
filled by ``message``. Kept as plain dictionaries so they can move to gettext catalogues whole.
"""

from __future__ import annotations

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        # review sheet column headers
        "col.commune": "Xã",
        "col.document": "Tài liệu",
        "col.page": "Trang",
        "col.code": "Mã",
        "col.name": "Tiêu chí / chỉ tiêu",
        "col.field": "Trường",
        "col.value": "Giá trị đọc được",
        "col.max_points": "Điểm tối đa",
        "col.reasons": "Lý do cần xem",
        "col.severity": "Mức độ",
        "col.confidence": "Độ tin cậy",
        "col.crop": "Ảnh trang",
        "col.status": "Trạng thái",
        "col.corrected_value": "Giá trị sửa",
        "col.note": "Ghi chú",
        "col.key": "key",
        "crop.link": "xem",
        # statuses (what the reviewer types or picks in the status column)
        "status.open": "chưa xem",
        "status.confirmed": "xác nhận",
        "status.corrected": "sửa",
        "status.dismissed": "bỏ qua",
        # severities
        "severity.inconsistency": "số liệu không khớp",
        "severity.misreading": "có thể đọc sai",
        "severity.unread": "chưa đọc được",
        "severity.low_confidence": "độ tin cậy thấp",
        # fields
        "field.max_points": "điểm tối đa",
        "field.self_points": "điểm tự chấm",
        "field.appraised_points": "điểm thẩm định",
        "field.points": "điểm",
        "field.value": "số liệu",
        "field.total": "tổng số",
        "field.code": "mã",
        "field.name": "tên",
        # reasons: one per kind of check, then the queue's own
        "reason.sum_children": "{code}: điểm tối đa ghi {actual}, các tiêu chí con cộng lại {expected}",
        "reason.sum_self": "{code}: điểm tự chấm ghi {actual}, các tiêu chí con cộng lại {expected}",
        "reason.self_le_max": "{code}: điểm tự chấm {actual} vượt điểm tối đa {expected}",
        "reason.stated_total": "dòng tổng ({field}) ghi {actual}, các mục lớn cộng lại {expected}",
        "reason.ocr_reading": "{code}: số đọc được {actual} làm sai tổng; đã lấy cách đọc {expected}",
        "reason.allowed_code": "{code}: mã trả lời {actual} không thuộc các mã cho phép",
        "reason.count_value": "{code}: số lượng phải là số nguyên không âm, đọc được {actual}",
        "reason.total_parts": "{code}: tổng ghi {actual}, các thành phần cộng lại {expected}",
        "reason.ratio": "{code}: tỷ lệ ghi {actual}%, tính từ số liệu được {expected}%",
        "reason.text_ratio": "tỷ lệ trong văn bản ghi {actual}%, tính được {expected}%",
        "reason.count_parts": "số liệu trong văn bản: tổng {actual}, các phần cộng lại {expected}",
        "reason.narrative_annex": "số trong văn bản {actual} khác số ở phụ lục {expected}",
        "reason.group_statement": "nhóm {code}: điểm ghi {actual}, các tiêu chí cộng lại {expected}",
        "reason.misread_suffix": "; có thể đã đọc sai, cách đọc khác: {alternatives}",
        "reason.code_inferred": "mã tiêu chí suy ra từ vị trí dòng, không đọc được",
        "reason.low_confidence": "độ tin cậy {confidence} dưới ngưỡng {threshold}",
        "reason.ambiguous": "{code}: nhiều cách đọc đều khớp tổng: {alternatives}",
        "reason.unread": "phần chưa đọc được ({kind}, trang {page})",
        "unread.table": "bảng",
        "unread.page": "trang",
        "unread.rows": "các dòng",
        # apply
        "apply.second_correction": (
            "{key}: đã sửa thành {previous} ({source}, {at}); không nhận lần sửa thứ hai khác giá trị ({new}). "
            "Muốn đổi, xóa dòng đó trong sổ sửa {log} rồi áp dụng lại"
        ),
        "apply.unknown_status": "trạng thái '{status}' không rõ (chọn: {choices})",
        "apply.correct_without_value": "chọn 'sửa' nhưng chưa nhập giá trị sửa",
        "apply.bad_key": "khóa '{key}' không đúng dạng <tệp>#<con trỏ JSON>#<trường>",
    },
    "en": {
        "col.commune": "Commune",
        "col.document": "Document",
        "col.page": "Page",
        "col.code": "Code",
        "col.name": "Criterion / indicator",
        "col.field": "Field",
        "col.value": "Value read",
        "col.max_points": "Max points",
        "col.reasons": "Reasons",
        "col.severity": "Severity",
        "col.confidence": "Confidence",
        "col.crop": "Page crop",
        "col.status": "Status",
        "col.corrected_value": "Corrected value",
        "col.note": "Note",
        "col.key": "key",
        "crop.link": "view",
        "status.open": "open",
        "status.confirmed": "confirm",
        "status.corrected": "correct",
        "status.dismissed": "dismiss",
        "severity.inconsistency": "inconsistency",
        "severity.misreading": "possible misreading",
        "severity.unread": "not read",
        "severity.low_confidence": "low confidence",
        "field.max_points": "max points",
        "field.self_points": "self points",
        "field.appraised_points": "appraised points",
        "field.points": "points",
        "field.value": "value",
        "field.total": "total",
        "field.code": "code",
        "field.name": "name",
        "reason.sum_children": "{code}: max points {actual}, its sub-criteria add up to {expected}",
        "reason.sum_self": "{code}: self points {actual}, its sub-criteria add up to {expected}",
        "reason.self_le_max": "{code}: self points {actual} exceed the maximum {expected}",
        "reason.stated_total": "total row ({field}) states {actual}, the top-level rows add up to {expected}",
        "reason.ocr_reading": "{code}: the reading {actual} breaks its sums; {expected} was taken",
        "reason.allowed_code": "{code}: coded answer {actual} is not one of the allowed codes",
        "reason.count_value": "{code}: a count must be a whole number ≥ 0, read {actual}",
        "reason.total_parts": "{code}: total {actual}, its parts add up to {expected}",
        "reason.ratio": "{code}: ratio stated {actual}%, the counts give {expected}%",
        "reason.text_ratio": "ratio in the text states {actual}%, the figures give {expected}%",
        "reason.count_parts": "count in the text: total {actual}, its parts add up to {expected}",
        "reason.narrative_annex": "the text says {actual}, the annex {expected}",
        "reason.group_statement": "group {code}: stated {actual}, its criteria add up to {expected}",
        "reason.misread_suffix": "; may be misread, other readings: {alternatives}",
        "reason.code_inferred": "code inferred from the row's position, not read",
        "reason.low_confidence": "confidence {confidence} below {threshold}",
        "reason.ambiguous": "{code}: several readings restore the sums: {alternatives}",
        "reason.unread": "part not read ({kind}, page {page})",
        "unread.table": "table",
        "unread.page": "page",
        "unread.rows": "rows",
        "apply.second_correction": (
            "{key}: already corrected to {previous} ({source}, {at}); a second, different correction ({new}) "
            "is refused. To change it, delete that line of the corrections log {log} and apply again"
        ),
        "apply.unknown_status": "status '{status}' not known (choose: {choices})",
        "apply.correct_without_value": "status 'correct' but no corrected value typed",
        "apply.bad_key": "key '{key}' is not <file>#<JSON pointer>#<field>",
    },
}


def message(msgid: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """The string ``msgid`` in ``lang`` (English when that language lacks it), fields filled."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])
    template = table.get(msgid, MESSAGES["en"].get(msgid, msgid))
    return template.format(**fields) if fields else template


def labels(prefix: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """{name: text} of every key under ``prefix.`` (``labels("col")`` → the column headers)."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])
    return {k[len(prefix) + 1 :]: v for k, v in table.items() if k.startswith(prefix + ".")}
