// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Collects GDAL/CPL error messages raised on the current thread while it is alive, instead of
// letting GDAL print them to stderr. GDAL's handler stack is per thread, so each worker makes its
// own trap. Not copyable; create it on the stack around the GDAL calls it watches.

#include <QString>

namespace maps {

class RasterErrorTrap
{
public:
    RasterErrorTrap();
    ~RasterErrorTrap();
    RasterErrorTrap(const RasterErrorTrap &) = delete;
    RasterErrorTrap &operator=(const RasterErrorTrap &) = delete;

    // The first error GDAL raised (the root cause is usually reported first), or empty.
    QString message() const { return m_message; }
    bool hasError() const { return !m_message.isEmpty(); }
    void clear() { m_message.clear(); }

    // "<what>: <GDAL message>", or just <what> when GDAL said nothing.
    QString explain(const QString &what) const;

    // Called by the GDAL handler; warnings are ignored, the first failure is kept.
    void record(bool failure, const char *text);

private:
    QString m_message;
};

} // namespace maps
