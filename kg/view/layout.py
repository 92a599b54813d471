"""Node positions, computed before the page is written, so the browser never runs physics.

A browser simulating 5,000 nodes takes tens of seconds to settle and freezes meanwhile;
positions computed here let the page draw at once with physics off. Each connected
component is laid out on its own (networkx's spring layout for small ones; for large
ones, which networkx can only do with scipy, a Fruchterman-Reingold in numpy whose
repulsion is estimated from a random sample of nodes, O(n·k) per step instead of O(n²)),
then components are packed in rows, largest first, so isolated pairs do not fly apart.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SMALL = 300          # components up to this size use networkx's spring_layout (dense, exact)
SPACING = 80.0       # pixels between neighbours, roughly


def ordered_subgraph(g: nx.Graph, nodes) -> nx.Graph:
    """g's subgraph on nodes, its nodes and edges in sorted order.

    networkx's `subgraph` view iterates a small node set in the set's order, which follows
    Python's per-process string hashing, so a seeded layout would start from different
    positions in each run; a copy built in sorted order gives the same page every time."""
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    sub.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in g.edges(keep, data=True)
                              if a in keep and b in keep))
    return sub


def layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node of g; deterministic for a given graph and seed."""
    und = nx.Graph(g.to_undirected(as_view=True)) if g.is_directed() or g.is_multigraph() else g
    comps = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[list[str], np.ndarray, float]] = []
    for comp in comps:
        if len(comp) == 1:
            pos = np.zeros((1, 2))
        elif len(comp) == 2:
            pos = np.array([[-1.0, 0.0], [1.0, 0.0]])
        elif len(comp) <= SMALL:
            sub = ordered_subgraph(und, comp)
            p = nx.spring_layout(sub, seed=seed, iterations=50)
            pos = np.array([p[n] for n in comp], dtype=float)
        else:
            pos = _sampled_fr(ordered_subgraph(und, comp), comp, seed)
        pos = pos - np.median(pos, axis=0)
        # scale by the 90th-percentile radius, not the farthest node: a few far leaves
        # would otherwise squeeze the dense middle, where the hubs and their labels are
        radii = np.sqrt((pos ** 2).sum(axis=1))
        extent = float(np.percentile(radii, 90)) or float(radii.max()) or 1.0
        radius = SPACING * 0.75 * math.sqrt(len(comp)) if len(comp) > 1 else SPACING / 2
        pos = pos / extent * radius
        placed.append((comp, pos, max(radius, float(np.sqrt((pos ** 2).sum(axis=1)).max()))))
    return _pack(placed)


def _sampled_fr(sub: nx.Graph, nodes: list[str], seed: int, iterations: int = 100,
                sample: int = 48) -> np.ndarray:
    """Fruchterman-Reingold with repulsion estimated from `sample` random nodes per step."""
    rng = np.random.default_rng(seed)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in sub.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    pos = rng.random((n, 2)) * 2 - 1
    k = 1.0 / math.sqrt(n)
    t = 0.1
    dt = t / (iterations + 1)
    scale = (n - 1) / sample
    for _ in range(iterations):
        others = rng.integers(0, n, size=sample)
        delta = pos[:, None, :] - pos[others][None, :, :]            # n × sample × 2
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * scale
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.sqrt((d ** 2).sum(axis=1)), 1e-3)
            pull = d * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= pos * 0.02 * n * k                                     # gravity: keep leaves from drifting off
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-6)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    return pos


def _pack(placed: list[tuple[list[str], np.ndarray, float]]) -> dict[str, tuple[float, float]]:
    """Shelf-pack the components' bounding squares into rows about as wide as they are tall."""
    total = sum((2 * r + SPACING) ** 2 for _, _, r in placed)
    row_width = max(math.sqrt(total), max((2 * r for _, _, r in placed), default=0.0))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp, pos, r in placed:
        size = 2 * r + SPACING
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node, (px, py) in zip(comp, pos):
            out[node] = (round(cx + float(px), 1), round(cy + float(py), 1))
        x += size
        row_height = max(row_height, size)
    if out:  # centre the drawing on the origin, where vis-network starts
        mx = sum(p[0] for p in out.values()) / len(out)
        my = sum(p[1] for p in out.values()) / len(out)
        out = {k: (round(v[0] - mx, 1), round(v[1] - my, 1)) for k, v in out.items()}
    return out


def label_width(text: str, font: float) -> float:
    """Pixels a label takes at font size font: a Han character is about one em wide, Latin about 0.6."""
    return sum(font if ord(ch) >= 0x2E80 else 0.6 * font for ch in text)


def separate(pos: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float]], gap: float = 6.0,
             rounds: int = 300) -> dict[str, tuple[float, float]]:
    """Positions moved apart until no two boxes (width, height, centred on the node) overlap.

    Each round pushes every overlapping pair apart along the axis where they overlap least,
    half each; a handful of rounds settle the 50-odd labels of an opening view. Deterministic.
    """
    nodes = sorted(pos)
    if len(nodes) < 2:
        return dict(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    wh = np.array([boxes[n] for n in nodes], dtype=float) + gap
    iu = np.triu_indices(len(nodes), k=1)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]                       # n × n × 2
        need = (wh[:, None, :] + wh[None, :, :]) / 2
        over = need - np.abs(d)                                   # > 0 on both axes: the boxes overlap
        hit = (over[..., 0] > 0) & (over[..., 1] > 0)
        hit[np.diag_indices(len(nodes))] = False
        if not hit[iu].any():
            break
        axis = np.where(over[..., 0] < over[..., 1], 0, 1)        # push along the smaller overlap
        sign = np.sign(d[..., 0] * (axis == 0) + d[..., 1] * (axis == 1))
        order = np.where(np.arange(len(nodes))[:, None] < np.arange(len(nodes))[None, :], -1.0, 1.0)
        sign = np.where(sign == 0, order, sign)                   # two nodes on one spot: the index decides
        amount = np.where(hit, np.take_along_axis(over, axis[..., None], axis=2)[..., 0] / 2 + 0.5, 0.0)
        move = np.zeros_like(xy)
        move[:, 0] = (amount * sign * (axis == 0)).sum(axis=1)
        move[:, 1] = (amount * sign * (axis == 1)).sum(axis=1)
        xy += move
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy)}


def opening_layout(g: nx.Graph, boxes: dict[str, tuple[float, float]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for the few dozen entities a page opens on, with room for every label.

    ForceAtlas2 with hubs dissuaded spreads a hub's neighbours around it instead of piling
    them on it; the drawing is then scaled to about twice the labels' area, and
    `separate` removes what overlap is left.
    """
    if g.number_of_nodes() < 3:
        return separate(layout(g, seed), boxes)
    p = nx.forceatlas2_layout(g, max_iter=400, seed=seed, distributed_action=True, scaling_ratio=3.0, gravity=2.0,
                              weight=None)
    xy = np.array([p[n] for n in g.nodes], dtype=float)
    xy -= xy.mean(axis=0)
    # scale so the drawing covers about twice the labels' own area (edge lengths would
    # not do: the top entities of a big store are often barely linked to each other)
    lo, hi = np.percentile(xy, 5, axis=0), np.percentile(xy, 95, axis=0)
    area = float(np.prod(np.maximum(hi - lo, 1e-9))) / 0.81
    labels = sum(w * h for w, h in boxes.values())
    xy = xy * math.sqrt(2.0 * labels / area)
    pos = {n: (float(x), float(y)) for n, (x, y) in zip(g.nodes, xy)}
    return separate(pos, boxes)
