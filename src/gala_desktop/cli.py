"""Command line: start the app, maintain the catalogue, export an annex without a display."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gala_desktop import __version__, atomic, paths
from gala_desktop.file_errors import database_write_reason, write_failure_reason

_COMMANDS = ("catalogue", "export")

# argparse's own texts (usage, headings, errors) in Dutch; see use_dutch_argparse_texts
_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "deze hulptekst tonen en stoppen",
    "show program's version number and exit": "het versienummer tonen en stoppen",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
}


def use_dutch_argparse_texts() -> None:
    """Everything ``--help`` and a wrong argument print is Dutch (argparse looks its texts up
    through its module's ``_`` each time it needs one)."""
    argparse._ = lambda text: _ARGPARSE_DUTCH.get(text, text)  # type: ignore[attr-defined]


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gala-desktop",
        description="GALA Desktop: kies GALA-thema's, zoek erkende interventies en maak een "
        "bijlage bij de beleidsvisie sociale basis.",
        epilog="Opdrachten: 'gala-desktop catalogue --help' (catalogus beheren), "
        "'gala-desktop export --help' (bijlage maken zonder scherm).",
    )
    parser.add_argument("--version", action="version", version=f"GALA Desktop {__version__}",
                        help="het versienummer tonen en stoppen")
    parser.add_argument("file", nargs="?", metavar="BESTAND", help="een projectbestand (.gala) om te openen")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gala-desktop")
    parser.add_argument("--version", action="version", version=f"GALA Desktop {__version__}",
                        help="het versienummer tonen en stoppen")
    commands = parser.add_subparsers(dest="command", required=True, title="opdrachten")

    catalogue = commands.add_parser("catalogue", help="de interventiecatalogus beheren")
    actions = catalogue.add_subparsers(dest="action", required=True, title="opdrachten")
    build = actions.add_parser("build", help="de catalogusdatabase opbouwen uit de tekstbron")
    build.add_argument("--source", type=Path, default=None, help="map met de bron (standaard data/catalogue)")
    build.add_argument("--output", type=Path, default=None, help="databasebestand (standaard data/catalogue.sqlite)")
    export = actions.add_parser("export", help="de hele catalogus uitvoeren")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--output", type=Path, default=None, help="bestand (standaard: het scherm)")
    export.add_argument("--catalogue", type=Path, default=None, help="een andere catalogusdatabase")
    search = actions.add_parser("search", help="zoeken in de catalogus, zoals het zoekveld van het programma")
    search.add_argument("text", help="de zoekwoorden")
    search.add_argument("--limit", type=int, default=20, help="hoeveel resultaten (standaard 20)")
    search.add_argument("--catalogue", type=Path, default=None, help="een andere catalogusdatabase")
    coverage = actions.add_parser("coverage", help="de dekking van de catalogus als Markdown (docs/catalogue-coverage.md)")
    coverage.add_argument("--source", type=Path, default=None, help="map met de bron (standaard data/catalogue)")
    coverage.add_argument("--output", type=Path, default=None, help="bestand (standaard: het scherm)")
    validate = actions.add_parser("validate", help="een bronbestand of bronmap controleren")
    validate.add_argument("file", type=Path)
    keygen = actions.add_parser("keygen", help="een sleutelpaar maken om catalogusbijwerkingen te ondertekenen")
    keygen.add_argument("--output", type=Path, required=True,
                        help="naam zonder achtervoegsel: maakt NAAM.key (geheim) en NAAM.pub")
    pack = actions.add_parser("pack", help="een ondertekende catalogusbijwerking (.galacat) maken")
    pack.add_argument("--key", type=Path, required=True, help="de privésleutel (.key)")
    pack.add_argument("--output", type=Path, required=True, help="het .galacat-bestand")
    pack.add_argument("--source", type=Path, default=None, help="map met de bron (standaard data/catalogue)")
    pack.add_argument("--catalogue", type=Path, default=None, help="een al opgebouwde catalogusdatabase")
    install = actions.add_parser("install", help="een catalogusbijwerking (.galacat) controleren en installeren")
    install.add_argument("file", type=Path)
    actions.add_parser("rollback", help="de vorige catalogus terugzetten")

    annex = commands.add_parser(
        "export", help="een project als bijlage exporteren (PDF/A of Word)",
        epilog="Een PDF staat klaar zodra hij is opgemaakt (de regel 'Bijlage klaar'); daarna "
        "volgt de PDF/A-controle, en pas als die slaagt wordt het bestand de PDF/A-versie. "
        "Afsluitcode 0: geschreven (PDF: gecontroleerde PDF/A); 1: niet geschreven; 3: "
        "geschreven, maar de PDF is geen gecontroleerde PDF/A (zie de melding).")
    annex.add_argument("project", type=Path, help="het projectbestand (.gala)")
    annex.add_argument("--output", "-o", type=Path, default=None,
                       help="het bestand (standaard: naast het project, met .pdf of .docx)")
    annex.add_argument("--format", choices=["pdf", "docx"], default=None,
                       help="pdf: PDF/A voor het archief; docx: Word-document om verder te "
                       "bewerken (standaard: volgens de extensie van --output, anders pdf)")
    annex.add_argument("--template", type=Path, default=None,
                       help="huisstijlsjabloon (.dotx of .docx) voor het Word-document")
    annex.add_argument("--include-considering", action="store_true", help="ook interventies met status 'overwegen'")
    annex.add_argument("--include-dropped", action="store_true", help="ook afgevallen interventies")
    return parser


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _with_builder(command):
    """Commands that build a catalogue need SQLAlchemy, which the installed program (the
    frozen bundle) leaves out: it only reads catalogues. Say so instead of failing. (Packing
    an already built database, ``pack --catalogue``, needs no builder.)"""

    def run(args) -> int:
        if getattr(args, "catalogue", None) is not None:
            return command(args)
        try:
            import sqlalchemy  # noqa: F401
        except ImportError:
            _err("Deze opdracht bouwt een catalogus en werkt alleen in een broninstallatie van "
                 "GALA Desktop (pip install gala-desktop), niet in het geïnstalleerde programma.")
            return 2
        return command(args)

    return run


