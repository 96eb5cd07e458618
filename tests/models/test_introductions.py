"""Introductions in a clustered network (meishi.models.introductions): by hand and invariants."""

from __future__ import annotations

import itertools
import json
import math

import networkx as nx
import pytest

from meishi.models.introductions import (
    B_GRID,
    NORMS,
    IntroductionsResult,
    NormOutcome,
    Reach,
    caveman_network,
    cluster_layout,
    introductions,
    norm_outcome,
    precompute_grid,
    reach,
)


def _graph(edges, clusters):
    G = nx.Graph()
    G.add_nodes_from((i, {"cluster": c}) for i, c in enumerate(clusters))
    G.add_edges_from(edges)
    return G


def _two_triangles():
    # 0-1-2 in cluster 0, 3-4-5 in cluster 1, one bridge 2-3
    return _graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)], [0, 0, 0, 1, 1, 1])


def test_two_triangles_joined_by_a_bridge_by_hand():
    G = _two_triangles()
    # 0: contacts 1, 2; two steps: 3 (through 2, the bridge's end)
    # 2: contacts 0, 1, 3; two steps: 4, 5 (both through 3)
    # 3 and 5 mirror 2 and 0 (1 and 4 mirror 0)
    expected = {0: (2, 1), 1: (2, 1), 2: (3, 2), 3: (3, 2), 4: (2, 1), 5: (2, 1)}
    for node, (direct, two) in expected.items():
        r = reach(G, node)
        assert (r.direct, r.two_step, r.two_step_outside, r.two_step_via_bridge) == (
            direct, two, two, two), node
        assert r.introducers == 1.0
    # introductions: 0 can meet 1, 2 and, introduced by 2, 3; open: all 5 others, 3 of them
    # strangers to vet
    assert norm_outcome(reach(G, 0), "introductions", 6) == NormOutcome("introductions", 3, 1, 0)
    assert norm_outcome(reach(G, 0), "open", 6) == NormOutcome("open", 5, 3, 3)


def test_without_the_bridge_nobody_reaches_the_other_triangle():
    G = _two_triangles()
    G.remove_edge(2, 3)
    for node in G:
        assert reach(G, node) == Reach(2, 0, 0, 0, 0.0)


def test_introducers_and_a_clustermate_known_only_through_an_outsider():
    # 0 and 1 share cluster 0 but are not tied; both know 2 and 3 (cluster 1)
    G = _graph([(0, 2), (0, 3), (1, 2), (1, 3)], [0, 0, 1, 1])
    r = reach(G, 0)
    assert (r.direct, r.two_step, r.two_step_outside, r.two_step_via_bridge) == (2, 1, 0, 1)
    assert r.introducers == 2.0   # 2 and 3 can both vouch for 1
    r = reach(G, 2)               # 2 reaches 3 through 0 or 1: outsiders to 2
    assert (r.two_step, r.two_step_outside, r.two_step_via_bridge) == (1, 0, 1)


def test_reach_agrees_with_shortest_paths_in_the_course_network():
    G = caveman_network(0.3)
    for node in range(0, 120, 7):
        dist = nx.single_source_shortest_path_length(G, node, cutoff=2)
        r = reach(G, node)
        assert r.direct == sum(d == 1 for d in dist.values())
        assert r.two_step == sum(d == 2 for d in dist.values())
        assert r.two_step_outside == sum(
            d == 2 and G.nodes[j]["cluster"] != G.nodes[node]["cluster"] for j, d in dist.items())


