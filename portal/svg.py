"""An allow-list SVG sanitiser for uploaded logos.

An SVG is a document, not a picture: opened from the media address it runs its scripts, event
handlers and ``javascript:`` links with the portal's origin, and it can fetch external resources.
No well-kept Python SVG sanitiser is pinned or packaged (nh3 cleans HTML and drops SVG; the SVG
ones on PyPI are prototypes), so this module does it with the standard library's expat parser
and an allow-list, the approach of DOMPurify's SVG profile:

- anything hostile is *refused* with an error that names it (a script, an event handler, an
  external or ``javascript:`` reference, ``foreignObject``, animation that can rewrite links,
  CSS that imports or fetches), so the secretariat learns the file is unsafe instead of seeing
  a silently altered logo;
- anything merely unknown (editor metadata, Inkscape and Sodipodi attributes, comments) is
  dropped, and the logo is written out again from the allowed elements and attributes only.

A document type declaration is refused before parsing: it is the only way to declare entities
(the "billion laughs" and external entity attacks), and a logo has no use for one.
"""

import re
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ALLOWED_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
    "radialGradient", "stop", "clipPath", "mask", "pattern", "image", "style", "filter",
    "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feComposite", "feFlood",
    "feMerge", "feMergeNode", "feMorphology", "feDropShadow", "marker", "switch",
}  # fmt: skip

# Elements that can run code, embed HTML, or rewrite attributes (an <animate> or <set> can turn
# an href into ``javascript:`` after the file was checked): refused, never dropped quietly.
HOSTILE_ELEMENTS = {
    "script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
    "animate", "animateMotion", "animateTransform", "set", "discard", "a",
}  # fmt: skip
HOSTILE_LOWER = {name.lower() for name in HOSTILE_ELEMENTS}

ALLOWED_ATTRIBUTES = {
    "id", "class", "style", "viewBox", "preserveAspectRatio", "width", "height", "x", "y",
    "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points",
    "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
    "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display", "visibility",
    "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
    "filter", "filterUnits", "primitiveUnits", "gradientUnits", "gradientTransform",
    "spreadMethod", "offset", "stop-color", "stop-opacity", "patternUnits",
    "patternContentUnits", "patternTransform", "font-family", "font-size", "font-weight",
    "font-style", "font-variant", "text-anchor", "dominant-baseline", "alignment-baseline",
    "baseline-shift", "letter-spacing", "word-spacing", "direction", "unicode-bidi",
    "writing-mode", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset",
    "href", "version", "in", "in2", "result", "stdDeviation", "mode", "type", "values",
    "operator", "k1", "k2", "k3", "k4", "flood-color", "flood-opacity", "radius",
    "markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits", "vector-effect",
    "shape-rendering", "text-rendering", "image-rendering", "color-interpolation-filters",
    "paint-order", "overflow", "isolation", "mix-blend-mode", "media",
}  # fmt: skip

# Embedded raster images are common in exported logos; an embedded SVG or HTML is not accepted.
SAFE_DATA_URI = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.IGNORECASE)
URL_IN_VALUE = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
CSS_FORBIDDEN = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|\\", re.IGNORECASE)


class UnsafeSVG(ValidationError):
    pass


def _local(name):
    """``{namespace}local`` → (namespace, local)."""
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return "", name


def _check_urls(value):
    for _quote, target in URL_IN_VALUE.findall(value):
        if not target.strip().startswith("#"):
            raise UnsafeSVG(
                _(
                    "The SVG file loads an external resource (%(target)s); only references inside the file are accepted."
                ),
                code="svg_external",
                params={"target": target.strip()[:80]},
            )


def _check_css(value):
    if CSS_FORBIDDEN.search(value):
        raise UnsafeSVG(
            _("The SVG file's styles import or run code, which is not accepted."), code="svg_style"
        )
    _check_urls(value)


def _check_href(value):
    target = value.strip()
    if target.startswith("#") or SAFE_DATA_URI.match(target):
        return
    raise UnsafeSVG(
        _(
            "The SVG file refers to something outside it (%(target)s); only references inside the file are accepted."
        ),
        code="svg_external",
        params={"target": target[:80]},
    )


def _clean_element(element):
    """A copy of ``element`` with only allowed children and attributes, or UnsafeSVG."""
    _namespace, tag = _local(element.tag)
    clean = ET.Element(f"{{{SVG_NS}}}{tag}")
    for name, value in element.attrib.items():
        namespace, local = _local(name)
        if local.lower().startswith("on"):
            raise UnsafeSVG(
                _("The SVG file has an event handler (%(name)s), which could run code."),
                code="svg_event_handler",
                params={"name": local},
            )
        if local == "href" and namespace in ("", XLINK_NS):
            _check_href(value)
            clean.set(f"{{{XLINK_NS}}}href" if namespace else "href", value)
            continue
        if namespace == XML_NS and local in ("space", "lang"):
            clean.set(name, value)
            continue
        if namespace or local not in ALLOWED_ATTRIBUTES:
            continue  # editor metadata and unknown attributes: dropped
        if local == "style":
            _check_css(value)
        else:
            _check_urls(value)
        clean.set(local, value)
    if tag == "style":
        _check_css(element.text or "")
    if tag in ("style", "title", "desc", "text", "tspan", "textPath"):
        clean.text = element.text
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        namespace, child_tag = _local(child.tag)
        if child_tag.lower() in HOSTILE_LOWER:
            raise UnsafeSVG(
                _("The SVG file contains a “%(element)s” element, which is not accepted in a logo."),
                code="svg_element",
                params={"element": child_tag},
            )
        if namespace != SVG_NS or child_tag not in ALLOWED_ELEMENTS:
            continue
        cleaned = _clean_element(child)
        if tag in ("text", "tspan", "textPath"):
            cleaned.tail = child.tail
        clean.append(cleaned)
    return clean


def sanitise_svg(data: bytes) -> bytes:
    """The SVG rewritten from its allowed parts; ``UnsafeSVG`` (a ValidationError) if hostile."""
    if re.search(rb"<!DOCTYPE|<!ENTITY", data, re.IGNORECASE):
        raise UnsafeSVG(
            _("The SVG file declares a document type or entities, which is not accepted."), code="svg_doctype"
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UnsafeSVG(_("This file is not a valid SVG image."), code="svg_invalid") from exc
    if root.tag != f"{{{SVG_NS}}}svg":
        raise UnsafeSVG(_("This file is not a valid SVG image."), code="svg_invalid")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(_clean_element(root), encoding="utf-8", xml_declaration=False)
