"""紹介 (shōkai): meeting new people through people you already know.

The network: ``N = 120`` people in 12 tight clusters of 10 (a workplace, a
school year, a neighbourhood).  Inside a cluster every pair knows each other
with probability 0.8.  Then a share ``b`` (0 to 0.3) of all ties is rewired
into *bridges*: one end of the tie keeps it and the other end is swapped for
a random person in another cluster.  Bridges are the few people who know
someone elsewhere.

For one person (the *focal* person, node 0) and on average over everyone:

``direct``               contacts: people one step away;
``two_step``             contacts of contacts who are not contacts already;
``two_step_outside``     of those, people in another cluster (every path to
                         them crosses a bridge);
``two_step_via_bridge``  of those, people whom every two-step path reaches
                         through a bridge (those outside, plus the rare
                         clustermate known only through outsiders);
``introducers``          how many common contacts a two-step person has on
                         average: how many people could vouch for them.

Two norms for making new contacts:

**introductions** (紹介): you accept new people only when someone you know
introduces them, so only contacts of contacts, and the introducer vouches
for them.  Reach = direct + two-step; strangers to vet yourself = 0.

**open profile**: anyone can find you, so your reach is everyone else
(``N - 1``), but nobody vouches: every new contact is a stranger you must
vet yourself (``N - 1 - direct``).

With no bridges, introductions keep people inside their own cluster; a few
bridges multiply the two-step reach while every new contact still arrives
vouched for.  That is why a society can grow a wide network without profiles.

The generator (:func:`caveman_network`) is written here rather than taken
from ``networkx.relaxed_caveman_graph``, which starts from complete cliques
(density 1, not 0.8), rewires each tie with probability ``b`` rather than an
exact share, and can rewire a tie into a self-loop.  Here all random numbers
are drawn from ``numpy.random.default_rng(seed)`` before ``b`` is used, in a
fixed order: the clusters are the same for every ``b``, and the ties rewired
for a smaller ``b`` are rewired the same way for a larger one (the bridges
only add up as ``b`` rises).  A tie whose new end is already a contact of
the keeper is left as it is, so the number of bridges can fall a little
short of ``round(b * ties)``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import networkx as nx
import numpy as np

from .numeric import is_number

__all__ = ["B_GRID", "CLUSTERS", "MAX_BRIDGES", "NORMS", "P_IN", "SEED", "SIZE",
           "IntroductionsResult", "NormOutcome", "Reach", "caveman_network", "cluster_layout",
           "introductions", "norm_outcome", "precompute_grid", "reach"]

CLUSTERS = 12
SIZE = 10
P_IN = 0.8
SEED = 2015
MAX_BRIDGES = 0.3
B_GRID = tuple(i / 40 for i in range(13))     # 0, 0.025, ..., 0.3
NORMS = ("introductions", "open")




def _check_b(b: object) -> float:
    label = f"b (share of ties rewired as bridges) must be a number between 0 and {MAX_BRIDGES}"
    if not is_number(b):
        raise ValueError(label)
    v = float(b)
    if not math.isfinite(v) or not 0.0 <= v <= MAX_BRIDGES:
        raise ValueError(f"{label}, got {v!r}")
    return v + 0.0


def _check_whole(name: str, value: object, lo: int, hi: int) -> int:
    if not is_number(value) or not float(value).is_integer() or not lo <= value <= hi:
        raise ValueError(f"{name} must be a whole number from {lo} to {hi}")
    return int(value)


def caveman_network(b: float, clusters: int = CLUSTERS, size: int = SIZE, p_in: float = P_IN,
                    seed: int = SEED) -> nx.Graph:
    """Clusters of ``size`` people (pairs tied with probability ``p_in``), a share ``b`` rewired.

    Person ``i`` is in cluster ``i // size`` (node attribute "cluster").
    """
    b = _check_b(b)
    clusters = _check_whole("clusters", clusters, 2, 100)
    size = _check_whole("size", size, 2, 100)
    if not is_number(p_in) or not 0.0 <= float(p_in) <= 1.0:
        raise ValueError("p_in (chance two clustermates know each other) must be between 0 and 1")
    rng = np.random.default_rng(seed)
    people = clusters * size
    G = nx.Graph()
    G.add_nodes_from((i, {"cluster": i // size}) for i in range(people))
    pairs = [(c * size + i, c * size + j) for c in range(clusters)
             for i in range(size) for j in range(i + 1, size)]
    ties = [pair for pair, u in zip(pairs, rng.random(len(pairs)), strict=True) if u < p_in]
    G.add_edges_from(ties)
    # every tie's rewiring is drawn now, whatever b is: an order, which end keeps it, a target
    order = np.argsort(rng.random(len(ties)), kind="stable")
    keeps_first = rng.random(len(ties)) < 0.5
    targets = rng.integers(0, people - size, len(ties))
    for e in order[:round(b * len(ties))]:
        u, v = ties[e] if keeps_first[e] else ties[e][::-1]
        t = int(targets[e])
        t += size if t >= G.nodes[u]["cluster"] * size else 0   # skip u's own cluster
        if not G.has_edge(u, t):
            G.remove_edge(u, v)
            G.add_edge(u, t)
    return G


@dataclass(frozen=True)
class Reach:
    """Who one person can reach in one and two steps (averages over people are floats)."""

    direct: float
    two_step: float
    two_step_outside: float
    two_step_via_bridge: float
    introducers: float      # mean common contacts per two-step person (0 if there are none)


def reach(G: nx.Graph, node: int) -> Reach:
    """Reach of ``node`` in ``G``, whose people carry a "cluster" attribute."""
    if node not in G:
        raise ValueError(f"person {node!r} is not in the network")
    cluster = nx.get_node_attributes(G, "cluster")
    if len(cluster) != G.number_of_nodes():
        raise ValueError('every person needs a "cluster" attribute')
    own = cluster[node]
    contacts = set(G[node]) - {node}
    vouchers: dict[int, list[int]] = {}
    for c in contacts:
        for j in G[c]:
            if j != node and j not in contacts:
                vouchers.setdefault(j, []).append(c)
    outside = sum(1 for j in vouchers if cluster[j] != own)
    bridged = sum(1 for j, via in vouchers.items()
                  if cluster[j] != own or all(cluster[c] != own for c in via))
    links = sum(len(via) for via in vouchers.values())
    return Reach(direct=len(contacts), two_step=len(vouchers), two_step_outside=outside,
                 two_step_via_bridge=bridged,
                 introducers=links / len(vouchers) if vouchers else 0.0)


@dataclass(frozen=True)
class NormOutcome:
    """What a norm for new contacts means for one person (or on average)."""

    norm: str
    reach: float            # people you know or can get to know
    new_contacts: float     # reach - direct
    to_vet: float           # new people nobody vouches for, whom you must vet yourself


def norm_outcome(r: Reach, norm: str, people: int) -> NormOutcome:
    """Introductions: direct + two-step, nothing to vet.  Open: everyone, vet every stranger."""
    if norm not in NORMS:
        raise ValueError(f'norm must be "introductions" or "open", got {norm!r}')
    if norm == "introductions":
        return NormOutcome(norm, r.direct + r.two_step, r.two_step, 0)
    return NormOutcome(norm, people - 1, people - 1 - r.direct, people - 1 - r.direct)


@dataclass(frozen=True)
class IntroductionsResult:
    """The network at one share of bridges, for the focal person and on average."""

    b: float
    norm: str
    focal: int
    people: int
    ties: int
    bridges: int            # ties between clusters
    person: Reach           # the focal person
    person_norm: NormOutcome
    average: Reach          # mean over everyone
    average_norm: NormOutcome


def _average(rs: list[Reach]) -> Reach:
    return Reach(*(float(np.mean([getattr(r, f) for r in rs])) for f in
                   ("direct", "two_step", "two_step_outside", "two_step_via_bridge",
                    "introducers")))


def introductions(b: float, norm: str = "introductions", focal: int = 0,
                  seed: int = SEED) -> IntroductionsResult:
    """Reach and vetting under ``norm`` in the course's network with a share ``b`` of bridges."""
    b = _check_b(b)
    if norm not in NORMS:
        raise ValueError(f'norm must be "introductions" or "open", got {norm!r}')
    G = caveman_network(b, seed=seed)
    people = G.number_of_nodes()
    focal = _check_whole("focal", focal, 0, people - 1)
    everyone = [reach(G, i) for i in range(people)]
    avg = _average(everyone)
    bridges = sum(1 for u, v in G.edges if G.nodes[u]["cluster"] != G.nodes[v]["cluster"])
    return IntroductionsResult(
        b=b, norm=norm, focal=focal, people=people, ties=G.number_of_edges(), bridges=bridges,
        person=everyone[focal], person_norm=norm_outcome(everyone[focal], norm, people),
        average=avg, average_norm=norm_outcome(avg, norm, people))