def test_the_generator_builds_tight_clusters():
    G = caveman_network(0.0)
    assert G.number_of_nodes() == 120
    assert all(G.nodes[i]["cluster"] == i // 10 for i in G)
    assert all(u // 10 == v // 10 for u, v in G.edges)            # no bridges yet
    assert 380 <= G.number_of_edges() <= 480                       # about 0.8 * 45 * 12 = 432
    for c in range(12):
        members = range(10 * c, 10 * c + 10)
        assert 0.6 <= nx.density(G.subgraph(members)) <= 1.0
        assert nx.is_connected(G.subgraph(members))
    full = caveman_network(0.0, p_in=1.0)                          # complete clusters
    assert sorted(full.edges) == sorted(nx.caveman_graph(12, 10).edges)


def test_rewiring_keeps_the_ties_and_the_bridges_only_add_up():
    base = caveman_network(0.0)
    previous: set = set()
    for b in B_GRID:
        G = caveman_network(b)
        assert G.number_of_edges() == base.number_of_edges()
        assert nx.number_of_selfloops(G) == 0
        bridges = {e for e in G.edges if e[0] // 10 != e[1] // 10}
        assert len(bridges) <= round(b * base.number_of_edges())
        assert previous <= bridges
        previous = bridges
    assert len(previous) >= 0.25 * base.number_of_edges()


def test_bridges_raise_two_step_reach():
    results = [introductions(b) for b in B_GRID]
    two = [r.average.two_step for r in results]
    assert all(b > a for a, b in itertools.pairwise(two))
    assert results[0].average.two_step_outside == 0 and results[0].bridges == 0
    assert results[-1].average.two_step > 5 * results[0].average.two_step
    assert results[-1].person.two_step > results[0].person.two_step
    # the direct contacts stay the same on average (a rewired tie keeps one end)
    assert all(r.average.direct == results[0].average.direct for r in results)


def test_the_two_norms_for_the_focal_person():
    intro, open_ = introductions(0.3, "introductions"), introductions(0.3, "open")
    assert isinstance(intro, IntroductionsResult)
    assert intro.person == open_.person and intro.bridges == open_.bridges
    p = intro.person
    assert intro.person_norm == NormOutcome("introductions", p.direct + p.two_step, p.two_step, 0)
    assert open_.person_norm == NormOutcome("open", 119, 119 - p.direct, 119 - p.direct)
    assert open_.average_norm.to_vet == pytest.approx(119 - open_.average.direct)
    assert intro.average_norm.to_vet == 0
    assert introductions(0.1, focal=37).person == reach(caveman_network(0.1), 37)


def test_same_seed_same_network_and_grid():
    assert sorted(caveman_network(0.2).edges) == sorted(caveman_network(0.2).edges)
    assert sorted(caveman_network(0.2, seed=1).edges) != sorted(caveman_network(0.2).edges)
    assert introductions(0.15, "open") == introductions(0.15, "open")
    assert json.dumps(precompute_grid()) == json.dumps(precompute_grid())


def test_the_precomputed_grid_is_small_plain_data():
    grid = precompute_grid()
    text = json.dumps(grid)
    assert len(text.encode("utf-8")) < 150_000
    assert [g["b"] for g in grid] == list(B_GRID) == [i / 40 for i in range(13)]
    assert B_GRID[3] == 0.075 and B_GRID[-1] == 0.3
    layout = cluster_layout()
    for g in grid:
        assert set(g["norms"]) == set(NORMS)
        assert g["positions"] == layout and len(layout) == 120
        assert all(round(v, 3) == v for xy in layout for v in xy)
        assert len(g["edges"]) == g["norms"]["open"]["ties"]
        assert all(isinstance(u, int) and u < v for u, v in g["edges"])
        assert len(g["contacts"]) == g["norms"]["open"]["person"]["direct"]
        assert len(g["two_step_people"]) == g["norms"]["open"]["person"]["two_step"]
        assert g["norms"]["open"]["person_norm"]["reach"] == 119
    assert json.loads(text) == grid


@pytest.mark.parametrize("b", [-0.01, 0.31, math.nan, math.inf])
def test_bridge_share_out_of_range_is_refused(b):
    with pytest.raises(ValueError, match=r"^b \(share of ties rewired as bridges\) must be a "
                                         r"number between 0 and 0.3, got "):
        introductions(b)


def test_other_bad_inputs():
    for b in ("0.1", True, None):
        with pytest.raises(ValueError, match=r"must be a number between 0 and 0\.3$"):
            caveman_network(b)
    with pytest.raises(ValueError) as info:
        introductions(0.1, "linkedin")
    assert str(info.value) == "norm must be \"introductions\" or \"open\", got 'linkedin'"
    with pytest.raises(ValueError, match="focal must be a whole number from 0 to 119"):
        introductions(0.1, focal=120)
    with pytest.raises(ValueError, match="not in the network"):
        reach(_two_triangles(), 9)
    G = _two_triangles()
    G.add_node(6)
    with pytest.raises(ValueError, match='"cluster" attribute'):
        reach(G, 0)
    with pytest.raises(ValueError, match="p_in"):
        caveman_network(0.1, p_in=1.5)
