// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/bvh.h"

namespace maps {

namespace {

struct Builder
{
    const std::vector<BvhBox> &boxes;
    const std::vector<float> &kv;
    std::vector<Bvh::Node> &nodes;
    std::vector<Bvh::KvRange> &kvRanges;
    std::vector<std::uint32_t> &order;
    std::vector<std::array<float, 3>> centres;
    const std::function<void(double)> &progress;
    const std::atomic<bool> *cancel;
    std::uint32_t leafSize = 8;
    std::size_t placed = 0;
    std::size_t nextReport = 0;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }

    void build(std::uint32_t begin, std::uint32_t end)
    {
        const auto index = static_cast<std::uint32_t>(nodes.size());
        nodes.emplace_back();
        kvRanges.emplace_back();
        Bvh::Node node;
        Bvh::KvRange range;
        node.box.lo = {INFINITY, INFINITY, INFINITY};
        node.box.hi = {-INFINITY, -INFINITY, -INFINITY};
        range.min = INFINITY;
        range.max = -INFINITY;
        std::array<float, 3> clo{INFINITY, INFINITY, INFINITY};
        std::array<float, 3> chi{-INFINITY, -INFINITY, -INFINITY};
        for (std::uint32_t i = begin; i < end; ++i) {
            const std::uint32_t item = order[i];
            const BvhBox &b = boxes[item];
            for (int a = 0; a < 3; ++a) {
                node.box.lo[a] = std::min(node.box.lo[a], b.lo[a]);
                node.box.hi[a] = std::max(node.box.hi[a], b.hi[a]);
                clo[a] = std::min(clo[a], centres[item][a]);
                chi[a] = std::max(chi[a], centres[item][a]);
            }
            range.min = std::min(range.min, kv[item]);
            range.max = std::max(range.max, kv[item]);
        }
        kvRanges[index] = range;
        if (end - begin <= leafSize || cancelled()) {
            node.first = begin;
            node.count = end - begin;
            nodes[index] = node;
            placed += end - begin;
            if (progress && placed >= nextReport) {
                progress(double(placed) / double(order.size()));
                nextReport = placed + order.size() / 50 + 1;
            }
            return;
        }
        int axis = 0;
        for (int a = 1; a < 3; ++a) {
            if (chi[a] - clo[a] > chi[axis] - clo[axis]) {
                axis = a;
            }
        }
        const std::uint32_t mid = begin + (end - begin) / 2;
        std::nth_element(order.begin() + begin, order.begin() + mid, order.begin() + end,
                         [&](std::uint32_t x, std::uint32_t y) {
                             return centres[x][axis] < centres[y][axis];
                         });
        build(begin, mid);
        node.first = static_cast<std::uint32_t>(nodes.size());
        build(mid, end);
        nodes[index] = node;
    }
};

} // namespace

bool Bvh::build(const std::vector<BvhBox> &boxes, const std::vector<float> &kv,
                const std::function<void(double)> &progress, const std::atomic<bool> *cancel,
                std::uint32_t leafSize)
{
    m_nodes.clear();
    m_kv.clear();
    m_order.resize(boxes.size());
    for (std::uint32_t i = 0; i < m_order.size(); ++i) {
        m_order[i] = i;
    }
    if (boxes.empty()) {
        return true;
    }
    m_nodes.reserve(2 * boxes.size() / std::max(1U, leafSize) + 2);
    m_kv.reserve(m_nodes.capacity());
    Builder builder{
            boxes, kv, m_nodes, m_kv, m_order, {}, progress, cancel, std::max(1U, leafSize)};
    builder.centres.resize(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (int a = 0; a < 3; ++a) {
            builder.centres[i][a] = 0.5F * (boxes[i].lo[a] + boxes[i].hi[a]);
        }
    }
    builder.build(0, static_cast<std::uint32_t>(boxes.size()));
    if (builder.cancelled()) {
        m_nodes.clear();
        m_kv.clear();
        m_order.clear();
        return false;
    }
    return true;
}

} // namespace maps