def _catalogue_build(args) -> int:
    from gala_desktop.catalogue.builder import build_catalogue
    from gala_desktop.catalogue.source import SourceError

    if not (args.source and args.output) and not paths.catalogue_source_dir().is_dir():
        # an installed or frozen program has no source checkout to default to
        _err("Geef de bronmap en het doelbestand op: "
             "gala-desktop catalogue build --source MAP --output BESTAND.sqlite")
        return 2
    source = args.source or paths.catalogue_source_dir()
    output = args.output or (paths.catalogue_source_dir().parent / "catalogue.sqlite")
    try:
        built = build_catalogue(source, output)
    except SourceError as err:
        for problem in err.problems:
            _err(str(problem))
        _err(f"De catalogus is niet opgebouwd: {len(err.problems)} probleem/problemen. "
             f"{output} is niet gewijzigd.")
        return 1
    except OSError as err:
        _err(f"Kan {output} niet schrijven. {write_failure_reason(err)} "
             "Het bestaande bestand is niet gewijzigd.")
        return 1
    except Exception as err:  # SQLite's own errors (a full disk) come as database errors
        reason = database_write_reason(err)
        if reason is None:
            raise
        _err(f"Kan {output} niet schrijven. {reason} Het bestaande bestand is niet gewijzigd.")
        return 1
    print(f"Catalogus opgebouwd: {len(built.interventions)} interventies → {output}")
    return 0


def _write_document(document: str, output: Path | None) -> int:
    """A text to a file, or to the screen without ``--output``."""
    if output is None:
        sys.stdout.write(document)
        return 0
    try:
        atomic.write_bytes(output, document.encode("utf-8"))  # never half a file over a good one
    except OSError as err:
        _err(f"Kan {output} niet schrijven. {write_failure_reason(err)} Het bestaande bestand is niet gewijzigd.")
        return 1
    return 0


def _catalogue_export(args) -> int:
    from gala_desktop.catalogue.export import catalogue_to_json
    from gala_desktop.catalogue.repository import Catalogue, CatalogueError

    try:
        with Catalogue.open(args.catalogue) as catalogue:
            document = catalogue_to_json(catalogue)
    except CatalogueError as err:
        _err(str(err))
        return 1
    return _write_document(document, args.output)


def _catalogue_search(args) -> int:
    from gala_desktop.catalogue.repository import Catalogue, CatalogueError
    from gala_desktop.domain.search import SearchQuery

    try:
        with Catalogue.open(args.catalogue) as catalogue:
            result = catalogue.search(SearchQuery(text=args.text, limit=max(1, args.limit)))
    except CatalogueError as err:
        _err(str(err))
        return 1
    for item in result.items:
        print(f"{item.key}\t{item.name}\t{item.best_level.label}")
    _err(f"{result.total} interventie(s) gevonden voor '{args.text}'.")
    return 0


