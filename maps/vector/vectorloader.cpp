// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/vectorloader.h"

#include "maps/geo/crstransform.h"

#include "maps/io/gdalopen.h"
#include "maps/vector/featurereader.h"
#include "maps/vector/fieldmapping.h"
#include "maps/vector/voltage.h"

#include <QFileInfo>

#include <ogr_spatialref.h>

namespace maps {

namespace {

struct CrsPlan
{
    std::unique_ptr<OGRCoordinateTransformation> transform; // null: already WGS84 lon/lat
    QString description;
    bool chosenByUser = false;
};

Expected<CrsPlan> planCrs(OGRLayer &layer, const QString &path, const LoadOptions &options)
{
    CrsPlan plan;
    OGRSpatialReference source;
    if (const OGRSpatialReference *srs = layer.GetSpatialRef()) {
        source = *srs;
    } else if (!options.assumedCrs.trimmed().isEmpty()) {
        const QByteArray text = options.assumedCrs.trimmed().toUtf8();
        if (source.SetFromUserInput(text.constData(),
                                    OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get())
            != OGRERR_NONE) {
            return fail(QStringLiteral("'%1' is not a coordinate system GDAL knows — enter an EPSG "
                                       "code such as EPSG:4326 (longitude/latitude)")
                                .arg(options.assumedCrs),
                        ErrorCode::MissingCrs);
        }
        plan.chosenByUser = true;
    } else {
        const QFileInfo info(path);
        const QString message =
                info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0
                ? QStringLiteral("%1: no .prj file — choose the layer's coordinate system")
                : QStringLiteral("%1: the layer has no coordinate system — choose one (EPSG:4326 "
                                 "if the coordinates are longitude/latitude)");
        return fail(message.arg(displayName(path)), ErrorCode::MissingCrs);
    }
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    plan.description = describeCrs(source);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char *const sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                                       "CRITERION=EQUIVALENT", nullptr};
    if (source.IsSame(&wgs84, sameOptions)) {
        return plan;
    }
    plan.transform.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
    if (!plan.transform) {
        return fail(QStringLiteral("%1: PROJ cannot transform %2 to longitude/latitude — choose "
                                   "another coordinate system for the layer")
                            .arg(displayName(path), plan.description),
                    ErrorCode::MissingCrs);
    }
    return plan;
}

Expected<OGRLayer *> pickLayer(GDALDataset &ds, const VectorSource &source)
{
    if (!source.layerName.isEmpty()) {
        if (OGRLayer *layer = ds.GetLayerByName(source.layerName.toUtf8().constData())) {
            return layer;
        }
        return fail(QStringLiteral("%1: no layer named '%2' — choose one of its layers")
                            .arg(displayName(source.path), source.layerName),
                    ErrorCode::NotFound);
    }
    if (ds.GetLayerCount() == 1) {
        return ds.GetLayer(0);
    }
    if (ds.GetLayerCount() == 0) {
        return fail(QStringLiteral("%1: contains no vector layer").arg(displayName(source.path)),
                    ErrorCode::NotReadable);
    }
    QStringList names;
    for (OGRLayer *layer : ds.GetLayers()) {
        names << QString::fromUtf8(layer->GetName());
    }
    return fail(QStringLiteral("%1 has %2 layers (%3) — choose one")
                        .arg(displayName(source.path))
                        .arg(names.size())
                        .arg(names.join(QStringLiteral(", "))),
                ErrorCode::Failed);
}

// A source opened and its layer picked; the dataset owns the layer.
struct OpenedLayer
{
    GDALDatasetUniquePtr dataset;
    OGRLayer *layer = nullptr;
};

Expected<OpenedLayer> openLayer(const VectorSource &source, bool allowNetwork)
{
    auto ds = openVectorDataset(source.path, allowNetwork);
    if (!ds) {
        return ds.error();
    }
    QuietGdalErrors quiet;
    auto picked = pickLayer(**ds, source);
    if (!picked) {
        return picked.error();
    }
    return OpenedLayer{std::move(*ds), *picked};
}

QStringList fieldNames(OGRLayer &layer)
{
    QStringList names;
    OGRFeatureDefn *defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        names << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    }
    return names;
}

// Tells OGR to skip the attributes we do not read (a large part of the load time).
void ignoreUnusedFields(OGRLayer &layer, const QStringList &fields, const ReadPlan &plan)
{
    std::vector<QByteArray> keep;
    std::vector<const char *> ignored;
    for (int i = 0; i < fields.size(); ++i) {
        if (i != plan.voltageField && i != plan.capacityField && i != plan.labelField
            && i != plan.valueField && i != plan.hazardField) {
            keep.push_back(fields[i].toUtf8());
        }
    }
    for (const QByteArray &k : keep) {
        ignored.push_back(k.constData());
    }
    ignored.push_back("OGR_STYLE");
    ignored.push_back(nullptr);
    layer.SetIgnoredFields(ignored.data());
}

// The first features' attribute values as text, one list per field, for the field guess.
FieldSamples sampleValues(OGRLayer &layer, int fieldCount, int count = 200)
{
    FieldSamples samples(std::size_t(std::max(fieldCount, 0)));
    layer.ResetReading();
    for (int n = 0; n < count; ++n) {
        std::unique_ptr<OGRFeature> f(layer.GetNextFeature());
        if (!f) {
            break;
        }
        for (int i = 0; i < fieldCount; ++i) {
            samples[std::size_t(i)]
                    << (f->IsFieldSetAndNotNull(i) ? QString::fromUtf8(f->GetFieldAsString(i))
                                                   : QString());
        }
    }
    layer.ResetReading();
    return samples;
}

