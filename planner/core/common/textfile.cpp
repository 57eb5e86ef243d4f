// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/common/textfile.h"

#include <filesystem>
#include <fstream>

namespace planner {

Expected<std::string> readTextFile(const std::string &path, std::size_t maxBytes)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (ec && ec != std::errc::no_such_file_or_directory)
            return Error{path + ": cannot be read (" + ec.message() + ")", ErrorCode::NotFound};
        return Error{path + ": no such file", ErrorCode::NotFound};
    }
    if (fs::is_directory(status))
        return Error{path + ": is a directory, not a file"};
    if (!fs::is_regular_file(status))
        return Error{path + ": is not a regular file (a pipe, socket or device)"};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path + ": cannot be opened; check its permissions", ErrorCode::NotFound};
    std::string text;
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0) {
        text.append(block, std::size_t(in.gcount()));
        if (text.size() > maxBytes) {
            return Error{path + ": larger than " + std::to_string(maxBytes >> 20)
                         + " MiB, more than any input of this kind can be"};
        }
    }
    if (in.bad())
        return Error{path + ": read error"};
    return text;
}

} // namespace planner
