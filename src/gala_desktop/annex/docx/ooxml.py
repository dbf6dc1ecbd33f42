"""WordprocessingML pieces python-docx has no API for: fields, bookmarks, internal links,
repeating header rows, table captions, bullet numbering, the document language and opening a
``.dotx`` template.

Everything here writes standard OOXML that Word, LibreOffice and screen readers understand; no
look-alikes (a bookmark is a ``w:bookmarkStart``, a list item carries ``w:numPr``, a header row
``w:tblHeader``).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_SUFFIXES = (".docx", ".dotx")

_BOOKMARK_CHARS = re.compile(r"[^A-Za-z0-9_]")


def open_template(path: Path | None) -> DocxDocument:
    """A new document: python-docx's default, or a copy of the municipality's ``.docx`` or
    ``.dotx`` template (whose body is emptied; styles, page setup, header and footer stay).

    A ``.dotx`` differs from a ``.docx`` only in the content type of its main part, which is
    changed in memory; the template file is never written.
    """
    if path is None:
        return open_docx()
    data = Path(path).read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            target.writestr(item, content)
    document = open_docx(io.BytesIO(out.getvalue()))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the last section's page setup and header/footer
            body.remove(child)
    return document


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for a model anchor: letters, digits and ``_``, starting with a
    letter, at most 40 characters (Word drops bookmarks that break these rules)."""
    name = _BOOKMARK_CHARS.sub("_", anchor)
    if not name[:1].isalpha():
        name = "b_" + name
    return name[:40]


def add_bookmark(paragraph: DocxParagraph, name: str, bookmark_id: int) -> None:
    """Wrap the whole content of ``paragraph`` in a bookmark."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    p_pr = p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def add_hyperlink(paragraph: DocxParagraph, text: str, *, anchor: str = "", url: str = "",
                  bold: bool = False, italic: bool = False, style: str | None = None) -> None:
    """A real hyperlink: ``w:hyperlink w:anchor`` to a bookmark, or ``r:id`` to a web address."""
    link = OxmlElement("w:hyperlink")
    if anchor:
        link.set(qn("w:anchor"), anchor)
    else:
        rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rel_id)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    if style:
        r_style = OxmlElement("w:rStyle")
        r_style.set(qn("w:val"), style)
        r_pr.append(r_style)
    if bold:
        r_pr.append(OxmlElement("w:b"))
    if italic:
        r_pr.append(OxmlElement("w:i"))
    if not style:  # links stand out by underline, not by colour alone
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), "1F4E79")
        r_pr.append(colour)
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        r_pr.append(underline)
    run.append(r_pr)
    _append_text(run, text)
    link.append(run)
    paragraph._p.append(link)


def _append_text(run, text: str) -> None:
    """Text with line breaks as ``w:br`` (python-docx's run.text does the same)."""
    for n, line in enumerate(text.split("\n")):
        if n:
            run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = line
        run.append(t)


def add_field(paragraph: DocxParagraph, instruction: str, result: str = "") -> None:
    """A complex field (``PAGE``, ``NUMPAGES``, ``TOC …``) with a cached ``result``."""
    def fld_char(kind: str):
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            char.set(qn("w:dirty"), "true")  # Word recomputes it when the document opens
        run.append(char)
        return run

    p = paragraph._p
    p.append(fld_char("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    p.append(instr_run)
    p.append(fld_char("separate"))
    result_run = OxmlElement("w:r")
    _append_text(result_run, result)
    p.append(result_run)
    p.append(fld_char("end"))


def begin_field(paragraph: DocxParagraph, instruction: str) -> None:
    """The opening half of a field whose result spans several paragraphs (the contents)."""
    p = paragraph._p
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = OxmlElement("w:r")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")
            run.append(char)
        p.append(run)


def end_field(paragraph: DocxParagraph) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    run.append(char)
    paragraph._p.append(run)


APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>GALA Desktop</Application><DocSecurity>0</DocSecurity></Properties>"
)


def own_package_properties(document: DocxDocument) -> None:
    """The application properties say GALA Desktop made the file, not the Word for Mac and
    ``Normal.dotm`` of python-docx's default template (with its page and word counts of an
    empty document), and the template's blank thumbnail is left out."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RT.EXTENDED_PROPERTIES, RT.THUMBNAIL):
            package.rels.pop(rel_id)
    properties = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES,
                      APP_PROPERTIES.encode("utf-8"), package)
    package.relate_to(properties, RT.EXTENDED_PROPERTIES)


def set_compatibility_mode(document: DocxDocument, mode: int = 15) -> None:
    """Lay the document out as Word 2013 and later do; python-docx's default template says
    Word 2010 (14), and Word then shows *[Compatibiliteitsmodus]* in its title bar."""
    compat = document.settings.element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        document.settings.element.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))
            return
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
    setting.set(qn("w:val"), str(mode))
    compat.append(setting)


def use_font_everywhere(document: DocxDocument, font: str) -> None:
    """``font`` for every style: the document defaults name it, and the theme fonts the
    default template's styles point to (Calibri for the headings, which won over a font set on
    the style) are taken out, so a style that names no font of its own uses it."""
    styles = document.styles.element
    theme = [qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in theme:
            fonts.attrib.pop(attribute, None)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run = defaults.find(qn("w:rPrDefault"))
    r_pr = run.find(qn("w:rPr")) if run is not None else None
    fonts = r_pr.find(qn("w:rFonts")) if r_pr is not None else None
    if fonts is not None:
        for name in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{name}"), font)


def update_fields_on_open(document: DocxDocument) -> None:
    """Ask Word to refresh fields (contents, page numbers) when the document is opened."""
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        settings.append(update)
    update.set(qn("w:val"), "true")


def mark_header_row(table: DocxTable) -> None:
    """The first row is a header row: repeated on every page and announced as such."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def keep_rows_whole(table: DocxTable, except_rows: frozenset[int] = frozenset()) -> None:
    """No row breaks across a page, except those in ``except_rows``: Word cuts off a row that
    may not break and is taller than the page, so a very tall row must be allowed to."""
    for number, row in enumerate(table.rows):
        if number not in except_rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def set_table_caption(table: DocxTable, caption: str) -> None:
    """The table's title for assistive technology (Word: *Alternatieve tekst* of a table)."""
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption[:255])
    # schema order: tblCaption and tblDescription are the last children of tblPr
    tbl_pr.append(element)


