// SPDX-License-Identifier: GPL-3.0-or-later
// Bus location tables: the CSV reader (column aliases, quoting, bad rows named by line) and the
// join to a case (partial matches listed, a table for another case refused). On the shared
// TAMU data, every ACTIVSg2000 bus is placed from a table the test joins itself from bus2sub.csv
// and sub.csv (bus n = usa_tamu bus 3000000 + n), with the location SOURCE.md gives for bus 1001.

#include "planner/core/grid/buslocations.h"
#include "planner/core/grid/matpowercase.h"
#include "support_gridcases.h"

#include <QTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace planner;

namespace {

GridCase threeBuses()
{
    GridCase g;
    g.sourceName = "three.m";
    for (int id : {1, 2, 3}) {
        GridBus b;
        b.id = id;
        g.buses.push_back(b);
    }
    return g;
}

std::string errorOf(std::string_view text)
{
    const auto t = parseBusLocations(text, "places.csv");
    return t.ok() ? std::string() : t.error().message;
}

std::string readText(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Splits a plain CSV line (the TAMU files quote nothing).
std::vector<std::string> fieldsOf(const std::string &line)
{
    std::vector<std::string> out;
    std::stringstream s(line);
    std::string f;
    while (std::getline(s, f, ','))
        out.push_back(f);
    return out;
}

} // namespace

class TestBusLocations : public QObject
{
    Q_OBJECT

private slots:
    void readsColumnsByName()
    {
        // A byte-order mark, CRLF, columns in any order, quoted names with commas and quotes,
        // a blank line, '+' signs.
        const auto t =
                parseBusLocations("\xEF\xBB\xBFLatitude,sub_name,BUS_I,lng,sub_id\r\n"
                                  "31.9067,\"ODESSA 2, \"\"west\"\"\",1001,-102.262,39762\r\n"
                                  "\r\n"
                                  "+30.5, plain ,1002,+97.1,\r\n",
                                  "places.csv");
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        QCOMPARE(t->rows.size(), std::size_t(2));
        QCOMPARE(t->rows[0].bus, 1001);
        QCOMPARE(t->rows[0].lat, 31.9067);
        QCOMPARE(t->rows[0].lon, -102.262);
        QCOMPARE(t->rows[0].substation, std::string("ODESSA 2, \"west\""));
        QCOMPARE(t->rows[0].substationId, 39762LL);
        QCOMPARE(t->rows[1].substation, std::string("plain"));
        QCOMPARE(t->rows[1].substationId, 0LL);
        QCOMPARE(t->rows[1].lon, 97.1);
        const auto minimal = parseBusLocations("bus,lat,lon\n1,0,0", "m.csv");
        QVERIFY(minimal.ok());
        QCOMPARE(minimal->rows[0].substation, std::string());
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "places.csv: the file is empty";
        QTest::newRow("header only") << "bus,lat,lon\n"
                                     << "places.csv: no rows below the header";
        QTest::newRow("no bus column") << "id,lat,lon\n1,2,3"
                                       << "places.csv line 1: no bus column (named bus or bus_id "
                                          "or bus_i); the header is 'id,lat,lon'";
        QTest::newRow("no longitude") << "bus,lat\n1,2"
                                      << "places.csv line 1: no longitude column";
        QTest::newRow("two bus columns") << "bus,bus_id,lat,lon\n1,1,2,3"
                                         << "places.csv line 1: two columns give the bus";
        QTest::newRow("field count") << "bus,lat,lon\n1,2,3\n2,3"
                                     << "places.csv line 3: 2 fields where the header "
                                        "(line 1) has 3";
        QTest::newRow("bus not a number") << "bus,lat,lon\nx1,2,3"
                                          << "places.csv line 2: bus 'x1' is not a whole number";
        QTest::newRow("fractional bus") << "bus,lat,lon\n1.5,2,3"
                                        << "places.csv line 2: bus '1.5' is not a whole number";
        QTest::newRow("NaN latitude") << "bus,lat,lon\n1,nan,3"
                                      << "places.csv line 2: latitude 'nan' is not a finite "
                                         "number";
        QTest::newRow("infinite longitude") << "bus,lat,lon\n1,2,inf"
                                            << "places.csv line 2: longitude 'inf' is not a finite";
        QTest::newRow("empty latitude") << "bus,lat,lon\n1,,3"
                                        << "places.csv line 2: latitude '' is not a finite";
        QTest::newRow("latitude range") << "bus,lat,lon\n1,-102.3,31.9"
                                        << "places.csv line 2: latitude -102.3 is outside "
                                           "±90 degrees (are latitude and longitude "
                                           "swapped?)";
        QTest::newRow("longitude range") << "bus,lat,lon\n1,31.9,181"
                                         << "places.csv line 2: longitude 181 is outside ±180";
        QTest::newRow("duplicate bus") << "bus,lat,lon\n7,1,1\n8,1,1\n7,2,2"
                                       << "places.csv line 4: bus 7 is listed twice "
                                          "(first on line 2)";
        QTest::newRow("open quote") << "bus,lat,lon,substation\n1,2,3,\"A"
                                    << "places.csv line 2: a quoted field is "
                                       "not closed";
        QTest::newRow("substation id") << "bus,lat,lon,sub_id\n1,2,3,s9"
                                       << "places.csv line 2: substation id 's9'";
    }
    void badInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QString error = QString::fromStdString(errorOf(text.toStdString()));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void missingFile()
    {
        const auto t = readBusLocations("/nonexistent/places.csv");
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, energize::ErrorCode::NotFound);
        QVERIFY(t.error().message.find("/nonexistent/places.csv") != std::string::npos);
    }

