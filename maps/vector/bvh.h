// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A static bounding-volume hierarchy over axis-aligned 3-D boxes, each tagged with a voltage
// (so that "voltage >= X" prunes whole subtrees). Built once, then queried concurrently from
// any number of threads (queries are const and allocate nothing but a small stack).

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace maps {

struct BvhBox
{
    std::array<float, 3> lo{};
    std::array<float, 3> hi{};
};

// Voltage filter [minKv, maxKv). Unknown voltages are stored as -1, so the default filter
// keeps them and any filter with minKv >= 0 drops them.
struct KvFilter
{
    double minKv = -std::numeric_limits<double>::infinity();
    double maxKv = std::numeric_limits<double>::infinity();

    bool matches(float kv) const { return kv >= minKv && kv < maxKv; }
};

class Bvh
{
public:
    // 32 bytes, two to a cache line; the voltage range is kept apart (see kvRanges()) and only
    // read when a query filters by voltage.
    struct Node
    {
        BvhBox box;
        // Leaf: the first item in order(); inner node: the right child (the left is this + 1).
        std::uint32_t first = 0;
        std::uint32_t count = 0; // items in a leaf; 0 for an inner node
    };
    struct KvRange
    {
        float min = 0.0F;
        float max = 0.0F;
    };

    // Builds over `boxes` with per-box voltages (kv.size() == boxes.size()). Returns false when
    // cancelled. `progress` receives fractions in [0, 1].
    // `leafSize`: items per leaf; larger leaves suit cheap items (points).
    bool build(const std::vector<BvhBox> &boxes, const std::vector<float> &kv,
               const std::function<void(double)> &progress, const std::atomic<bool> *cancel,
               std::uint32_t leafSize = 8);

    // Items in node order: item i of a leaf is order()[node.begin + i].
    const std::vector<std::uint32_t> &order() const { return m_order; }
    bool empty() const { return m_nodes.empty(); }
    std::size_t nodeCount() const { return m_nodes.size(); }
    const std::vector<Node> &nodes() const { return m_nodes; }
    const std::vector<KvRange> &kvRanges() const { return m_kv; } // per node

    // Branch-and-bound nearest search. `visit(slot)` gets the item's position in order() (so that
    // callers can keep item data in that order, contiguous per leaf) and returns its squared
    // distance to the query (or +inf to reject it); `bound2` holds the best so far. A box exactly
    // as far as the best so far is still searched, so that a caller can break ties its own way
    // (by slot, whatever the order of the walk).
    template<typename Visit>
    void nearest(const std::array<double, 3> &q, const KvFilter &filter, double &bound2,
                 Visit &&visit) const;

    // As nearest(), but `visitLeaf(begin, end, bound2)` scans the slots [begin, end) of one
    // leaf at a time and lowers bound2 itself (to the smallest squared distance it finds).
    template<typename VisitLeaf>
    void nearestLeaves(const std::array<double, 3> &q, const KvFilter &filter, double &bound2,
                       VisitLeaf &&visitLeaf) const;

    // Calls `visit(slot)` for every item whose box lies within sqrt(radius2) of q.
    template<typename Visit>
    void within(const std::array<double, 3> &q, double radius2, const KvFilter &filter,
                Visit &&visit) const;

    // The squared distance from q to a box (0 inside): no more than to anything in the box.
    static double distance2(const BvhBox &b, const std::array<double, 3> &q)
    {
        double d2 = 0.0;
        for (int a = 0; a < 3; ++a) {
            const double below = double(b.lo[a]) - q[a];
            const double above = q[a] - double(b.hi[a]);
            const double d = below > 0.0 ? below : (above > 0.0 ? above : 0.0);
            d2 += d * d;
        }
        return d2;
    }

private:
    bool accepts(std::uint32_t node, const KvFilter &f) const
    {
        return m_kv[node].max >= f.minKv && m_kv[node].min < f.maxKv;
    }

    std::vector<Node> m_nodes;
    std::vector<KvRange> m_kv;
    std::vector<std::uint32_t> m_order;
};

template<typename Visit>
void Bvh::nearest(const std::array<double, 3> &q, const KvFilter &filter, double &bound2,
                  Visit &&visit) const
{
    nearestLeaves(q, filter, bound2, [&](std::uint32_t begin, std::uint32_t end, double &b2) {
        for (std::uint32_t i = begin; i < end; ++i) {
            const double c2 = visit(i);
            if (c2 < b2) {
                b2 = c2;
            }
        }
    });
}

template<typename VisitLeaf>
void Bvh::nearestLeaves(const std::array<double, 3> &q, const KvFilter &filter, double &bound2,
                        VisitLeaf &&visitLeaf) const
{
    if (m_nodes.empty() || !accepts(0, filter)) {
        return;
    }
    // Without a voltage filter every node passes: skip reading the voltage ranges.
    const bool filtering = !(filter.minKv == -std::numeric_limits<double>::infinity()
                             && filter.maxKv == std::numeric_limits<double>::infinity());
    struct Entry
    {
        std::uint32_t node;
        double d2;
    };
    Entry stack[96];
    int top = 0;
    stack[top++] = {0U, distance2(m_nodes[0].box, q)};
    while (top > 0) {
        const auto [index, d2] = stack[--top];
        if (d2 > bound2) {
            continue;
        }
        const Node &n = m_nodes[index];
        if (n.count > 0) {
            visitLeaf(n.first, n.first + n.count, bound2);
            continue;
        }
        const std::uint32_t l = index + 1;
        const std::uint32_t r = n.first;
        const bool useL = !filtering || accepts(l, filter);
        const bool useR = !filtering || accepts(r, filter);
        const double dl = useL ? distance2(m_nodes[l].box, q) : INFINITY;
        const double dr = useR ? distance2(m_nodes[r].box, q) : INFINITY;
        const bool pushL = useL && dl <= bound2;
        const bool pushR = useR && dr <= bound2;
        // Push the farther child first so that the nearer one is searched first.
        if (dl <= dr) {
            if (pushR) {
                stack[top++] = {r, dr};
            }
            if (pushL) {
                stack[top++] = {l, dl};
            }
        } else {
            if (pushL) {
                stack[top++] = {l, dl};
            }
            if (pushR) {
                stack[top++] = {r, dr};
            }
        }
    }
}

template<typename Visit>
void Bvh::within(const std::array<double, 3> &q, double radius2, const KvFilter &filter,
                 Visit &&visit) const
{
    if (m_nodes.empty()) {
        return;
    }
    std::vector<std::uint32_t> stack{0U};
    while (!stack.empty()) {
        const std::uint32_t index = stack.back();
        stack.pop_back();
        const Node &n = m_nodes[index];
        if (!accepts(index, filter) || distance2(n.box, q) > radius2) {
            continue;
        }
        if (n.count > 0) {
            for (std::uint32_t i = n.first; i < n.first + n.count; ++i) {
                visit(i);
            }
        } else {
            stack.push_back(n.first);
            stack.push_back(index + 1);
        }
    }
}

} // namespace maps
