// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo project as the app benches start from it: the document with the demo's layers,
// sites and plans, its layers loaded, the project's score settings and the bundled catalogs.
// Needs a Q(Core)Application; calling thread only.

#include "app/demoproject.h"
#include "app/maplayers.h"
#include "app/scoringmodel.h"
#include "app/scoringsettings.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/session/document.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace bench {

struct DemoProject
{
    planner::Document doc;
    app::DemoRegion region;
    std::unique_ptr<app::MapLayers> layers;
    std::unique_ptr<app::ScoringSettings> scoring;
    std::optional<planner::Catalogs> catalogs;
};

// The loaded demo; null after printing why it could not be loaded.
inline std::unique_ptr<DemoProject> loadDemoProject()
{
    auto demo = std::make_unique<DemoProject>();
    if (const energize::Status loaded = app::loadDemoRegion(demo->doc, &demo->region); !loaded) {
        std::printf("demo: %s\n", loaded.error().message.c_str());
        return nullptr;
    }
    demo->layers = std::make_unique<app::MapLayers>(&demo->doc);
    demo->layers->waitForLoads();
    demo->scoring = std::make_unique<app::ScoringSettings>(&demo->doc);
    auto catalogs = planner::loadCatalogs(app::defaultResourcePath("catalog").toStdString());
    if (!catalogs) {
        std::printf("catalog: %s\n", catalogs.error().message.c_str());
        return nullptr;
    }
    demo->catalogs = std::move(*catalogs);
    return demo;
}

} // namespace bench
