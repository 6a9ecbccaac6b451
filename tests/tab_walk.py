"""Tab through a page as a keyboard user does, noting where focus goes and whether it shows.

The page keeps its own record of focus, read between batches of presses: asking the page after every press
cost the browser a third more for the whole walk.
"""

from __future__ import annotations

from dataclasses import dataclass


TABBABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => !el.disabled && el.tabIndex >= 0 && !el.closest('[hidden]')
                  && (!el.closest('.md-header') || el.closest('.hub-header-search'))
                  && el.checkVisibility({visibilityProperty: true}))
    .filter((el, i, all) => {
        if (el.type !== 'radio') return true;
        const group = all.filter(other => other.type === 'radio' && other.name === el.name);
        return el === (group.find(radio => radio.checked) || group[0]);
    })"""
"""Every control a keyboard user can reach on the page with Tab, in document order (one radio button
per group: arrow keys move within it). Of the theme's header only the search form counts: the
colour toggle and the links before it are the theme's own."""

LOOKS = """el => [el, ...(el.labels || []), ...(el.nextElementSibling?.tagName === 'LABEL' ? [el.nextElementSibling] : [])]
  .map(part => {
    const s = getComputedStyle(part);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor,
            s.textDecorationLine, s.color].join(' ');
}).join('|')"""
"""How a control and its labels look (Material draws a hidden radio's focus on the label after it):
focus is visible when this changes as the control takes focus."""

WATCH_FOCUS = f"""() => {{
    const controls = ({TABBABLE})();
    controls.forEach((el, i) => {{
        el.dataset.hubTab = i;
        el.dataset.hubLooks = ({LOOKS})(el);
    }});
    window.__focus = [];
    window.__noteFocus = () => {{
        const el = document.activeElement;
        window.__focus.push(el.dataset.hubTab === undefined ? null
                            : [Number(el.dataset.hubTab), ({LOOKS})(el) !== el.dataset.hubLooks]);
    }};
    window.addEventListener('keydown', window.__noteFocus, true);
    return controls.length;
}}"""
"""Number the page's controls and note, as each key goes down, which of them has the focus the key before gave
and whether it looks changed: the page keeps the record, so pressing Tab costs no question to the page."""

PRESSES = 20
"""Tab presses between two readings of the page's record."""


@dataclass
class Focus:
    """Where Tab went on a page as it loaded."""
    count: int
    """How many controls the page had as it loaded."""
    reached: list[int]
    """The controls Tab reached, by their place on the loaded page, until focus came round to the top again."""
    unchanged: list[int]
    """The controls among them that looked the same with the focus as without."""
    remaining: list[int]
    """The controls of the loaded page still on it at the end, in document order."""


def walk_with_tab(page) -> Focus:
    """Press Tab through the page as loaded, reading the page's record between batches of presses."""
    count = page.evaluate(WATCH_FOCUS)
    noted: list[list | None] = []
    for _ in range(0, count + 40, PRESSES):  # the header's controls take Tab presses too
        for _ in range(PRESSES):
            page.keyboard.press("Tab")
        noted += page.evaluate("() => { window.__noteFocus(); return window.__focus.splice(0); }")
        reached, unchanged, came_round = _in_order(noted)
        if came_round:
            break
    remaining = page.evaluate(f"() => ({TABBABLE})().filter(el => el.dataset.hubTab !== undefined)"
                              ".map(el => Number(el.dataset.hubTab))")
    return Focus(count, reached, unchanged, remaining)


def _in_order(noted: list[list | None]) -> tuple[list[int], list[int], bool]:
    """The controls focus went to, those of them that looked unchanged, and whether it came round to the top.
    Controls that appear on the way (a refreshed to-do list) are passed over; controls that a script replaced on
    the way are not expected."""
    reached: list[int] = []
    unchanged: list[int] = []
    for focus in noted:
        if focus is None or reached[-1:] == [focus[0]]:
            continue  # not a control of the page as loaded, or the next part of one (a date's day, month, year)
        if reached and focus[0] < reached[-1]:
            return reached, unchanged, True
        reached.append(focus[0])
        if not focus[1]:
            unchanged.append(focus[0])
    return reached, unchanged, False