QStringList warningsOf(const ReadReport &r, std::size_t loaded)
{
    QStringList w;
    if (loaded == 0) {
        w << QStringLiteral("the layer has no usable features");
    }
    if (r.skippedEmpty > 0) {
        w << QStringLiteral("%1 features without geometry were skipped").arg(r.skippedEmpty);
    }
    if (r.skippedKind > 0) {
        w << QStringLiteral("%1 features of another geometry type were skipped").arg(r.skippedKind);
    }
    if (r.skippedInvalid > 0) {
        w << QStringLiteral("%1 features with invalid coordinates were skipped")
                        .arg(r.skippedInvalid);
    }
    if (r.skippedOutOfRange > 0) {
        w << QStringLiteral("%1 features fall outside the globe — check the layer's coordinate "
                            "system")
                        .arg(r.skippedOutOfRange);
    }
    return w;
}

} // namespace

Expected<VectorLayer> loadVectorLayer(const VectorSource &source, const LoadOptions &options,
                                      const LoadProgress &progress, const std::atomic<bool> *cancel)
{
    auto opened = openLayer(source, options.allowNetwork);
    if (!opened) {
        return opened.error();
    }
    QuietGdalErrors quiet;
    OGRLayer &layer = *opened->layer;
    VectorLayer::Metadata meta;
    meta.name = QString::fromUtf8(layer.GetName());
    meta.source = source.path;
    meta.fields = fieldNames(layer);
    ReadPlan plan;
    plan.kind = kindOfGeometryType(layer.GetGeomType());
    if (plan.kind == GeometryKind::None && layer.GetLayerDefn()->GetGeomFieldCount() > 0) {
        plan.kind = sniffKind(layer);
    }
    if (layer.GetLayerDefn()->GetGeomFieldCount() == 0) {
        return fail(QStringLiteral("%1: the layer has no geometry — for a CSV, name the columns "
                                   "lon/lat or WKT")
                            .arg(displayName(source.path)),
                    ErrorCode::NotReadable);
    }
    auto crs = planCrs(layer, source.path, options);
    if (!crs) {
        return crs.error();
    }
    meta.sourceCrs = crs->description;
    meta.crsChosenByUser = crs->chosenByUser;
    plan.transform = crs->transform.get();
    meta.mapping =
            mapFields(meta.fields, sampleValues(layer, int(meta.fields.size())), options.fields);
    plan.voltageField = int(meta.fields.indexOf(meta.mapping.field(FieldPurpose::Voltage)));
    plan.voltageUnit = meta.mapping.voltageUnit;
    plan.capacityField = int(meta.fields.indexOf(meta.mapping.field(FieldPurpose::Capacity)));
    plan.labelField = int(meta.fields.indexOf(meta.mapping.field(FieldPurpose::Name)));
    plan.valueField =
            findField(meta.fields,
                      {"price", "price_usd", "usd_per_acre", "usd_per_m2", "land_value", "value"});
    plan.hazardField = findField(meta.fields, {"sfha_tf", "fld_zone"});
    meta.guess = guessRole(meta.name, meta.fields, plan.kind);
    if (plan.kind == GeometryKind::None) {
        meta.warnings << QStringLiteral("the layer is empty");
    }
    ignoreUnusedFields(layer, meta.fields, plan);

    auto store = std::make_shared<FeatureStore>();
    store->kind = plan.kind;
    ReadReport report;
    const auto readProgress = [&](double f) {
        if (progress) {
            progress(0.8 * f);
        }
    };
    if (!readFeatures(layer, plan, *store, report, readProgress, cancel)) {
        return fail(QStringLiteral("loading %1 was cancelled").arg(meta.name),
                    ErrorCode::Cancelled);
    }
    meta.warnings << warningsOf(report, store->featureCount());
    const auto indexProgress = [&](double f) {
        if (progress) {
            progress(0.8 + 0.2 * f);
        }
    };
    auto index = SpatialIndex::build(*store, indexProgress, cancel);
    if (!index) {
        return index.error();
    }
    VectorLayer result(std::move(meta), std::move(store),
                       std::make_shared<const SpatialIndex>(std::move(*index)));
    if (options.role) {
        result.setRole(*options.role);
    }
    return result;
}

Expected<QStringList> listVectorLayers(const QString &path, bool allowNetwork)
{
    auto ds = openVectorDataset(path, allowNetwork);
    if (!ds) {
        return ds.error();
    }
    QStringList names;
    for (OGRLayer *layer : (*ds)->GetLayers()) {
        names << QString::fromUtf8(layer->GetName());
    }
    return names;
}

Expected<FieldSampleTable> sampleVectorFields(const VectorSource &source, int count,
                                              bool allowNetwork)
{
    auto opened = openLayer(source, allowNetwork);
    if (!opened) {
        return opened.error();
    }
    QuietGdalErrors quiet;
    FieldSampleTable table;
    table.fields = fieldNames(*opened->layer);
    table.values = sampleValues(*opened->layer, int(table.fields.size()), count);
    return table;
}

Expected<QList<VectorLayerInfo>> describeVectorLayers(const QString &path, bool allowNetwork)
{
    auto ds = openVectorDataset(path, allowNetwork);
    if (!ds) {
        return ds.error();
    }
    QuietGdalErrors quiet;
    QList<VectorLayerInfo> out;
    for (OGRLayer *layer : (*ds)->GetLayers()) {
        VectorLayerInfo info;
        info.name = QString::fromUtf8(layer->GetName());
        if (layer->GetLayerDefn()->GetGeomFieldCount() > 0) {
            info.kind = kindOfGeometryType(layer->GetGeomType());
            if (info.kind == GeometryKind::None) {
                info.kind = sniffKind(*layer);
            }
        }
        info.featureCount = layer->GetFeatureCount(TRUE);
        out.append(info);
    }
    return out;
}

} // namespace maps
