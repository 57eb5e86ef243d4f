// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layerscommand.h"

#include "app/headlessproject.h"

#include "app/layerinfo.h"
#include "app/maplayers.h"
#include "maps/io/sourceprobe.h"
#include "maps/vector/vectorloader.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "widgets/layerpanel.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace app {

namespace {

constexpr char kUsage[] =
        "usage: energize layers add PROJECT.gpkg FILE... [--role ROLE] [--field PURPOSE=NAME]... "
        "[--layer NAME]... [--crs CRS]\n"
        "       energize layers list PROJECT.gpkg|--demo [--json]\n"
        "PURPOSE is voltage, name, capacity, owner, status or voltage_unit (kV or V); an empty "
        "NAME means no field.\n";

struct AddRequest
{
    QString project;
    QStringList files;
    QString role;
    QString crs; // for files without a coordinate system
    QStringList layers; // layers inside a multi-layer file; empty: every layer with geometry
    std::map<std::string, std::string> fields;
};

// nullopt after printing what is wrong (exit code 2).
std::optional<AddRequest> parseAdd(const QStringList &args, QTextStream &err)
{
    AddRequest r;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool valued = a == "--role" || a == "--field" || a == "--layer" || a == "--crs";
        if (valued && i + 1 >= args.size()) {
            err << "energize layers add: " << a << " needs a value\n" << kUsage;
            return std::nullopt;
        }
        if (a == "--role") {
            r.role = args.at(++i);
        } else if (a == "--crs") {
            r.crs = args.at(++i);
        } else if (a == "--layer") {
            r.layers << args.at(++i);
        } else if (a == "--field") {
            const QString spec = args.at(++i);
            const qsizetype eq = spec.indexOf('=');
            const QString purpose = spec.left(eq).trimmed().toLower();
            if (eq < 0 || (!maps::purposeFromKey(purpose) && purpose != maps::kVoltageUnitKey)) {
                err << "energize layers add: --field wants PURPOSE=NAME, e.g. --field "
                       "\"voltage=Voltage (kV)\"; PURPOSE is voltage, name, capacity, owner, "
                       "status or voltage_unit (got '"
                    << spec << "')\n";
                return std::nullopt;
            }
            const QString value = spec.mid(eq + 1);
            if (purpose == maps::kVoltageUnitKey && value != "kV" && value != "V") {
                err << "energize layers add: voltage_unit is kV or V (got '" << value << "')\n";
                return std::nullopt;
            }
            r.fields[purpose.toStdString()] = value.toStdString();
        } else if (a.startsWith("--")) {
            err << "energize layers add: unknown option " << a << "\n" << kUsage;
            return std::nullopt;
        } else if (r.project.isEmpty()) {
            r.project = a;
        } else {
            r.files << a;
        }
    }
    if (r.project.isEmpty() || r.files.isEmpty()) {
        err << "energize layers add: give the project and at least one file\n" << kUsage;
        return std::nullopt;
    }
    if (!r.role.isEmpty() && !ui::LayerPanel::roleNames().contains(r.role, Qt::CaseInsensitive)) {
        err << "energize layers add: unknown role '" << r.role
            << "'; the roles are: " << ui::LayerPanel::roleNames().join(", ") << "\n";
        return std::nullopt;
    }
    return r;
}

// The layers of `file` the request adds: the named ones, or every layer with geometry.
std::optional<QStringList> layersToAdd(const QString &file, const AddRequest &r, QTextStream &err)
{
    auto kind = maps::probeSource(file);
    if (!kind) {
        err << "energize layers add: " << maps::errorText(kind.error()) << "\n";
        return std::nullopt;
    }
    if (*kind == maps::SourceKind::Raster)
        return QStringList{QString()};
    auto infos = maps::describeVectorLayers(file);
    if (!infos) {
        err << "energize layers add: " << maps::errorText(infos.error()) << "\n";
        return std::nullopt;
    }
    QStringList names, withGeometry;
    for (const maps::VectorLayerInfo &info : *infos) {
        names << info.name;
        if (info.kind != maps::GeometryKind::None)
            withGeometry << info.name;
    }
    if (r.layers.isEmpty())
        return infos->size() == 1 ? QStringList{QString()} : withGeometry;
    QStringList picked;
    for (const QString &wanted : r.layers) {
        if (names.contains(wanted))
            picked << wanted;
    }
    if (picked.isEmpty()) {
        err << "energize layers add: " << QFileInfo(file).fileName() << " has no layer "
            << r.layers.join(", ") << "; its layers are: " << names.join(", ") << "\n";
        return std::nullopt;
    }
    return picked;
}