    // Rows for buses 2 and 3 and two unknown buses: bus 1 is listed unplaced, never guessed.
    void partialMatch()
    {
        const auto t =
                parseBusLocations("bus,lat,lon\n2,30,-97\n3,31,-98\n40,1,1\n41,1,1", "p.csv");
        QVERIFY(t.ok());
        const auto placed = placeBuses(threeBuses(), *t);
        QVERIFY(placed.ok());
        QCOMPARE(placed->placed, (std::vector<bool>{false, true, true}));
        QCOMPARE(placed->unplacedBusIds, std::vector<int>{1});
        QCOMPARE(placed->unknownRows, 2);
        QCOMPARE(placed->lat[2], 31.0);
        QCOMPARE(placed->lon[1], -97.0);
    }

    // A table for another case (ACTIVSg10k-style numbering) matches nothing: an error that
    // says so.
    void tableForAnotherCase()
    {
        const auto t = parseBusLocations("bus,lat,lon\n2000001,30,-97\n2000002,31,-98", "west.csv");
        QVERIFY(t.ok());
        const auto placed = placeBuses(threeBuses(), *t);
        QVERIFY(!placed.ok());
        QVERIFY2(placed.error().message.find("west.csv: none of its 2 rows is a bus of three.m")
                         == 0,
                 placed.error().message.c_str());
        QVERIFY(placed.error().message.find("another case") != std::string::npos);
    }

    void placesEveryActivsg2000Bus()
    {
        REQUIRE_CASE("case_ACTIVSg2000.m");
        const std::string tamu =
                gridfixtures::matpowerDirectory() + "/../usa-tamu-synthetic-powersimdata/";
        const std::string bus2sub = readText(tamu + "bus2sub.csv"),
                          sub = readText(tamu + "sub.csv");
        if (bus2sub.empty() || sub.empty())
            MISSING_SHARED_DATA(tamu + " not found");
        // sub_id -> (lat, lon, name), then bus (3000000 + n, Texas) -> sub_id.
        std::map<std::string, std::vector<std::string>> subs;
        std::stringstream subLines(sub);
        std::string line;
        std::getline(subLines, line); // sub_id,name,interconnect_sub_id,lat,lon,interconnect
        while (std::getline(subLines, line)) {
            const auto f = fieldsOf(line);
            subs[f[0]] = f;
        }
        std::string table = "bus,lat,lon,substation,sub_id\n";
        std::stringstream busLines(bus2sub);
        std::getline(busLines, line); // bus_id,sub_id,interconnect
        int rows = 0;
        while (std::getline(busLines, line)) {
            const auto f = fieldsOf(line);
            const long long id = std::stoll(f[0]);
            if (id < 3000000 || id >= 4000000)
                continue;
            const auto &s = subs.at(f[1]);
            table += std::to_string(id - 3000000) + "," + s[3] + "," + s[4] + ",\"" + s[1] + "\","
                    + f[1] + "\n";
            ++rows;
        }
        const auto t = parseBusLocations(table, "activsg2000-locations.csv");
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        auto g = readMatpowerCase(gridfixtures::casePath("case_ACTIVSg2000.m"));
        QVERIFY(g.ok());
        const auto placed = placeBuses(*g, *t);
        QVERIFY(placed.ok());
        QCOMPARE(rows, 2000);
        QVERIFY(placed->unplacedBusIds.empty());
        QCOMPARE(placed->unknownRows, 0);
        // SOURCE.md: bus 1001 "ODESSA 2 0" -> sub 39762 "ODESSA 2", 31.9067 N, -102.262 E.
        int i1001 = -1;
        for (int i = 0; i < int(g->buses.size()); ++i)
            i1001 = g->buses[i].id == 1001 ? i : i1001;
        QVERIFY(i1001 >= 0);
        QCOMPARE(placed->lat[i1001], 31.9067);
        QCOMPARE(placed->lon[i1001], -102.262);
        QCOMPARE(placed->substation[i1001], std::string("ODESSA 2"));
        QCOMPARE(placed->substationId[i1001], 39762LL);
    }
};

QTEST_APPLESS_MAIN(TestBusLocations)
#include "test_buslocations.moc"
