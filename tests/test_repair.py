"""Vietnamese repair: real sentences from the seeds, the OCR examples, the token contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.base import ingest
from normalize.vietnamese import repair_document, repair_text
from normalize.vietnamese.syllable import case_of, fold, normalize_syllable

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _seed(prefix: str) -> Path:
    return next(SAMPLES.glob(prefix + "*.txt"))


def _strip(text: str) -> str:
    """Diacritics dropped, case kept: "Đánh giá" → "Danh gia"."""
    return "".join(fold(ch).upper() if ch.isupper() else fold(ch) for ch in text)


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "CHI SO PANH GIA, XAC PINH CAI CACH HANH CHINH CAP XA",
            "CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ",
        ),
        ("K¢ hoach CCHC nim", "Kế hoạch CCHC năm"),
        ("Mirc d6 hoan thanh ké hoach CCHC", "Mức độ hoàn thành kế hoạch CCHC"),
        # ô with its tone read as "od": "hồ" must be a candidate of "hod" ("hòa số" was chosen)
        ("664/664 hod so = 100% hd so dugc giai quyét", "664/664 hồ sơ = 100% hồ sơ được giải quyết"),
        # ư's horn read as "y" before a final consonant ("Thuyc"), never in "uyê" ("Nguyén")
        ("Thuyc hién cac hoat ddng theo doi thi", "Thực hiện các hoạt động theo dõi thi"),
        ("Nguyén Xuan Thoang", "Nguyễn Xuân Thoáng"),
        # a catalogue phrase's syllable only where it explains the written letters as well as
        # the decoder's: "tir" = "tử" (the phrase), "cAp" stays "cấp" (not the phrase's "của")
        ("trén Trang thong tin dién tir cAp xa theo quy dinh", "trên Trang thông tin điện tử cấp xã theo quy định"),
    ],
)
def test_ocr_examples_from_seed_003(line, expected):
    assert repair_text(line) == expected


def test_catalogue_phrase_never_rewrites_letters_it_does_not_explain():
    # "Thực hiện báo cáo đúng thời gian quy định" is a catalogue phrase: "chua" is not "cáo"
    assert (
        repair_text("Ly do: thuc hien chua dung thoi gian quy dinh") == "Lý do: thực hiện chưa đúng thời gian quy định"
    )


def test_ocr_line_keeps_numbers_codes_and_abbreviations():
    line = "Ké hoach s6 52/KH-UBND ngay 30/12/2022 cua UBND xa vé cong tac CCHC nam 2023."
    out = repair_text(line)
    assert out.startswith("Kế hoạch số 52/KH-UBND ngày 30/12/2022 của UBND xã về công tác CCHC năm 2023")
    for i, (a, b) in enumerate(zip(line.split(), out.split())):
        if any(c.isdigit() for c in a) and ("/" in a or a.replace(".", "").isdigit()):
            assert a == b, i
    assert len(out.split()) == len(line.split())


def test_substituted_words_of_seed_001_repaired_from_context():
    # The same corruption recurs through the document: repaired by its consensus.
    text = _seed("001_").read_text(encoding="utf-8")
    out = repair_text(text).splitlines()
    src = text.splitlines()
    assert len(out) == len(src)
    i = next(i for i, ln in enumerate(src) if "Sónsản" in ln)
    assert "tài sản công" in out[i]
    i = next(i for i, ln in enumerate(src) if "Sonchính" in ln and "minh bạch" in ln)
    assert "quản lý tài chính công" in out[i]
    i = next(i for i, ln in enumerate(src) if "Sonkhoản" in ln)
    assert "có tài khoản giao dịch" in out[i]


def test_stripped_seed_sentences_restored():
    # Real sentences of seed 000 (clean), stripped of their diacritics, then restored.
    lines = [
        ln for ln in _seed("000_").read_text(encoding="utf-8").splitlines() if len(ln.split()) >= 10 and "*" not in ln
    ][:40]
    good = total = 0
    for ln in lines:
        out = repair_text(_strip(ln))
        assert len(out.split()) == len(ln.split())
        for a, b in zip(ln.split(), out.split()):
            total += 1
            good += normalize_syllable(a) == b
    assert good / total >= 0.97


def test_clean_text_left_untouched():
    for prefix in ("000_", "002_", "004_"):
        lines = _seed(prefix).read_text(encoding="utf-8").splitlines()
        changed = sum(repair_text(ln) != ln for ln in lines)
        assert changed <= 3, prefix


def test_all_caps_kept_and_title_case_kept():
    assert repair_text("KE HOACH CAI CACH HANH CHINH NAM 2024") == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert repair_text("Uy ban nhan dan xa") == "Ủy ban nhân dân xã"


def test_token_alignment_on_the_ocr_dump():
    text = _seed("003_").read_text(encoding="utf-8")
    for ln in text.splitlines():
        out = repair_text(ln)
        assert len(out.split()) == len(ln.split()), ln


def test_tone_placement_convention_is_old_style():
    assert repair_text("hoà") == "hòa"
    assert normalize_syllable("thuỷ") == "thủy"


def test_repair_document_sets_raw_and_confidence():
    doc = repair_document(ingest(_seed("003_")))
    changed = [ln for ln in doc.lines() if ln.raw is not None]
    assert changed
    assert all(0.0 <= ln.repair_conf <= 1.0 for ln in changed)
    first = next(ln for ln in changed if ln.raw.startswith("CHI SO PANH GIA"))
    assert first.text.startswith("CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ")
    clean = repair_document(ingest(_seed("002_")))
    assert sum(ln.raw is not None for ln in clean.lines()) <= 3


def test_cli_round_trip():
    src = "K¢ hoach CCHC nim\nCHI SO PANH GIA\n"
    proc = subprocess.run(
        [sys.executable, "-m", "cchc_extract.cli", "repair"],
        input=src,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["Kế hoạch CCHC năm", "CHỈ SỐ ĐÁNH GIÁ"]


# --- repair v2: decoder, model data, held-out texts ------------------------------------------------


def _bench():
    import importlib.util
    from importlib.machinery import SourceFileLoader

    sys.path[:0] = [str(ROOT / "tools")]
    loader = SourceFileLoader("repair_bench", str(ROOT / "benchmarks" / "repair"))
    spec = importlib.util.spec_from_loader("repair_bench", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_codes_get_their_d_back_and_keep_their_digits():
    out = repair_text("Quyet dinh so 06/2024/QD-UBND ngay 25/01/2024 va Nghi dinh so 09/2019/ND-CP")
    assert out == "Quyết định số 06/2024/QĐ-UBND ngày 25/01/2024 và Nghị định số 09/2019/NĐ-CP"
    assert repair_text("Nghi quyet cua HDND xa") == "Nghị quyết của HĐND xã"


def test_headings_and_one_word_lines_of_a_stripped_text_decoded():
    text = "QUYET DINH\nSo: 119/QD-UBND\nChuong I\nXI. Nghi quyet"
    assert repair_text(text).splitlines() == ["QUYẾT ĐỊNH", "Số: 119/QĐ-UBND", "Chương I", "XI. Nghị quyết"]


def test_tokens_glued_to_numbers_or_words_split():
    assert repair_text("theo Ke hoach so581 cua UBND") == "theo Kế hoạch số 581 của UBND"
    assert repair_text("Ủy ban nhân dân xãĐịnh Hòa") == "Ủy ban nhân dân xã Định Hòa"


def test_one_letter_words_decoded_list_markers_kept():
    assert repair_text("nang cao y thuc cua can bo") == "nâng cao ý thức của cán bộ"
    assert repair_text("a) Ban hanh ke hoach").startswith("a) ")


def test_a_vowel_ocr_lost_whole_is_put_back_section_numbers_kept():
    # OCR drops a heavily marked vowel as a whole: "b" = "bộ", "cp" = "cấp", "s" = "số"
    assert repair_text("Thuyce hién co cau can b, cong chirc") == "Thực hiện cơ cấu cán bộ, công chức"
    assert repair_text("Thyec hién cac quy dinh vé phan cp quan ly") == "Thực hiện các quy định về phân cấp quản lý"
    assert repair_text("Béo cao s 80/KH-UBND ngay 22/6/2023 vé") == "Báo cáo số 80/KH-UBND ngày 22/6/2023 về"
    # a Roman section number and a list marker are letters as written
    assert repair_text("V CAI CACH TAI CHINH CONG") == "V CẢI CÁCH TÀI CHÍNH CÔNG"
    assert repair_text("b) Thyec hién cac quy dinh").startswith("b) ")


def test_every_syllable_of_the_key_is_a_candidate():
    from normalize.vietnamese.candidates import classify
    from normalize.vietnamese.model import load_model
    from normalize.vietnamese.settings import RepairSettings

    model = load_model()
    slot = classify("thi", RepairSettings(), "heavy")
    outs = {c.out for c in slot.cands}
    assert set(model.by_key["thi"]) <= outs


def test_model_layout_finds_every_stored_ngram():
    # lm.bin holds each context's successors as one slice sorted by key id, then id (the
    # decoder bisects a key's part): a sample of every stored bigram and trigram is read back by
    # the decoder's per-key reads and by score_ids with its own log-probability.
    from normalize.vietnamese.model import QUANT, load_model

    m = load_model()
    off, ids, kid, lps = m._bi_off, m._bi_ids, m._bi_kid, m._bi_lp
    checked = 0
    for b in range(0, len(off) - 1, 7):
        lo, hi = off[b], off[b + 1]
        assert list(zip(kid[lo:hi], ids[lo:hi])) == sorted(zip(kid[lo:hi], ids[lo:hi]))
        for c, k, v in zip(ids[lo:hi:5], kid[lo:hi:5], lps[lo:hi:5]):
            assert k == m.key_of[c]
            assert m.bigram_ids(b, c) == v / QUANT
            assert m.bi_group(b, k)[c] == v / QUANT  # the decoder's per-key read
            assert m.bi_successors(b)[c] == v  # the decoder's whole-context read
            checked += 1
    ctx, toff = m._tri_ctx, m._tri_off
    assert list(ctx) == sorted(ctx)
    for i in range(0, len(ctx), 53):
        ab, lo, hi = ctx[i], toff[i], toff[i + 1]
        assert m.tri_state(ab)[1:] == (lo, hi)
        for c, v in zip(m._tri_ids[lo:hi], m._tri_lp[lo:hi]):
            assert m.score_ids(ab >> 16, ab & 0xFFFF, c) == v / QUANT
            assert m.tri_group(ab, m.key_of[c])[c] == v / QUANT
            assert m.tri_successors(ab, m.tri_state(ab))[c] == v
            checked += 1
    assert checked > 10_000


def test_build_counts_the_end_of_every_segment():
    sys.path[:0] = [str(ROOT / "tools")]
    from repairlm.kn import trigram_counts

    counts = trigram_counts(["Kế hoạch năm, cải cách"])
    assert counts[("<s>", "<s>", "kế")] == 1
    assert counts[("hoạch", "năm", "</s>")] == 1
    assert counts[("cải", "cách", "</s>")] == 1


def test_model_data_is_small():
    data = ROOT / "normalize" / "vietnamese" / "data"
    assert sum(p.stat().st_size for p in data.iterdir()) <= 30 * 1024 * 1024


def test_held_out_texts_of_other_issuers():
    # Public documents of other communes and provinces the model never saw (benchmarks/data).
    import random

    bench = _bench()
    lines = bench.other_commune_lines()
    restored = [repair_text(bench.strip_diacritics(ln)) for ln in lines]
    good, total = bench.syllable_accuracy(lines, restored)
    assert total > 2000 and good / total >= 0.97
    rng = random.Random(7)
    restored = [repair_text(bench.ocr_damage(ln, rng)) for ln in lines]
    good, total = bench.syllable_accuracy(lines, restored)
    assert good / total >= 0.96


def test_catalogue_snap_stays_between_numbers_and_codes():
    from normalize.vietnamese.model import load_model
    from normalize.vietnamese.phrases import snap_phrases
    from normalize.vietnamese.settings import RepairSettings

    model, settings = load_model(), RepairSettings()
    cores = "Thực hiện bão cáo đúng thời gian quy định".split()  # a catalogue phrase, one mark wrong
    written = "Thuc hien bao cao dung thoi gian quy dinh".split()
    assert snap_phrases(list(cores), written, model, settings)[2] == "báo"
    # the same words with a number among them (None: a slot a phrase cannot span)
    assert snap_phrases([*cores[:4], None, *cores[4:]], [*written[:4], "15", *written[4:]], model, settings) == {}


def test_horn_capital_i_and_vowel_digits_as_ocr_reads_them():
    # ư's horn read as a "y" ahead of its u, or as an apostrophe after it
    assert repair_text("Gan két qua thyuc hién CCHC") == "Gắn kết quả thực hiện CCHC"
    assert (
        repair_text("PANH GIA KET QUA THU'C HIEN CAI CACH HANH CHINH")
        == "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH"
    )
    # a capital I read for a lower-case l takes the case of the l
    assert repair_text("Mirc d6 xtr Iy dé xuat, kién nghi") == "Mức độ xử lý đề xuất, kiến nghị"
    # a capital and a digit OCR writes for a vowel is a word where the context says so
    assert repair_text("S6 TTHC hodc nhém TTHC duoc giai quyét") == "Số TTHC hoặc nhóm TTHC được giải quyết"
    assert repair_text("tai B6 phan Tiép nhan va tra két qua") == "tại Bộ phận Tiếp nhận và trả kết quả"
    # ethnic names with an apostrophe are no horn
    assert repair_text("K'Nớ và Y'Tru") == "K'Nớ và Y'Tru"


def test_a_run_met_mid_line_then_opening_a_line_is_decoded_for_each():
    # The first token of a line is read apart (a page edge read as a letter): the same run after
    # a comma has other candidates, and the choices of one must not be taken for the other's.
    text = "Mot hai, T chire thuc hién cOng tac tai chinh - ngan sach\nT chire thuc hién cOng tac tai chinh - ngan sach"
    first, second = repair_text(text).split("\n")
    assert first == "Một hai, Tổ chức thực hiện công tác tài chính - ngân sách"
    assert second.endswith("thực hiện công tác tài chính - ngân sách")


def test_a_wrapped_ocr_name_is_repaired_as_one_text():
    # Seed 003 prints "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" over two lines, the numbers on the first:
    # "HANH CCHC" alone read "HẠNH"; the name's words read together, "ĐIỀU HÀNH".
    from cchc_extract.pipeline import convert_file

    result = convert_file(_seed("003_"))
    names = {str(r.code): r.name for t in result.score_tables for r in t.rows}
    assert names["1"] == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert names["2.2.1"] == "Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật"


def test_a_capitals_word_with_one_small_letter_ocr_misread_stays_in_capitals():
    # Seed 315's d06-i3 (an eng dump of a heading in capitals): "HANH CHiNH TRONG TAM", the "Í"
    # read as a small "i"; the word was given back as "Chính" inside a capitals heading.
    assert case_of("CHiNH") == "upper" and case_of("TiNH") == "upper"
    assert case_of("Chính") == "title" and case_of("ThS") == "title"
    assert repair_text("CAC NHIEM VU CAI CACH HANH CHiNH TRONG TAM") == "CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM"


def test_typed_marks_are_kept_where_ocr_marks_are_doubted():
    """A text layer's marks are the author's: a PDF cell "Bộ phận Một cửa" wrapped so that "cửa"
    stands alone on its line stays "cửa" (the rare-mark doubt made it "của"); the same cell read
    by OCR keeps the doubt."""
    from extract.model import Cell, IngestedDocument, Page, Table

    def repaired(method: str) -> str:
        table = Table(page=1, cells=[Cell(row=0, col=0, text="Bộ phận Một\ncửa")], n_rows=1, n_cols=1, source="tsv")
        doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(1, [table], method=method)])
        return repair_document(doc).pages[0].tables[0].cells[0].text

    assert repaired("pdf-text") == "Bộ phận Một\ncửa"
    assert repaired("docx") == "Bộ phận Một\ncửa"
    assert repaired("ocr") == "Bộ phận Một\ncủa"


def test_build_reads_no_criteria_set_the_generator_holds_out():
    # The benchmark's held-out families include every instance of a held-out criteria set
    # (make_corpus.split_of): that set's names and scale lines (normalize/criteria/data) must not
    # reach the model through the build's real source.
    sys.path[:0] = [str(ROOT / "tools")]
    import make_corpus
    from repairlm.sources import real_docs

    from normalize.criteria import load_criteria_sets

    sets = load_criteria_sets()
    held = [s for s in sets if s.id in make_corpus.HELDOUT_SETS]
    assert held, "a held-out set to check"

    def lines(s):
        return {s.title} | {r.name for r in s.rows} | {p for r in s.rows for p in r.scale.split(" | ") if p}

    trained = set().union(*(lines(s) for s in sets if s.id not in make_corpus.HELDOUT_SETS))
    held_only = set().union(*(lines(s) for s in held)) - trained
    real = real_docs()
    assert {d.name for d in real}.isdisjoint(f"criteria:{s.id}" for s in held)
    from_criteria = {ln for d in real if d.name.startswith("criteria:") for ln in d.lines}
    assert held_only and not held_only & from_criteria
