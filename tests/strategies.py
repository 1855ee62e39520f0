"""Hypothesis strategies shared by the property-based tests (tests/unit and tests/integration)."""

import string

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from(list("。,、;:!?“”()()《》\n …?!.,") + ["(wǎng)", "(市、区)", "(2021年)"])
TEXT = st.lists(
    st.one_of(
        CJK, PUNCT, st.sampled_from(list(string.ascii_letters + string.digits)), st.characters()
    ),
    max_size=300,
).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
