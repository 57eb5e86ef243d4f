// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/layerpaths.h"

#include <filesystem>

namespace planner {
namespace {

namespace fs = std::filesystem;

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "PG:dbname=x", "GPKG:/a.gpkg:t", "WMS:http…": a driver prefix of two or more letters, digits
// or '_' before a colon. One letter before the colon is a Windows drive ("C:\…").
bool hasDriverPrefix(const std::string &source)
{
    const auto colon = source.find(':');
    if (colon == std::string::npos || colon < 2 || !isAsciiLetter(source.front()))
        return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = source[i];
        if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_')
            return false;
    }
    return true;
}

// The first component below the root ("home" in /home/a/b), empty for the root itself.
fs::path topFolder(const fs::path &path)
{
    const fs::path relative = path.relative_path();
    return relative.empty() ? fs::path() : *relative.begin();
}

} // namespace

bool isLocalLayerPath(const std::string &source)
{
    if (source.empty() || source.rfind("/vsi", 0) == 0 || source.find("://") != std::string::npos)
        return false;
    return !hasDriverPrefix(source);
}

std::string portableLayerSource(const std::string &source, const std::string &projectDir)
{
    if (!isLocalLayerPath(source) || projectDir.empty())
        return source;
    const fs::path file = fs::path(source).lexically_normal();
    const fs::path dir = fs::path(projectDir).lexically_normal();
    if (!file.is_absolute() || !dir.is_absolute())
        return source;
    if (file.root_name() != dir.root_name() || topFolder(file).empty()
        || topFolder(file) != topFolder(dir))
        return source;
    const fs::path relative = file.lexically_relative(dir);
    return relative.empty() ? source : relative.generic_string();
}

std::string resolvedLayerSource(const std::string &stored, const std::string &projectDir)
{
    if (!isLocalLayerPath(stored) || projectDir.empty() || fs::path(stored).is_absolute())
        return stored;
    return (fs::path(projectDir) / stored).lexically_normal().string();
}

} // namespace planner