def _catalogue_coverage(args) -> int:
    from gala_desktop.catalogue.coverage import render_source
    from gala_desktop.catalogue.source import SourceError

    try:
        document = render_source(args.source or paths.catalogue_source_dir())
    except SourceError as err:
        for problem in err.problems:
            _err(str(problem))
        _err(f"Geen dekkingsoverzicht gemaakt: {len(err.problems)} probleem/problemen in de bron.")
        return 1
    return _write_document(document, args.output)


def _catalogue_validate(args) -> int:
    from gala_desktop.catalogue.source import validate_path

    problems = validate_path(args.file)
    for problem in problems:
        _err(str(problem))
    if problems:
        _err(f"{len(problems)} probleem/problemen gevonden.")
        return 1
    print(f"{args.file}: geen problemen gevonden.")
    return 0


def _catalogue_keygen(args) -> int:
    from gala_desktop.catalogue.signing import SigningKeyError, generate_key_pair

    try:
        private, public = generate_key_pair(args.output)
    except SigningKeyError as err:
        _err(str(err))
        return 1
    except OSError as err:
        _err(f"De sleutels kunnen niet worden geschreven naar {args.output}. {write_failure_reason(err)}")
        return 1
    print(f"Privésleutel: {private} (geheim houden, nooit meeleveren)")
    print(f"Openbare sleutel: {public} (meeleveren in resources/catalogue-keys/)")
    return 0


def _catalogue_pack(args) -> int:
    import tempfile

    from gala_desktop.catalogue.signing import SigningKeyError
    from gala_desktop.catalogue.source import SourceError
    from gala_desktop.catalogue.update_file import UpdateError, pack_update

    with tempfile.TemporaryDirectory() as folder:
        database = args.catalogue
        try:
            if database is None:
                from gala_desktop.catalogue.builder import build_catalogue  # SQLAlchemy

                source = args.source or paths.catalogue_source_dir()
                database = Path(folder) / "catalogue.sqlite"
                build_catalogue(source, database)
            manifest = pack_update(database, args.key, args.output)
        except SourceError as err:
            for problem in err.problems:
                _err(str(problem))
            _err("De catalogus is niet opgebouwd; er is geen bijwerking gemaakt.")
            return 1
        except (SigningKeyError, UpdateError) as err:
            _err(str(err))
            return 1
        except OSError as err:
            _err(f"Kan {args.output} niet schrijven. {write_failure_reason(err)}")
            return 1
    print(f"Catalogusbijwerking gemaakt: {args.output} (peildatum {manifest.checked_on.isoformat()}, "
          f"{manifest.counts['intervention']} interventies, sleutel {manifest.key_id})")
    return 0


def _catalogue_install(args) -> int:
    from gala_desktop.catalogue.store import CatalogueStore, StoreError, diff_files
    from gala_desktop.catalogue.update_file import UpdateError

    store = CatalogueStore()
    try:
        update = store.verify(args.file)
    except UpdateError as err:
        _err(str(err))
        _err("De catalogus in gebruik is niet gewijzigd.")
        return 1
    try:
        diff = diff_files(store.active().path, update.database)
        store.install(update)
    except StoreError as err:
        _err(str(err))
        return 1
    finally:
        update.discard()
    counts = ", ".join(f"{kind.label.lower()}: {n}" for kind, n in diff.counts().items() if n)
    print(f"Catalogus geïnstalleerd: peildatum {update.manifest.checked_on.isoformat()}, "
          f"{diff.new_count} interventies ({counts or 'geen inhoudelijke verschillen'}).")
    return 0


def _catalogue_rollback(args) -> int:
    from gala_desktop.catalogue.store import CatalogueStore, StoreError

    try:
        active = CatalogueStore().roll_back()
    except StoreError as err:
        _err(str(err))
        return 1
    origin = "de meegeleverde catalogus" if active.installed is None else "een geïnstalleerde bijwerking"
    print(f"Vorige catalogus teruggezet: {origin}, peildatum {active.facts.checked_on.isoformat()}.")
    return 0


# Names of other kinds of documents, which an annex is not written under ("bijlage.doc"); any
# other dot in a name ("Bijlage versie 2.0", "St.Jansdal") gets .pdf or .docx added.
OTHER_DOCUMENT_SUFFIXES = frozenset({
    ".doc", ".docm", ".dot", ".dotx", ".odt", ".ott", ".rtf", ".txt", ".md", ".htm", ".html",
    ".xls", ".xlsx", ".ods", ".csv", ".ppt", ".pptx", ".odp", ".png", ".jpg", ".jpeg", ".json",
    ".xml", ".zip",
})


