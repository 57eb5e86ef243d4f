// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/io/rastererrortrap.h"

#include <cpl_error.h>

namespace maps {

namespace {

void CPL_STDCALL trapHandler(CPLErr errorClass, CPLErrorNum, const char *text)
{
    auto *trap = static_cast<RasterErrorTrap *>(CPLGetErrorHandlerUserData());
    if (trap) {
        trap->record(errorClass >= CE_Failure, text);
    }
}

} // namespace

RasterErrorTrap::RasterErrorTrap()
{
    CPLPushErrorHandlerEx(trapHandler, this);
}

RasterErrorTrap::~RasterErrorTrap()
{
    CPLPopErrorHandler();
}

void RasterErrorTrap::record(bool failure, const char *text)
{
    if (failure && m_message.isEmpty() && text) {
        m_message = QString::fromUtf8(text).trimmed();
    }
}

QString RasterErrorTrap::explain(const QString &what) const
{
    return m_message.isEmpty() ? what : what + QStringLiteral(": ") + m_message;
}

} // namespace maps
