"""A chapter's quiz as a QTI 2.1 content package, the format Blackboard imports.

Blackboard Learn imports question banks (Ultra) and pools (Original) from
QTI 2.1 packages.  No maintained library on PyPI writes QTI 2.1 with
feedback on each option (qti-package-maker's QTI 2.1 engine keeps one
"correct" and one "incorrect" message per question), so the XML is written
here with ElementTree: one ``assessmentItem`` per question, a single-choice
``choiceInteraction`` in the book's order (``shuffle="false"``), the key as
its ``correctResponse``, one point for it, and a ``modalFeedback`` per
option shown when that option is chosen (response processing copies the
choice into the ``FEEDBACK`` outcome).  An ``assessmentTest`` lists the
items in order; ``imsmanifest.xml`` names every file.  Text is element text,
so nothing in a quiz becomes markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from . import ChapterQuiz, plain

__all__ = ["NS", "qti21_files", "write_qti21"]

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
_CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def _set(parent: ET.Element, outcome: str) -> ET.Element:
    return _el(parent, "setOutcomeValue", identifier=outcome)


def _item(cq: ChapterQuiz, number: int) -> tuple[str, ET.Element]:
    q = cq.questions[number - 1]
    ident = f"meishi-{cq.stem}-q{number}"
    choices = [(f"choice{k}", o) for k, o in enumerate(q.options, start=1)]
    item = _el(None, "assessmentItem", identifier=ident, title=cq.question_name(number),
               adaptive="false", timeDependent="false")
    response = _el(item, "responseDeclaration", identifier="RESPONSE", cardinality="single",
                   baseType="identifier")
    key = _el(response, "correctResponse")
    _el(key, "value", next(c for c, o in choices if o.correct))
    for outcome, default in (("SCORE", "0"), ("MAXSCORE", "1")):
        declared = _el(item, "outcomeDeclaration", identifier=outcome, cardinality="single",
                       baseType="float")
        _el(_el(declared, "defaultValue"), "value", default)
    _el(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single",
        baseType="identifier")
    interaction = _el(_el(item, "itemBody"), "choiceInteraction", responseIdentifier="RESPONSE",
                      shuffle="false", maxChoices="1")
    _el(interaction, "prompt", plain(q.question))
    for cid, o in choices:
        _el(interaction, "simpleChoice", plain(o.text), identifier=cid)
    processing = _el(item, "responseProcessing")
    condition = _el(_el(processing, "responseCondition"), "responseIf")
    match = _el(condition, "match")
    _el(match, "variable", identifier="RESPONSE")
    _el(match, "correct", identifier="RESPONSE")
    _el(_set(condition, "SCORE"), "baseValue", "1", baseType="float")
    _el(_set(processing, "FEEDBACK"), "variable", identifier="RESPONSE")
    for cid, o in choices:
        _el(item, "modalFeedback", plain(o.feedback), outcomeIdentifier="FEEDBACK",
            identifier=cid, showHide="show")
    return ident, item


def _xml(root: ET.Element, ns: str, schema: str) -> str:
    root.set("xmlns", ns)
    root.set("xmlns:xsi", _XSI)
    root.set("xsi:schemaLocation", f"{ns} {schema}")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def qti21_files(cq: ChapterQuiz) -> dict[str, str]:
    """The package's files by their path in the zip, the manifest first."""
    items = [_item(cq, n) for n in range(1, len(cq.questions) + 1)]
    test_id = f"meishi-{cq.stem}-test"
    test = _el(None, "assessmentTest", identifier=test_id, title=cq.quiz_title)
    part = _el(test, "testPart", identifier="part1", navigationMode="nonlinear",
               submissionMode="simultaneous")
    section = _el(part, "assessmentSection", identifier="section1", title=cq.label,
                  visible="true")
    for ident, _ in items:
        _el(section, "assessmentItemRef", identifier=ident, href=f"items/{ident}.xml")
    manifest = _el(None, "manifest", identifier=f"meishi-{cq.stem}-manifest")
    _el(manifest, "organizations")
    resources = _el(manifest, "resources")
    res = _el(resources, "resource", identifier=test_id, type="imsqti_test_xmlv2p1",
              href=f"{test_id}.xml")
    _el(res, "file", href=f"{test_id}.xml")
    for ident, _ in items:
        _el(res, "dependency", identifierref=ident)
    for ident, _ in items:
        item_res = _el(resources, "resource", identifier=ident, type="imsqti_item_xmlv2p1",
                       href=f"items/{ident}.xml")
        _el(item_res, "file", href=f"items/{ident}.xml")
    files = {"imsmanifest.xml": _xml(manifest, CP, _CP_XSD),
             f"{test_id}.xml": _xml(test, NS, _QTI_XSD)}
    files.update({f"items/{ident}.xml": _xml(item, NS, _QTI_XSD) for ident, item in items})
    return files


def write_qti21(cq: ChapterQuiz, folder: Path) -> Path:
    """``folder/NN_slug.zip``, byte for byte the same for the same quiz."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{cq.stem}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in qti21_files(cq).items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return path