def _export(args) -> int:
    from gala_desktop.annex.builder import AnnexOptions
    from gala_desktop.annex.errors import AnnexExportError
    from gala_desktop.annex.export import ExportFormat, renderer_for
    from gala_desktop.operations.export import export_project_file
    from gala_desktop.catalogue.repository import CatalogueError
    from gala_desktop.project.document import ProjectFileError

    options = AnnexOptions(
        include_considering=args.include_considering, include_dropped=args.include_dropped
    )
    output = args.output
    named = ExportFormat.for_path(output) if output is not None else None
    fmt = ExportFormat(args.format) if args.format else (named or ExportFormat.PDF)
    if named is not None and named is not fmt:
        _err(f"Het bestand {output.name} past niet bij --format {fmt.value}. Laat de extensie "
             f"weg of gebruik {fmt.suffix}.")
        return 2
    if args.template is not None and fmt is not ExportFormat.DOCX:
        _err("Een huisstijlsjabloon hoort bij een Word-document: gebruik --format docx.")
        return 2
    if output is None:
        output = args.project.with_name(args.project.stem + fmt.suffix)
    elif named is None and output.name and not output.is_dir() and output.suffix.lower() != ".gala":
        # (a project file as output: the export refuses it, naming what it would overwrite)
        if output.suffix.lower() in OTHER_DOCUMENT_SUFFIXES:  # another kind of file
            _err(f"Een bijlage kan niet als {output.suffix} worden geschreven: gebruik .pdf of "
                 ".docx, of laat de extensie weg.")
            return 2
        # "bijlage" → "bijlage.pdf"; "Bijlage versie 2.0" → "Bijlage versie 2.0.pdf"
        output = output.with_name(output.name + fmt.suffix)
    try:
        def ready(path) -> None:  # a PDF: it can be opened; its PDF/A check follows
            print(f"Bijlage klaar: {path}. De PDF/A-controle loopt nog…", flush=True)

        result, notices = export_project_file(
            args.project, output, options, renderer=renderer_for(fmt, args.template),
            on_ready=ready if fmt is ExportFormat.PDF else None)
        for notice in notices:
            _err(notice)
    except (ProjectFileError, AnnexExportError, CatalogueError) as err:
        _err(str(err))
        return 1
    except OSError as err:
        _err(f"Kan de bijlage {output} niet schrijven. {write_failure_reason(err)}")
        return 1
    if not result.fully_succeeded:
        _err(result.message())
        return 3
    print(result.message())
    return 0


_SEARCH_OPTIONS = {"--limit": 1, "--catalogue": 1, "-h": 0, "--help": 0}


def search_words_first(argv: list[str]) -> list[str]:
    """``catalogue search -eenzaam``: a query that starts with ``-`` is text, not an option.

    argparse would refuse it; the search options are put first and every other word after
    ``--``, so ``search -eenzaam --limit 3`` and ``search -- -eenzaam`` both work.
    """
    if argv[:2] != ["catalogue", "search"]:
        return argv
    options: list[str] = []
    words: list[str] = []
    rest = argv[2:]
    i = 0
    while i < len(rest):
        word = rest[i]
        if word == "--":
            words += rest[i + 1:]
            break
        name = word.split("=", 1)[0]
        if name in _SEARCH_OPTIONS:
            takes = _SEARCH_OPTIONS[name] if "=" not in word else 0
            options += rest[i:i + 1 + takes]
            i += 1 + takes
            continue
        words.append(word)
        i += 1
    return argv[:2] + options + (["--", *words] if words else [])


def main(argv: list[str] | None = None) -> int:
    argv = search_words_first(list(sys.argv[1:] if argv is None else argv))
    use_dutch_argparse_texts()
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if argv and argv[0] in _COMMANDS:
        args = _command_parser().parse_args(argv)
        if args.command == "export":
            return _export(args)
        return {
            "build": _with_builder(_catalogue_build),
            "export": _catalogue_export,
            "search": _catalogue_search,
            "coverage": _catalogue_coverage,
            "validate": _catalogue_validate,
            "keygen": _catalogue_keygen,
            "pack": _with_builder(_catalogue_pack),
            "install": _catalogue_install,
            "rollback": _catalogue_rollback,
        }[args.action](args)
    args = _gui_parser().parse_args(argv)
    from gala_desktop import startup

    startup.prepare()  # before Qt is loaded
    from gala_desktop.ui.app import run

    return run(sys.argv[:1], args.file)