def set_table_look(table: DocxTable, *, first_row: bool, first_column: bool, last_row: bool) -> None:
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    for key, on in (("firstRow", first_row), ("firstColumn", first_column), ("lastRow", last_row),
                    ("lastColumn", False), ("noHBand", False), ("noVBand", True)):
        look.set(qn(f"w:{key}"), "1" if on else "0")


def shade_cell(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def set_language(document: DocxDocument, language: str) -> None:
    """The document language (spelling, hyphenation, screen readers) in the defaults of every
    run, and in the properties of the styles that set one of their own."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    r_pr = rpr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        rpr_default.append(r_pr)
    _set_lang(r_pr, language)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language)
    document.core_properties.language = language


def _set_lang(r_pr, language: str) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), "ar-SA")


def bullet_numbering(document: DocxDocument) -> int:
    """A new bullet list definition in the numbering part; returns its ``numId``.

    Made here rather than taken from the template's *List Bullet* style, which a municipal
    template may lack or define as a numbered list.
    """
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "hybridMultilevel")
    abstract.append(multi)
    for level, symbol in enumerate(("•", "–", "•")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", symbol),
                           ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        p_pr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(360 * (level + 1)))
        ind.set(qn("w:hanging"), "360")
        p_pr.append(ind)
        lvl.append(p_pr)
        abstract.append(lvl)
    # schema order: every abstractNum comes before the first num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def set_numbering(paragraph: DocxParagraph, num_id: int, level: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # in schema order
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def keep_with_next(paragraph: DocxParagraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
