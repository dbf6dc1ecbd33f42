"""The .gala document: exact round trips, strict decoding and refusal of bad files."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gala_desktop
from gala_desktop.domain.intervention import ConditionKind
from gala_desktop.domain.project import (
    AccessAspect,
    BudgetLine,
    ChecklistItem,
    ChecklistState,
    EntryStatus,
    FundingSource,
    ImplementationPlan,
    InterventionSnapshot,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.project import document
from gala_desktop.project.document import (
    FILE_SUFFIX,
    FORMAT_VERSION,
    CorruptProjectError,
    NewerFormatError,
    NotAProjectError,
    ProjectFileError,
    UnreadableProjectError,
    document_bytes,
    load_project,
    project_from_dict,
    project_to_dict,
    read_document,
    save_project,
)


def full_project() -> Project:
    """A project that uses every field, with None, empty and odd values mixed in."""
    plan_a = ImplementationPlan(
        partners="Welzijn Lindeveen; Bibliotheek Lindeveen",
        budget=[BudgetLine(6_200_000, 2026, FundingSource.SPUK), BudgetLine(1_234_567),
                BudgetLine(500_000, 2027, None)],
        funding_source=FundingSource.SPUK,
        funding_note="Deels uit het Sportakkoord",
        start=dt.date(2025, 1, 1),
        end=dt.date(2028, 12, 31),
        neighbourhoods="De Hoven, Oude Kern",
        reach=240,
        responsible="J. de Vries",
        monitoring="Aantal deelnemers per kwartaal",
        checklist=[
            ChecklistItem(ConditionKind.TRAINING, "Licentie nodig", ChecklistState.ARRANGED, "Rond"),
            ChecklistItem(ConditionKind.COSTS, "Kosten € 50 p.p.", ChecklistState.NOT_APPLICABLE),
            ChecklistItem(ConditionKind.VOLUNTEERS, "", ChecklistState.OPEN, ""),
        ],
        access={
            AccessAspect.SUITABLE: "Ja, in overleg 🙂",
            AccessAspect.AFFORDABLE: "",
            AccessAspect.NEARBY: "Buurthuis",
            AccessAspect.UNDERSTANDABLE: "مرحبا — RTL",
        },
        notes="Regel 1\nRegel 2\ttab \x00 nul \x0b vt",
    )
    return Project(
        gemeente="Lindeveen",
        title="Samen sterk <b>&</b> \"gezond\"",
        subtitle="",
        authors=["A. Jansen", "B. El Amrani", ""],
        period="2025–2028",
        version_status="Definitief",
        date=dt.date(2026, 11, 23),
        format_reference="Format beleidsvisie v2",
        introduction="Inleiding\n\nmet witregel",
        themes=[
            ThemeChoice("mantelzorg", "Veel mantelzorgers"),
            ThemeChoice("eenzaamheid", ""),
            ThemeChoice("thema-uit-de-toekomst", "onbekende sleutel blijft staan"),
        ],
        shortlist=[
            ShortlistEntry(
                intervention_key="resto-vanharte",
                theme_key="eenzaamheid",
                snapshot=InterventionSnapshot(
                    "Resto VanHarte", RecognitionLevel.WELL_FOUNDED, "Stichting", dt.date(2026, 1, 5)
                ),
                status=EntryStatus.CHOSEN,
                priority=Priority.HIGH,
                plan=plan_a,
                id="entry-0001",
            ),
            ShortlistEntry(
                intervention_key="x",
                theme_key="mantelzorg",
                snapshot=InterventionSnapshot("X", RecognitionLevel.UNKNOWN, "", None),
                status=EntryStatus.DROPPED,
                priority=Priority.LOW,
                id="entry-0002",
            ),
            ShortlistEntry(
                intervention_key="y",
                theme_key="mantelzorg",
                snapshot=InterventionSnapshot("Y", RecognitionLevel.EFFECTIVE_STRONG, "O"),
                plan=ImplementationPlan(budget=[BudgetLine(0)], reach=0, access={AccessAspect.NEARBY: ""}),
                id="entry-0003",
            ),
        ],
    )


def test_full_round_trip_through_a_file(tmp_path):
    project = full_project()
    path = tmp_path / "plan.gala"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    assert [e.id for e in loaded.shortlist] == ["entry-0001", "entry-0002", "entry-0003"]
    assert [t.theme_key for t in loaded.themes] == ["mantelzorg", "eenzaamheid", "thema-uit-de-toekomst"]
    assert loaded.shortlist[1].plan.budget_cents is None
    assert loaded.shortlist[2].plan.budget_cents == 0
    assert loaded.shortlist[2].plan.access == {AccessAspect.NEARBY: ""}
    assert loaded.shortlist[1].plan.access == {}
    assert loaded.shortlist[0].plan.notes == "Regel 1\nRegel 2\ttab \x00 nul \x0b vt"


def test_file_is_readable_stable_json(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(full_project(), path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith('{\n  "format": "gala-desktop-project",\n  "format_version": 3,\n')
    assert '"saved_with": "' + gala_desktop.__version__ + '"' in text
    assert "2025–2028" in text and "🙂" in text and "مرحبا" in text  # not \u-escaped
    assert "\\u0000" in text and "\\u000b" in text  # control characters escaped
    assert '"budget_cents": 1234567' in text and '"start": "2025-01-01"' in text
    assert '"year": 2026' in text and '"source": "brede_spuk"' in text
    assert '"status": "gekozen"' in text and '"level": "goed_onderbouwd"' in text
    # Access answers in the fixed order of the four questions, whatever the dict order was.
    access = json.loads(text)["project"]["shortlist"][0]["plan"]["access"]
    assert list(access) == ["betaalbaar", "nabij", "begrijpelijk", "passend"]
    # Saving again gives identical bytes.
    save_project(load_project(path), tmp_path / "again.gala")
    assert (tmp_path / "again.gala").read_bytes() == raw


def test_lone_surrogate_survives(tmp_path):
    project = Project(title="kapot \ud800 teken")
    path = tmp_path / "s.gala"
    save_project(project, path)
    path.read_bytes().decode("utf-8")  # still valid UTF-8
    assert load_project(path).title == "kapot \ud800 teken"


any_text = st.text(max_size=40)


@st.composite
def projects_with_text(draw) -> Project:
    t = lambda: draw(any_text)  # noqa: E731
    entries = []
    for n in range(draw(st.integers(0, 2))):
        checklist = [
            ChecklistItem(draw(st.sampled_from(ConditionKind)), t(), draw(st.sampled_from(ChecklistState)), t())
            for _ in range(draw(st.integers(0, 2)))
        ]
        aspects = draw(st.lists(st.sampled_from(AccessAspect), unique=True))
        plan = ImplementationPlan(
            partners=t(), funding_note=t(), neighbourhoods=t(), responsible=t(), monitoring=t(),
            notes=t(), checklist=checklist, access={a: t() for a in aspects},
            budget=draw(st.lists(st.builds(
                BudgetLine, st.integers(0, 10**12), st.none() | st.integers(2000, 2100),
                st.none() | st.sampled_from(FundingSource)), max_size=3)),
            reach=draw(st.none() | st.integers(0, 10**6)),
        )
        snapshot = InterventionSnapshot(t(), draw(st.sampled_from(RecognitionLevel)), t())
        entries.append(ShortlistEntry(t(), t(), snapshot, plan=plan, id=f"{n}-{t()}"))
    return Project(
        gemeente=t(), title=t(), subtitle=t(), authors=draw(st.lists(any_text, max_size=3)),
        period=t(), version_status=t(), format_reference=t(), introduction=t(),
        themes=[ThemeChoice(k, t()) for k in draw(st.lists(any_text, max_size=3, unique=True))],
        shortlist=entries,
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(projects_with_text())
def test_any_text_round_trips(project):
    raw = document_bytes(project_to_dict(project))
    raw.decode("utf-8")
    assert project_from_dict(read_document(raw)) == project


# --- strict decoding ------------------------------------------------------------------------


def _doc() -> dict:
    return project_to_dict(full_project())


def _corrupt_message(doc) -> str:
    with pytest.raises(CorruptProjectError) as info:
        project_from_dict(doc)
    return str(info.value)


def test_wrong_type_names_what_and_where():
    doc = _doc()
    doc["project"]["shortlist"][0]["plan"]["budget"][0]["budget_cents"] = "veel"
    msg = _corrupt_message(doc)
    assert "‘budget_cents’" in msg and "shortlist-item 1 (‘Resto VanHarte’)" in msg
    assert "budgetregel 1" in msg
    assert "heel getal" in msg and "tekst" in msg


@pytest.mark.parametrize("value", [12.5, True, [1]])
def test_budget_must_be_whole_cents(value):
    doc = _doc()
    doc["project"]["shortlist"][0]["plan"]["budget"][0]["budget_cents"] = value
    _corrupt_message(doc)
    old = _doc()  # a version-1 file with a wrong single budget is refused as well
    old["format_version"] = 1
    plan = old["project"]["shortlist"][0]["plan"]
    del plan["budget"]
    plan["budget_cents"] = value
    assert "‘budget_cents’" in _corrupt_message(old)


def test_unknown_enum_value_is_refused():
    doc = _doc()
    doc["project"]["shortlist"][1]["status"] = "misschien"
    msg = _corrupt_message(doc)
    assert "‘misschien’" in msg and "‘gekozen’" in msg and "shortlist-item 2" in msg


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda p: p["shortlist"][0]["snapshot"].update(level="top"), "‘level’"),
        (lambda p: p["shortlist"][0]["plan"]["access"].update(snel="ja"), "‘snel’"),
        (lambda p: p["shortlist"][0]["plan"]["checklist"][0].update(kind="geld"), "randvoorwaarde 1"),
        (lambda p: p["shortlist"][0]["plan"].update(funding_source="loterij"), "‘funding_source’"),
        (lambda p: p["shortlist"][0]["plan"].update(start="01-02-2025"), "‘start’"),
        (lambda p: p["shortlist"][0]["plan"].update(end="2025-02-30"), "‘end’"),
        (lambda p: p.update(date=20250101), "‘date’"),
        (lambda p: p.update(authors=["a", 3]), "auteur 2"),
        (lambda p: p.update(themes={"a": 1}), "‘themes’"),
        (lambda p: p["themes"].append("mantelzorg"), "thema 4"),
        (lambda p: p["themes"].append({"theme_key": "mantelzorg"}), "dubbel"),
        (lambda p: p["shortlist"][1].update(id="entry-0001"), "kenmerk"),
        (lambda p: p["shortlist"][0].pop("intervention_key"), "‘intervention_key’"),
        (lambda p: p["shortlist"][0].pop("snapshot"), "‘snapshot’"),
        (lambda p: p["shortlist"][0]["snapshot"].pop("name"), "‘name’"),
        (lambda p: p["themes"][0].pop("theme_key"), "‘theme_key’"),
        (lambda p: p["shortlist"][0]["plan"]["checklist"][0].pop("text"), "‘text’"),
        (lambda p: p["shortlist"][0].update(id=""), "‘id’"),
    ],
)
def test_strict_decoding(mutate, fragment):
    doc = _doc()
    mutate(doc["project"])
    assert fragment in _corrupt_message(doc)


def test_extra_keys_ignored_and_missing_optional_keys_get_defaults():
    doc = _doc()
    doc["toekomst"] = 1
    doc["project"]["nieuw_veld"] = {"x": 1}
    doc["project"]["shortlist"][0]["plan"]["extra"] = []
    assert project_from_dict(doc) == full_project()

    minimal = {
        "format": "gala-desktop-project",
        "format_version": 1,
        "project": {
            "shortlist": [
                {
                    "intervention_key": "k",
                    "theme_key": "mantelzorg",
                    "snapshot": {"name": "N", "level": "goed_beschreven"},
                }
            ]
        },
    }
    project = project_from_dict(minimal)
    defaults = Project()
    assert project.subtitle == defaults.subtitle and project.version_status == "Concept"
    entry = project.shortlist[0]
    assert entry.status is EntryStatus.CONSIDERING and entry.priority is Priority.MEDIUM
    assert entry.plan == ImplementationPlan() and entry.snapshot.owner == ""
    assert len(entry.id) == 32  # a fresh id


def test_project_from_dict_does_not_change_its_input():
    doc = _doc()
    before = copy.deepcopy(doc)
    project_from_dict(doc)
    assert doc == before


# --- files that must be refused, untouched ------------------------------------------------


def _refused(path: Path, error_type: type[ProjectFileError]) -> str:
    before = path.read_bytes()
    with pytest.raises(error_type) as info:
        load_project(path)
    assert path.read_bytes() == before
    message = str(info.value)
    assert f"‘{path.name}’" in message
    assert "niet gewijzigd" in message
    return message


def _valid_bytes() -> bytes:
    return document_bytes(project_to_dict(full_project()))


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"", "leeg"),
        (b"  \n", "leeg"),
        (_valid_bytes()[:500], "onvolledig"),
        (bytes(range(256)) * 4, "leesbare tekst"),
        (b"\x00" * 4096, "niet geldig"),
        ("{\"format\": \"gala-desktop-project\", ü}".encode("latin-1"), "leesbare tekst"),
        (b'{"format": "gala-desktop-project", "format_version": 1, "project": {"date": NaN}}', "niet geldig"),
        (b'{"format": "gala-desktop-project", "format_version": "1", "project": {}}', "bestandsversie"),
        (b'{"format": "gala-desktop-project", "format_version": 1}', "‘project’"),
        (b'{"format": "gala-desktop-project", "format_version": 1, "project": []}', "groep gegevens"),
        (b'{"format": "gala-desktop-project", "format_version": 0, "project": {}}', "versie 0"),
        (b"[" * 100_000, "niet geldig"),
    ],
)
def test_corrupt_files_are_refused(tmp_path, content, fragment):
    path = tmp_path / "kapot.gala"
    path.write_bytes(content)
    message = _refused(path, CorruptProjectError)
    assert fragment in message


def test_corrupt_file_mentions_backup(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(full_project(), path)
    save_project(full_project(), path)  # now plan.gala.bak exists
    path.write_bytes(_valid_bytes()[:100])
    assert "‘plan.gala.bak’" in _refused(path, CorruptProjectError)


@pytest.mark.parametrize(
    "content",
    [b'{"name": "iets anders"}', b"[1, 2, 3]", b'"tekst"', b'{"format": "gala-desktop-annex"}'],
)
def test_json_that_is_not_a_project(tmp_path, content):
    path = tmp_path / "ander.gala"
    path.write_bytes(content)
    message = _refused(path, NotAProjectError)
    assert "geen GALA Desktop-project" in message
    assert "eindigt op" not in message  # it does: no advice to pick such a file


def test_binary_file_with_other_suffix_is_not_a_project(tmp_path):
    path = tmp_path / "verslag.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    assert _refused(path, NotAProjectError).count("Kies een bestand dat eindigt op .gala.") == 1


def test_json_with_another_suffix_gets_the_advice_once(tmp_path):
    path = tmp_path / "ander.json"
    path.write_bytes(b'{"name": "iets anders"}')
    assert _refused(path, NotAProjectError).count("Kies een bestand dat eindigt op .gala.") == 1


def test_newer_format_is_refused_and_explained(tmp_path):
    doc = _doc()
    doc["format_version"] = FORMAT_VERSION + 1
    doc["saved_with"] = "9.0.0"
    path = tmp_path / "nieuw.gala"
    path.write_bytes(document_bytes(doc))
    message = _refused(path, NewerFormatError)
    assert "nieuwere versie" in message and "9.0.0" in message
    assert "Werk GALA Desktop bij" in message


def test_saving_over_a_newer_file_is_refused(tmp_path):
    doc = _doc()
    doc["format_version"] = FORMAT_VERSION + 3
    path = tmp_path / "gedeeld.gala"
    path.write_bytes(document_bytes(doc))
    before = path.read_bytes()
    with pytest.raises(NewerFormatError) as info:
        save_project(Project(title="oud"), path)
    assert path.read_bytes() == before
    assert "overschrijven" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gedeeld.gala"]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableProjectError) as info:
        load_project(tmp_path / "weg.gala")
    assert "‘weg.gala’" in str(info.value) and "bestaat niet" in str(info.value)
    (tmp_path / "map.gala").mkdir()
    with pytest.raises(UnreadableProjectError):
        load_project(tmp_path / "map.gala")


def test_unreadable_file(tmp_path):
    path = tmp_path / "geheim.gala"
    save_project(full_project(), path)
    path.chmod(0o000)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user whose reads ignore file permissions (root)")
        with pytest.raises(UnreadableProjectError) as info:
            load_project(path)
        assert "toestemming" in str(info.value)
    finally:
        path.chmod(0o644)


# --- migrations ---------------------------------------------------------------------------


def test_migration_loop_upgrades_old_versions(monkeypatch, tmp_path):
    calls = []

    def v0_to_v1(doc):
        calls.append(doc["format_version"])
        body = doc.pop("gegevens")
        body["title"] = body.pop("titel")
        doc["project"] = body
        return doc

    monkeypatch.setitem(document._MIGRATIONS, 0, v0_to_v1)
    old = {"format": "gala-desktop-project", "format_version": 0, "gegevens": {"titel": "Oud plan"}}
    path = tmp_path / "oud.gala"
    path.write_text(json.dumps(old), encoding="utf-8")
    before = path.read_bytes()
    project = load_project(path)
    assert project.title == "Oud plan"
    assert calls == [0]
    assert path.read_bytes() == before  # migrating never rewrites the file on load


def test_migration_chain_runs_in_order(monkeypatch):
    order = []
    monkeypatch.setattr(document, "FORMAT_VERSION", 3)
    for version in (0, 1, 2):
        def step(doc, version=version):
            order.append((version, doc["format_version"]))
            doc.setdefault("project", {})["title"] = doc.get("project", {}).get("title", "") + str(version)
            return doc
        monkeypatch.setitem(document._MIGRATIONS, version, step)
    project = project_from_dict({"format": "gala-desktop-project", "format_version": 0})
    assert order == [(0, 0), (1, 1), (2, 2)]
    assert project.title == "012"


def test_failing_migration_is_a_corrupt_file(monkeypatch):
    monkeypatch.setitem(document._MIGRATIONS, 0, lambda doc: doc["ontbreekt"])
    with pytest.raises(CorruptProjectError) as info:
        project_from_dict({"format": "gala-desktop-project", "format_version": 0})
    assert "bestandsversie 0" in str(info.value)


def test_suffix_constant():
    assert FILE_SUFFIX == ".gala" and FORMAT_VERSION == 3


# --- version 2 → 3: one budget per entry becomes budget lines (a version-1 file takes both steps) --------------------------------

V1_FILE = Path(__file__).resolve().parent / "data" / "lindeveen-format-1.gala"


def test_a_version_1_file_opens_unchanged_in_meaning():
    """Every single budget of a real version-1 file becomes one amount for the whole period
    from the entry's funding source: the same totals per entry, theme and source."""
    raw = json.loads(V1_FILE.read_text(encoding="utf-8"))
    assert raw["format_version"] == 1
    before = V1_FILE.read_bytes()
    project = load_project(V1_FILE)
    assert V1_FILE.read_bytes() == before  # opening never changes the file
    old_entries = raw["project"]["shortlist"]
    assert len(project.shortlist) == len(old_entries)
    for entry, old in zip(project.shortlist, old_entries):
        cents = old["plan"]["budget_cents"]
        assert entry.plan.budget_cents == cents
        assert entry.plan.budget == ([] if cents is None else [BudgetLine(cents, None, None)])
        assert entry.plan.funding_source == (
            FundingSource(old["plan"]["funding_source"]) if old["plan"]["funding_source"] else None)
    # everything else reads as before: the rest of the plan and the project round-trip
    again = project_from_dict(project_to_dict(project))
    assert again == project
    assert project_to_dict(project)["format_version"] == FORMAT_VERSION


def test_version_1_without_a_budget_gets_no_lines():
    doc = {"format": "gala-desktop-project", "format_version": 1, "project": {"shortlist": [
        {"intervention_key": "k", "theme_key": "mantelzorg", "snapshot": {"name": "N", "level": "goed_beschreven"},
         "plan": {"budget_cents": None, "funding_source": "iza"}}]}}
    plan = project_from_dict(doc).shortlist[0].plan
    assert plan.budget == [] and plan.budget_cents is None and plan.funding_source is FundingSource.IZA


def test_the_file_stamp_is_the_standard_sha256_of_the_bytes_read(tmp_path):
    import hashlib

    from gala_desktop.project.stamp import FileStamp

    path = tmp_path / "plan.gala"
    data = "{\"format\": \"gala-desktop-project\", \"naam\": \"Lindeveen ∙ ë\"}".encode()
    path.write_bytes(data)
    stamp = FileStamp.of(data, path.stat())
    assert stamp.sha256 == hashlib.sha256(data).hexdigest()
    assert stamp.size == len(data)
