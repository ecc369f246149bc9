"""Module-level `regex` patterns compiled on first use (normalize/lazy_regex.py, issue 18's
start-up): the same answers as the compiled pattern, compiled once, picklable."""

import copy
import pickle
import re

import regex

from normalize.lazy_regex import PATTERN_ATTRIBUTES, LazyPattern, LazyStdPattern, lazy_compile, lazy_re_compile


def test_the_attribute_list_is_the_compiled_patterns():
    assert set(PATTERN_ATTRIBUTES) == {n for n in dir(regex.compile("a")) if not n.startswith("_")}


def test_a_lazy_pattern_answers_as_the_compiled_one_and_compiles_once():
    source, text = r"(?P<num>\d+(?:[.,]\d+)?)\s*(điểm|đ)", "Tiêu chí 1.2 đạt 2,5 điểm; 3 đ"
    lazy, compiled = lazy_compile(source, regex.I), regex.compile(source, regex.I)
    assert isinstance(lazy, LazyPattern) and "compiled" not in vars(lazy)  # nothing compiled yet
    assert lazy.search(text).group("num") == compiled.search(text).group("num") == "1.2"  # "1.2 đ|ạt"
    first = lazy.compiled
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("#", text) == compiled.sub("#", text) and lazy.split(text) == compiled.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )
    assert lazy.compiled is first  # one compile, whatever is read after


def test_copies_and_pickles_compile_on_their_own():
    lazy = lazy_compile(r"tiêu chí\s+(\d)", regex.I)
    for other in (pickle.loads(pickle.dumps(lazy)), copy.deepcopy(lazy), copy.copy(lazy)):
        assert other.search("TIÊU CHÍ 3").group(1) == "3"
    assert "compiled" not in vars(lazy)


def test_a_lazy_stdlib_pattern_keeps_the_stdlib_engine():
    source, text = r"ng\w{1,2}y\s*(\d{1,2})", "Hòa Minh, ngày 05 tháng 7 năm 2024"
    lazy = lazy_re_compile(source, re.I)
    assert isinstance(lazy, LazyStdPattern) and "compiled" not in vars(lazy)
    assert lazy.search(text).group(1) == re.compile(source, re.I).search(text).group(1) == "05"
    assert isinstance(lazy.compiled, re.Pattern) and lazy.flags == re.compile(source, re.I).flags
    for other in (pickle.loads(pickle.dumps(lazy)), copy.deepcopy(lazy)):
        assert isinstance(other, LazyStdPattern) and isinstance(other.compiled, re.Pattern)
    assert not hasattr(lazy, "named_lists")  # a `regex`-only attribute