int runAdd(const QStringList &args, QTextStream &out, QTextStream &err)
{
    auto request = parseAdd(args, err);
    if (!request)
        return 2;
    planner::Document doc;
    const bool exists = QFileInfo::exists(request->project);
    if (exists) {
        if (auto opened = doc.load(request->project); !opened) {
            err << "energize layers add: " << QString::fromStdString(opened.error().message)
                << "\n";
            return 1;
        }
    }
    const QString baseDir = QFileInfo(request->project).absolutePath();
    int failures = 0;
    for (const QString &file : request->files) {
        auto layers = layersToAdd(file, *request, err);
        if (!layers) {
            ++failures;
            continue;
        }
        for (const QString &layerName : *layers) {
            planner::LayerRef ref;
            ref.source = QDir::cleanPath(QFileInfo(file).absoluteFilePath()).toStdString();
            ref.layerName = layerName.toStdString();
            ref.name = (layerName.isEmpty() ? QFileInfo(file).completeBaseName() : layerName)
                               .toStdString();
            ref.role = request->role.toLower().toStdString();
            ref.fields = request->fields;
            ref.crs = request->crs.toStdString();
            // Loaded as the map loads it, so that what is added is known to open and the
            // guesses printed are the ones the map and the score will use.
            const auto loaded = loadLayer(ref, baseDir);
            if (loaded->state != LoadedLayer::State::Ready) {
                err << "energize layers add: " << file
                    << (layerName.isEmpty() ? QString() : " (" + layerName + ")") << ": "
                    << loaded->error
                    << (loaded->needsCrs ? " (give --crs, e.g. --crs EPSG:4326)" : "") << "\n";
                ++failures;
                continue;
            }
            if (const QString bad = unknownChosenField(*loaded); !bad.isEmpty()) {
                err << "energize layers add: " << file << ": " << bad << "\n";
                ++failures;
                continue;
            }
            ref.id = planner::commands::addLayer(doc, ref);
            const LayerInfo info = describeLayer(ref, loaded.get());
            out << "added " << info.name << ": " << info.role << ", " << info.size;
            for (const LayerFieldInfo &f : info.fields)
                out << ", " << f.purpose << ": " << (f.field.isEmpty() ? "-" : f.field);
            out << "\n";
            if (const QString figures = layerFigures(info); !figures.isEmpty())
                out << "  " << figures << "\n";
            for (const QString &problem : info.problems)
                out << "  problem: " << problem << "\n";
        }
    }
    if (doc.isModified() || !exists) {
        if (auto saved = doc.save(request->project); !saved) {
            err << "energize layers add: " << QString::fromStdString(saved.error().message) << "\n";
            return 1;
        }
    }
    return failures == 0 ? 0 : 1;
}

int runList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString project;
    bool json = false, demo = false;
    for (const QString &a : args) {
        if (a == "--json") {
            json = true;
        } else if (a == "--demo") {
            demo = true;
        } else if (a.startsWith("--") || !project.isEmpty()) {
            err << "energize layers list: unexpected " << a << "\n" << kUsage;
            return 2;
        } else {
            project = a;
        }
    }
    if (project.isEmpty() == !demo) {
        err << "energize layers list: give the project or --demo\n" << kUsage;
        return 2;
    }
    auto opened = openHeadlessProject("layers list", project, demo, err);
    if (!opened)
        return 1;
    const planner::Document &doc = *opened->doc;
    MapLayers &layers = *opened->layers;
    QJsonArray array;
    for (const planner::LayerRef &ref : doc.layers()) {
        const LayerInfo info = describeLayer(ref, layers.layer(ref.id).get());
        if (json) {
            array.append(layerInfoJson(info));
            continue;
        }
        out << info.name << "\n  source: " << info.source << "\n  role: " << info.role
            << "\n  kind: " << info.kind << "\n  crs: " << info.crs << "\n  size: " << info.size
            << "\n";
        for (const LayerFieldInfo &f : info.fields)
            out << "  " << f.purpose << ": " << (f.field.isEmpty() ? "-" : f.field) << "  ("
                << f.reason << ")\n";
        if (const QString figures = layerFigures(info); !figures.isEmpty())
            out << "  " << figures << "\n";
        for (const QString &problem : info.problems)
            out << "  problem: " << problem << "\n";
    }
    if (json)
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace

int runLayersCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString verb = args.value(0);
    if (verb == "--help" || verb == "-h") {
        out << kUsage;
        return 0;
    }
    if (verb == "add")
        return runAdd(args.mid(1), out, err);
    if (verb == "list")
        return runList(args.mid(1), out, err);
    err << "energize layers: say add or list\n" << kUsage;
    return 2;
}

} // namespace app
