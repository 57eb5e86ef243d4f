// SPDX-License-Identifier: GPL-3.0-or-later
// The child of test_killsave: saves a project over and over, each save a new counter stored in
// the project's name ("counter N") and as the number of sites, and prints N on its own line after
// saveProjectFile returns. The parent kills it at random points.
//   saveloop FILE FIRST_COUNTER

#include "planner/store/projectfile.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

planner::ProjectData projectForCounter(long counter)
{
    planner::ProjectData data;
    data.info.name = "counter " + std::to_string(counter);
    // Enough rows that a save takes a few milliseconds, so that kills land inside writes.
    const long count = 200 + counter % 50;
    for (long i = 0; i < count; ++i) {
        planner::Site site;
        site.id = i + 1;
        site.name = "site " + std::to_string(i) + " of save " + std::to_string(counter);
        site.longitude = -100.0 + 1e-4 * double(i);
        site.latitude = 31.0 + 1e-6 * double(counter);
        data.sites.push_back(site);
    }
    data.nextSiteId = count + 1;
    return data;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: saveloop FILE FIRST_COUNTER\n");
        return 2;
    }
    const std::string path = argv[1];
    for (long counter = std::atol(argv[2]);; ++counter) {
        auto saved = planner::saveProjectFile(path, projectForCounter(counter), "test");
        if (!saved) {
            std::fprintf(stderr, "%s\n", saved.error().message.c_str());
            return 1;
        }
        std::printf("%ld\n", counter);
        std::fflush(stdout);
    }
}
