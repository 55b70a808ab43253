"""The region network as an inline SVG: a deterministic circular layout computed here.

Regions sit on a circle grouped by country (then by name), so each country's
regions form an arc; labels run radially outwards, which keeps 20, 50 or 80
names legible where horizontal labels would collide. Node area grows with the
number of articles naming the region, line width with the number of documents
signed by the pair. Same input, same bytes.
"""
from __future__ import annotations

import math
from html import escape
from typing import Iterable, Mapping

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22")


def _fmt(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def render_network(nodes: Mapping[str, float], edges: Iterable[tuple[str, str, float, str]],
                   groups: Mapping[str, str] | None = None, title: str = "Region network") -> str:
    """nodes: region → weight (articles); edges: (region_a, region_b, weight, tooltip);
    groups: region → country code (colours and order). Returns one <svg> element."""
    edges = [e for e in edges if e[0] != e[1]]
    weights = dict(nodes)
    for a, b, _, _ in edges:
        weights.setdefault(a, 0)
        weights.setdefault(b, 0)
    groups = dict(groups or {})
    names = sorted(weights, key=lambda name: (groups.get(name) or "~", name))
    n = len(names)
    if n == 0:
        return ""
    font = 12 if n <= 40 else 10 if n <= 90 else 8
    node_max = 11 if n <= 40 else 8
    radius = max(140.0, n * max(font + 5, 2 * node_max + 10) / (2 * math.pi))
    legend_countries = sorted({groups.get(name) or "?" for name in names})
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(legend_countries)}
    w_max = max(weights.values()) or 1
    e_max = max((e[2] for e in edges), default=1) or 1

    # Layout around (0, 0); then the view box is the bounding box of circles and labels.
    pos: dict[str, tuple[float, float, float, float]] = {}
    xs, ys = [0.0], [0.0]
    for i, name in enumerate(names):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = 3 + node_max * math.sqrt(weights[name] / w_max)
        x, y = radius * math.cos(angle), radius * math.sin(angle)
        pos[name] = (x, y, angle, r)
        reach = radius + r + 5 + len(name) * font * 0.62
        xs += [x - r, x + r, reach * math.cos(angle)]
        ys += [y - r, y + r, reach * math.sin(angle) + font / 2, reach * math.sin(angle) - font / 2]
    pad = 8
    top = 18 * len(legend_countries) + 6 if len(legend_countries) > 1 else 0
    left, width = min(xs) - pad, max(xs) - min(xs) + 2 * pad
    upper, height = min(ys) - pad - top, max(ys) - min(ys) + 2 * pad + top

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network" role="img" '
           f'viewBox="{_fmt(left)} {_fmt(upper)} {_fmt(width)} {_fmt(height)}" width="{_fmt(width)}" '
           f'font-family="sans-serif" font-size="{font}">',
           f'<title>{escape(title)}: {n} regions, {len(edges)} links</title>']
    if top:
        for i, country in enumerate(legend_countries):
            y = upper + 18 + 18 * i
            out.append(f'<g class="legend"><circle cx="{_fmt(left + 12)}" cy="{_fmt(y - 4)}" r="5" '
                       f'fill="{colours[country]}"/><text x="{_fmt(left + 22)}" y="{_fmt(y)}">'
                       f'{escape(country)}</text></g>')
    out.append('<g class="edges" stroke="#4a6fa5" stroke-linecap="round" stroke-opacity="0.55">')
    for a, b, weight, tip in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
        (x1, y1, _, _), (x2, y2, _, _) = pos[a], pos[b]
        width = 1 + 6 * (weight / e_max)
        out.append(f'<line class="edge" data-a="{escape(a)}" data-b="{escape(b)}" x1="{_fmt(x1)}" '
                   f'y1="{_fmt(y1)}" x2="{_fmt(x2)}" y2="{_fmt(y2)}" stroke-width="{_fmt(width)}">'
                   f'<title>{escape(tip)}</title></line>')
    out.append('</g><g class="nodes">')
    for name in names:
        x, y, angle, r = pos[name]
        degrees = math.degrees(angle)
        right = math.cos(angle) >= -1e-9
        lx, ly = x + (r + 5) * math.cos(angle), y + (r + 5) * math.sin(angle)
        rotate = degrees if right else degrees + 180
        anchor = "start" if right else "end"
        colour = colours[groups.get(name) or "?"]
        out.append(f'<g class="node" data-region="{escape(name)}"><title>{escape(name)}: '
                   f'{_fmt(weights[name])} articles</title>'
                   f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}" fill="{colour}" stroke="#fff"/>'
                   f'<text x="{_fmt(lx)}" y="{_fmt(ly)}" dy="0.35em" text-anchor="{anchor}" '
                   f'transform="rotate({_fmt(rotate)} {_fmt(lx)} {_fmt(ly)})">{escape(name)}</text></g>')
    out.append("</g></svg>")
    return "".join(out)
