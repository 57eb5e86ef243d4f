// SPDX-License-Identifier: GPL-3.0-or-later
// Project open (the GUI's Open Project, every headless command on a .gpkg): the bytes are
// written to a file and read as a project, SQLite and all.

#include "planner/store/projectfile.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = "/tmp/energize-fuzz-" + std::to_string(getpid()) + ".gpkg";
    std::FILE *f = std::fopen(path.c_str(), "wb");
    if (!f)
        return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    (void)planner::loadProjectFile(path);
    std::remove(path.c_str());
    return 0;
}
