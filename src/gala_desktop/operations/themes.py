"""Use cases on the chosen themes: choose or unchoose, and explain why (the rationale)."""

from __future__ import annotations

from gala_desktop.domain.project import Project, ValueRef
from gala_desktop.domain.themes import theme_name
from gala_desktop.operations.edits import ChooseTheme, SetValue
from gala_desktop.operations.workspace import Outcome, Workspace


def choose_theme(ws: Workspace, theme_key: str, chosen: bool = True, rationale: str = "") -> Outcome:
    """Choose (in taxonomy order) or unchoose a theme. Unchoosing keeps its shortlist entries,
    shown under "Niet gekozen thema's"; ``rationale`` brings back, when choosing, the text it
    had when it was unchosen. Unchoosing a theme with a rationale says what becomes of it."""
    choice = ws.project.theme_choice(theme_key)
    if (choice is not None) == chosen:
        return Outcome(False)
    if not ws.apply(theme_choice_edit(theme_key, chosen, rationale)):
        return Outcome(False)
    if not chosen and choice.rationale.strip():
        return Outcome(True, f"‘{theme_name(theme_key)}’ is niet meer gekozen. Vinkt u het thema "
                             "weer aan, dan komt de toelichting terug (zolang dit project open is); "
                             "Ctrl+Z kan ook.")
    return Outcome(True)


def theme_choice_edit(theme_key: str, chosen: bool, rationale: str = "") -> ChooseTheme:
    name = theme_name(theme_key)
    text = f"Thema kiezen: {name}" if chosen else f"Thema niet meer kiezen: {name}"
    return ChooseTheme(text, theme_key, chosen, rationale)


def set_rationale(ws: Workspace, theme_key: str, text: str) -> Outcome:
    """Why this theme was chosen. Typing merges into one undo step per theme."""
    choice = ws.project.theme_choice(theme_key)
    if choice is None:
        raise KeyError(f"theme {theme_key!r} is not chosen")
    if choice.rationale == text:
        return Outcome(False)
    return Outcome(ws.apply(rationale_edit(ws.project, theme_key, text)))


def rationale_edit(project: Project, theme_key: str, text: str) -> SetValue:
    if project.theme_choice(theme_key) is None:
        raise KeyError(f"theme {theme_key!r} is not chosen")
    return SetValue(project, ValueRef("rationale", theme_key, "rationale"), text,
                    f"Toelichting wijzigen: {theme_name(theme_key)}", merging=True)
