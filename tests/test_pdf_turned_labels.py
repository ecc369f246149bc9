"""Header labels turned a quarter on an upright PDF page are read as the lines they print
(extract.pdf_turned_labels). The characters are those of the header of a narrow points column
(Word's text direction "bottom to top") in a generated PDF (make_corpus --seed 22261, family
N106, instance 1, page 1, pdfplumber 0.11 chars: text, x0, top, bottom); the expected labels
are the ones the source DOCX prints in those header cells."""

from extract.pdf_turned_labels import turned_words

_UP = (0.0, 1.0, -1.0, 0.0, 0.0, 0.0)  # a character running up the page (btLr)
_DOWN = (0.0, -1.0, 1.0, 0.0, 0.0, 0.0)  # running down it (tbRl)

# (text, x0, top, bottom) as pdfplumber gives them; each column 11 pt wide
_THANG_DIEM = [
    ("T", 315.0, 321.8, 329.1),
    ("h", 315.0, 315.7, 321.8),
    ("a", 315.0, 310.2, 315.7),
    ("n", 315.0, 304.1, 310.2),
    ("g", 315.0, 298.6, 304.1),
    (" ", 315.0, 295.9, 298.6),
    ("đ", 315.0, 289.7, 295.8),
    ("i", 315.0, 286.7, 289.7),
    ("ể", 315.0, 281.7, 286.6),
    ("m", 315.0, 272.5, 281.7),
]
_SELF_TWO_LINES = [
    ("Đ", 346.9, 333.7, 341.6),
    ("i", 346.9, 330.7, 333.7),
    ("ể", 346.9, 325.7, 330.6),
    ("m", 346.9, 316.5, 325.7),
    ("t", 346.9, 310.1, 313.8),
    ("ự", 346.9, 303.6, 310.2),
    ("đ", 346.9, 294.7, 300.8),
    ("á", 346.9, 289.2, 294.7),
    ("n", 346.9, 283.1, 289.2),
    ("h", 346.9, 277.0, 283.1),
    ("g", 346.9, 268.7, 274.2),
    ("i", 346.9, 265.7, 268.7),
    ("á", 346.9, 260.1, 265.6),
    ("c", 359.6, 311.1, 316.0),
    ("ủ", 359.6, 305.0, 311.1),
    ("a", 359.6, 299.5, 305.0),
    ("x", 359.6, 291.3, 296.8),
    ("ã", 359.6, 285.8, 291.3),
]


def _chars(rows, matrix=_UP):
    return [
        {"text": t, "x0": x0, "x1": x0 + 11.0, "top": top, "bottom": bottom, "matrix": matrix, "fontname": "Arial"}
        for t, x0, top, bottom in rows
    ]


def test_a_label_running_up_reads_as_its_words():
    words = turned_words(_chars(_THANG_DIEM))
    assert [w["text"] for w in words] == ["Thang điểm"]
    assert (words[0]["x0"], words[0]["top"], words[0]["bottom"]) == (315.0, 272.5, 329.1)


def test_a_label_of_two_turned_lines_reads_line_by_line_left_to_right():
    # spaces left out of the characters: the gap a space leaves still splits the words
    assert [w["text"] for w in turned_words(_chars(_SELF_TWO_LINES))] == ["Điểm tự đánh giá", "của xã"]


def test_a_label_running_down_reads_top_to_bottom():
    # the same column mirrored: first character at the top, as a "top to bottom" cell prints it
    mirrored = [(t, x0, 600 - bottom, 600 - top) for t, x0, top, bottom in _THANG_DIEM]
    assert [w["text"] for w in turned_words(_chars(mirrored, _DOWN))] == ["Thang điểm"]


def test_upright_characters_are_left_to_the_reader():
    upright = _chars(_THANG_DIEM, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    assert turned_words(upright) == []
