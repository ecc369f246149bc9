"""Every layout family the generator can make, by name: the settled typed families (F01-F17), the
OCR dumps, plans and reports, the later typed forms, and the batches of held-out layouts (made only
when named: ``make_corpus.NEW_LAYOUTS``). The order of this dict is the order ``make_corpus`` ranks
the settled families in (alphabetically) and the later ones by ``LATE_FAMILIES``: it moves nothing."""

from __future__ import annotations

from corpusgen.dumps import DUMP_FAMILIES
from corpusgen.families import STANDING_FAMILIES
from corpusgen.new_layouts import NEW_LAYOUT_FAMILIES
from corpusgen.new_layouts_b import NEW_LAYOUT_FAMILIES_B
from corpusgen.new_layouts_c import NEW_LAYOUT_FAMILIES_C
from corpusgen.new_layouts_d import NEW_LAYOUT_FAMILIES_D
from corpusgen.new_layouts_e import NEW_LAYOUT_FAMILIES_E
from corpusgen.new_layouts_f import NEW_LAYOUT_FAMILIES_F
from corpusgen.new_layouts_g import NEW_LAYOUT_FAMILIES_G
from corpusgen.new_layouts_h import NEW_LAYOUT_FAMILIES_H
from corpusgen.new_layouts_i import NEW_LAYOUT_FAMILIES_I
from corpusgen.new_layouts_j import NEW_LAYOUT_FAMILIES_J
from corpusgen.new_layouts_k import NEW_LAYOUT_FAMILIES_K
from corpusgen.new_layouts_l import NEW_LAYOUT_FAMILIES_L
from corpusgen.new_layouts_m import NEW_LAYOUT_FAMILIES_M
from corpusgen.new_layouts_n import NEW_LAYOUT_FAMILIES_N
from corpusgen.new_layouts_o import NEW_LAYOUT_FAMILIES_O
from corpusgen.new_layouts_p import NEW_LAYOUT_FAMILIES_P
from corpusgen.new_layouts_q import NEW_LAYOUT_FAMILIES_Q
from corpusgen.new_layouts_r import NEW_LAYOUT_FAMILIES_R
from corpusgen.new_layouts_s import NEW_LAYOUT_FAMILIES_S
from corpusgen.new_layouts_t import NEW_LAYOUT_FAMILIES_T
from corpusgen.new_layouts_u import NEW_LAYOUT_FAMILIES_U
from corpusgen.new_layouts_v import NEW_LAYOUT_FAMILIES_V
from corpusgen.new_layouts_w import NEW_LAYOUT_FAMILIES_W
from corpusgen.new_layouts_x import NEW_LAYOUT_FAMILIES_X
from corpusgen.new_layouts_y import NEW_LAYOUT_FAMILIES_Y
from corpusgen.new_layouts_z import NEW_LAYOUT_FAMILIES_Z
from corpusgen.new_layouts_za import NEW_LAYOUT_FAMILIES_ZA
from corpusgen.plan_codeless import PLAN_CODELESS_FAMILIES
from corpusgen.plan_families import PLAN_FAMILIES
from corpusgen.plan_layouts import PLAN_LAYOUT_FAMILIES
from corpusgen.typed_annex_shapes import TYPED_ANNEX_SHAPE_FAMILIES
from corpusgen.typed_annexes import TYPED_ANNEX_FAMILIES
from corpusgen.typed_forms import TYPED_FORM_FAMILIES
from corpusgen.typed_letters import TYPED_LETTER_FAMILIES
from corpusgen.typed_nested import TYPED_NESTED_FAMILIES
from corpusgen.typed_pictures import TYPED_PICTURE_FAMILIES
from corpusgen.unruled import f16, f17

FAMILIES = {
    **STANDING_FAMILIES,
    "F16_unruled_number_row": f16,
    "F17_unruled_landscape_parts": f17,
    **DUMP_FAMILIES,
    **PLAN_FAMILIES,
    **TYPED_FORM_FAMILIES,
    **TYPED_ANNEX_FAMILIES,
    **TYPED_NESTED_FAMILIES,
    **TYPED_LETTER_FAMILIES,
    **TYPED_ANNEX_SHAPE_FAMILIES,
    **TYPED_PICTURE_FAMILIES,
    **NEW_LAYOUT_FAMILIES,
    **NEW_LAYOUT_FAMILIES_B,
    **NEW_LAYOUT_FAMILIES_C,
    **NEW_LAYOUT_FAMILIES_D,
    **NEW_LAYOUT_FAMILIES_E,
    **NEW_LAYOUT_FAMILIES_F,
    **NEW_LAYOUT_FAMILIES_G,
    **NEW_LAYOUT_FAMILIES_H,
    **NEW_LAYOUT_FAMILIES_I,
    **NEW_LAYOUT_FAMILIES_J,
    **NEW_LAYOUT_FAMILIES_K,
    **PLAN_LAYOUT_FAMILIES,
    **PLAN_CODELESS_FAMILIES,
    **NEW_LAYOUT_FAMILIES_L,
    **NEW_LAYOUT_FAMILIES_M,
    **NEW_LAYOUT_FAMILIES_N,
    **NEW_LAYOUT_FAMILIES_O,
    **NEW_LAYOUT_FAMILIES_P,
    **NEW_LAYOUT_FAMILIES_Q,
    **NEW_LAYOUT_FAMILIES_R,
    **NEW_LAYOUT_FAMILIES_S,
    **NEW_LAYOUT_FAMILIES_T,
    **NEW_LAYOUT_FAMILIES_U,
    **NEW_LAYOUT_FAMILIES_V,
    **NEW_LAYOUT_FAMILIES_W,
    **NEW_LAYOUT_FAMILIES_X,
    **NEW_LAYOUT_FAMILIES_Y,
    **NEW_LAYOUT_FAMILIES_Z,
    **NEW_LAYOUT_FAMILIES_ZA,
}
