// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Zero-filled scratch memory for whole-grid rasters (masks, intermediate passes), taken straight
// from the kernel. On Linux it asks for transparent huge pages: the first touch of a fresh
// 4 KB page costs a fault each (microseconds on a VM), which for a 64 MB mask is more than the
// work done on it; a 2 MB page needs one fault. Elsewhere it falls back to calloc.
// Ownership: owns its memory, movable, not copyable. Threading: a plain buffer; threads may
// write disjoint parts concurrently.

#include <cstddef>

namespace maps {

class PageBuffer
{
public:
    PageBuffer() = default;
    explicit PageBuffer(std::size_t bytes);
    ~PageBuffer();
    PageBuffer(PageBuffer &&other) noexcept;
    PageBuffer &operator=(PageBuffer &&other) noexcept;
    PageBuffer(const PageBuffer &) = delete;
    PageBuffer &operator=(const PageBuffer &) = delete;

    // Null when the allocation failed (or for an empty buffer).
    void *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    explicit operator bool() const { return m_data != nullptr; }

    template<typename T>
    T *as() const
    {
        return static_cast<T *>(m_data);
    }

private:
    void release();

    void *m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
};

} // namespace maps
