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
    struct Node
    {
        BvhBox box;
        float kvMin = 0.0F;
        float kvMax = 0.0F;
        std::uint32_t begin = 0; // first item (leaf) in order()
        std::uint32_t count = 0; // items in a leaf; 0 for an inner node
        std::uint32_t right = 0; // inner node: index of the right child (left is this + 1)
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

    // Branch-and-bound nearest search. `visit(slot)` gets the item's position in order() (so that
    // callers can keep item data in that order, contiguous per leaf) and returns its squared
    // distance to the query (or +inf to reject it); `bound2` holds the best so far.
    template<typename Visit>
    void nearest(const std::array<double, 3> &q, const KvFilter &filter, double &bound2,
                 Visit &&visit) const;

    // Calls `visit(slot)` for every item whose box lies within sqrt(radius2) of q.
    template<typename Visit>
    void within(const std::array<double, 3> &q, double radius2, const KvFilter &filter,
                Visit &&visit) const;

private:
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

    bool accepts(const Node &n, const KvFilter &f) const
    {
        return n.kvMax >= f.minKv && n.kvMin < f.maxKv;
    }

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_order;
};

template<typename Visit>
void Bvh::nearest(const std::array<double, 3> &q, const KvFilter &filter, double &bound2,
                  Visit &&visit) const
{
    if (m_nodes.empty() || !accepts(m_nodes[0], filter)) {
        return;
    }
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
        if (d2 >= bound2) {
            continue;
        }
        const Node &n = m_nodes[index];
        if (n.count > 0) {
            for (std::uint32_t i = n.begin; i < n.begin + n.count; ++i) {
                const double c2 = visit(i);
                if (c2 < bound2) {
                    bound2 = c2;
                }
            }
            continue;
        }
        const std::uint32_t l = index + 1;
        const std::uint32_t r = n.right;
        const bool useL = accepts(m_nodes[l], filter);
        const bool useR = accepts(m_nodes[r], filter);
        const double dl = useL ? distance2(m_nodes[l].box, q) : bound2;
        const double dr = useR ? distance2(m_nodes[r].box, q) : bound2;
        // Push the farther child first so that the nearer one is searched first.
        if (dl <= dr) {
            if (dr < bound2) {
                stack[top++] = {r, dr};
            }
            if (dl < bound2) {
                stack[top++] = {l, dl};
            }
        } else {
            if (dl < bound2) {
                stack[top++] = {l, dl};
            }
            if (dr < bound2) {
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
        if (!accepts(n, filter) || distance2(n.box, q) > radius2) {
            continue;
        }
        if (n.count > 0) {
            for (std::uint32_t i = n.begin; i < n.begin + n.count; ++i) {
                visit(i);
            }
        } else {
            stack.push_back(n.right);
            stack.push_back(index + 1);
        }
    }
}

} // namespace maps
