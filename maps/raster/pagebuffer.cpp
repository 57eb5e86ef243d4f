// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/pagebuffer.h"

#include <cstdint>
#include <cstdlib>
#include <utility>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace maps {

namespace {

// Below this, malloc's own pools are as good and huge pages would waste memory.
constexpr std::size_t kMapThreshold = std::size_t(4) << 20;
constexpr std::size_t kHugePage = std::size_t(2) << 20;

constexpr std::size_t roundUp(std::size_t bytes)
{
    return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

} // namespace

PageBuffer::PageBuffer(std::size_t bytes) : m_size(bytes)
{
    if (bytes == 0) {
        return;
    }
#ifdef __linux__
    if (bytes >= kMapThreshold) {
        // Whole huge pages on a huge-page boundary (the kernel only uses huge pages for aligned
        // 2 MB ranges): map one more, then unmap the unaligned head and the tail.
        const std::size_t mapped = roundUp(bytes);
        void *p = mmap(nullptr, mapped + kHugePage, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p != MAP_FAILED) {
            auto *base = static_cast<char *>(p);
            const auto address = reinterpret_cast<std::uintptr_t>(base);
            char *aligned = base + (roundUp(address) - address);
            if (aligned > base) {
                munmap(base, std::size_t(aligned - base));
            }
            const std::size_t tail = std::size_t(base + mapped + kHugePage - (aligned + mapped));
            if (tail > 0) {
                munmap(aligned + mapped, tail);
            }
            madvise(aligned, mapped, MADV_HUGEPAGE); // advice only: normal pages if refused
            m_data = aligned;
            m_mapped = true;
            return;
        }
    }
#endif
    m_data = std::calloc(bytes, 1);
}

PageBuffer::~PageBuffer()
{
    release();
}

PageBuffer::PageBuffer(PageBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_mapped(std::exchange(other.m_mapped, false))
{}

PageBuffer &PageBuffer::operator=(PageBuffer &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_mapped = std::exchange(other.m_mapped, false);
    }
    return *this;
}

void PageBuffer::release()
{
    if (!m_data) {
        return;
    }
#ifdef __linux__
    if (m_mapped) {
        munmap(m_data, roundUp(m_size));
        m_data = nullptr;
        return;
    }
#endif
    std::free(m_data);
    m_data = nullptr;
}

} // namespace maps