def cluster_layout(clusters: int = CLUSTERS, size: int = SIZE) -> list[list[float]]:
    """[x, y] for each person: clusters on a circle of radius 1, members on small circles.

    Computed, not random; rounded to 3 decimals.  Cluster 0 sits at the top.
    """
    ring = 0.8 * math.sin(math.pi / clusters)       # members' circle: clusters never touch
    out = []
    for c in range(clusters):
        a = math.pi / 2 - 2 * math.pi * c / clusters
        cx, cy = math.cos(a), math.sin(a)
        for j in range(size):
            t = a + 2 * math.pi * j / size
            out.append([round(cx + ring * math.cos(t), 3) + 0.0,
                        round(cy + ring * math.sin(t), 3) + 0.0])
    return out


def _rounded(value: object, digits: int = 4) -> object:
    """Floats in nested dicts rounded (and -0.0 made 0.0), for a small JSON payload."""
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, digits) + 0.0
    return value


def precompute_grid(seed: int = SEED) -> list[dict]:
    """Everything a web page needs for every b in B_GRID and both norms, as plain JSON data.

    One dict per ``b`` (the network does not depend on the norm), holding
    ``norms``: {"introductions": result, "open": result}, each result an
    :class:`IntroductionsResult` as a dict (floats to 4 decimals); the edge
    list (pairs of people, ascending); the focal person's ``contacts`` and
    ``two_step_people``; each person's cluster; and ``positions``, a fixed
    layout (the same for every b, so people stay put while the slider moves).
    """
    positions = cluster_layout()
    clusters = [i // SIZE for i in range(CLUSTERS * SIZE)]
    out = []
    for b in B_GRID:
        G = caveman_network(b, seed=seed)
        edges = sorted(sorted((int(u), int(v))) for u, v in G.edges)
        contacts = sorted(G[0])
        two_step = sorted({j for c in contacts for j in G[c]} - set(contacts) - {0})
        norms = {norm: _rounded(asdict(introductions(b, norm, 0, seed))) for norm in NORMS}
        out.append({"b": b, "people": G.number_of_nodes(), "focal": 0, "norms": norms,
                    "edges": edges, "contacts": contacts, "two_step_people": two_step,
                    "clusters": clusters, "positions": positions})
    return out
