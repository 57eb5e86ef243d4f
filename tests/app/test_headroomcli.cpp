// SPDX-License-Identifier: GPL-3.0-or-later
// `energize headroom` as a user runs it: the real binary, no display. On a three-bus case file
// the test writes (worked by hand below) the CSV holds the hand-computed figures and names; on
// ACTIVSg2000 the CSV has a row per bus whose figures equal HeadroomStudy's; --at picks the
// nearest placed bus and says how far it is; bad arguments and files are errors on stderr.

#include "planner/core/grid/headroom.h"
#include "planner/core/grid/matpowercase.h"
#include "support_energizebinary.h"
#include "tests/support/shareddata.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdlib>

namespace {

using Run = testing::BinaryRun;

Run run(const QStringList &args)
{
    return testing::runEnergize(args);
}

// The three-bus case of tests/planner/grid/test_headroom.cpp as a MATPOWER file: bus 1
// (reference, generator Pg 200 of Pmax 300), 100 MW load at buses 2 and 3; x12 = 0.1,
// x13 = x23 = 0.2; rateA (150, 110, 60), rateB (260, 250, 130). At bus 3, by hand:
//   DF of new load at bus 3 = (0.4, 0.6, 0.4); base flows (120, 80, 20) MW.
//   N:   1-3 binds at (110 - 80)/0.6 = 50 MW.
//   N-1: after losing 1-3 the chain 1-2-3 carries 200 and 100 MW with DF 1; 2-3 reaches its
//        rateB at (130 - 100)/1 = 30 MW (the other outages allow 50 and 150).
// At bus 1 the generator is at the bus: no branch carries the new load (DF 0), so the 100 MW
// of spare generation binds. At bus 2, by the same working (PTDF(2) = (-0.8, -0.2, 0.2)):
//   N: DF (0.8, 0.2, -0.2): 1-2 (150 - 120)/0.8 = 37.5; 1-3 (110-80)/0.2 = 150;
//      2-3 (60 + 20)/0.2 = 400 => 37.5 on 1-2.
const char *const kHandCase = R"(function mpc = hand3
% three buses, worked by hand in test_headroomcli.cpp
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
	1	3	0	0	0	0	1	1	0	345	1	1.1	0.9;
	2	1	100	0	0	0	1	1	0	345	1	1.1	0.9;
	3	1	100	0	0	0	1	1	0	345	1	1.1	0.9;
];
mpc.gen = [
	1	200	0	100	-100	1	100	1	300	0;
];
mpc.branch = [
	1	2	0	0.1	0	150	260	0	0	0	1	-360	360;
	1	3	0	0.2	0	110	250	0	0	0	1	-360	360;
	2	3	0	0.2	0	60	130	0	0	0	1	-360	360;
];
mpc.bus_name = {
	'NORTH';
	'EAST, SIDE';
	'SOUTH';
};
)";

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Splits one CSV line, with RFC 4180 quotes.
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

const QString kHeader = "bus,name,kv,headroom_n_mw,headroom_n1_mw,binding_branch,binding_outage";

std::string sharedCase(const char *file)
{
    return shareddata::path("data/matpower-cases/") + file;
}

} // namespace

class TestHeadroomCli : public QObject
{
    Q_OBJECT
private slots:
    void handWorkedCase()
    {
        QTemporaryDir dir;
        const QString m = write(dir, "hand3.m", kHandCase), csv = dir.filePath("out.csv");
        const Run result = run({"headroom", m, "--bus", "3", "--n1", "--csv", csv});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(result.out.contains("Splitting outages (skipped under N-1): 0"));
        QVERIFY(result.out.contains("Pre-existing overloads (listed, not counted): 0"));
        const QStringList lines = readLines(csv);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], kHeader);
        const QStringList row = csvFields(lines[1]);
        QCOMPARE(row.size(), 7);
        QCOMPARE(row[0], QString("3"));
        QCOMPARE(row[1], QString("SOUTH"));
        QCOMPARE(row[2], QString("345"));
        QCOMPARE(row[3].toDouble(), 50.0);
        QCOMPARE(row[4].toDouble(), 30.0);
        QCOMPARE(row[5], QString("EAST, SIDE (bus 2, 345 kV) – SOUTH (bus 3, 345 kV)"));
        QCOMPARE(row[6], QString("NORTH (bus 1, 345 kV) – SOUTH (bus 3, 345 kV)"));

        // N only, every bus: no N-1 figure; the binding branch is the N one.
        const Run n = run({"headroom", m, "--csv", csv});
        QVERIFY2(n.code == 0, qPrintable(n.err));
        const QStringList all = readLines(csv);
        QCOMPARE(all.size(), 4);
        const QStringList bus1 = csvFields(all[1]), bus2 = csvFields(all[2]),
                          bus3 = csvFields(all[3]);
        QCOMPARE(bus1[3].toDouble(), 100.0);
        QCOMPARE(bus1[4], QString());
        QCOMPARE(bus1[5], QString("generation"));
        QCOMPARE(bus1[6], QString());
        QCOMPARE(bus2[1], QString("EAST, SIDE"));
        QCOMPARE(bus2[3].toDouble(), 37.5);
        QCOMPARE(bus2[5], QString("NORTH (bus 1, 345 kV) – EAST, SIDE (bus 2, 345 kV)"));
        QCOMPARE(bus3[3].toDouble(), 50.0);
        QCOMPARE(bus3[5], QString("NORTH (bus 1, 345 kV) – SOUTH (bus 3, 345 kV)"));
        QCOMPARE(bus3[6], QString());
    }

    // Buses placed at (-100, 30), (-101, 30), (-100, 31). From (-100.1, 30.9) bus 3 is the
    // nearest; its great-circle distance by the spherical law of cosines (R 6371.0088 km).
    void nearestBus()
    {
        QTemporaryDir dir;
        const QString m = write(dir, "hand3.m", kHandCase);
        const QString places =
                write(dir, "places.csv", "bus,lat,lon\n1,30,-100\n2,30,-101\n3,31,-100\n");
        const Run result = run({"headroom", m, "--locations", places, "--at", "-100.1,30.9"});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        const double r = M_PI / 180.0;
        const double km = 6371.0088
                * std::acos(std::sin(30.9 * r) * std::sin(31 * r)
                            + std::cos(30.9 * r) * std::cos(31 * r) * std::cos(0.1 * r));
        QVERIFY2(result.out.contains(QStringLiteral("SOUTH (bus 3, 345 kV) at -100, 31, %1 km away")
                                             .arg(km, 0, 'f', 2)),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QRegularExpression("\\n\\s+3  SOUTH\\s+345\\s+50\\.0 ")));
        QVERIFY(result.err.contains("3 of 3 buses placed"));
    }

    // Every bus of ACTIVSg2000 under N-1: 2,000 rows, and the figures equal those of a
    // HeadroomStudy built here (the CSV keeps 6 decimals).
    void activsg2000EqualsTheStudy()
    {
        const std::string path = sharedCase("case_ACTIVSg2000.m");
        if (!QFile::exists(QString::fromStdString(path)))
            MISSING_SHARED_DATA(path + " not found");
        QTemporaryDir dir;
        const QString csv = dir.filePath("all.csv");
        const Run result = run({"headroom", QString::fromStdString(path), "--n1", "--csv", csv});
        QVERIFY2(result.code == 0, qPrintable(result.err));
        QVERIFY(result.out.contains("Splitting outages (skipped under N-1): 450"));
        const QStringList lines = readLines(csv);
        QCOMPARE(lines.size(), 2001);
        QCOMPARE(lines[0], kHeader);
        const auto grid = planner::readMatpowerCase(path);
        QVERIFY(grid.ok());
        const auto study = planner::HeadroomStudy::build(*grid);
        QVERIFY(study.ok());
        for (int i = 0; i < 2000; i += 97) {
            const QStringList row = csvFields(lines[i + 1]);
            QCOMPARE(row.size(), 7);
            const planner::BusHeadroom h = study->headroomAt(i);
            QCOMPARE(row[0].toInt(), grid->buses[i].id);
            QVERIFY(std::abs(row[3].toDouble() - h.headroomNMw) <= 5e-7);
            QVERIFY(std::abs(row[4].toDouble() - h.headroomN1Mw) <= 5e-7);
            QCOMPARE(row[5], QString::fromStdString(study->describeBranch(h.bindingN1.branch)));
            QCOMPARE(row[6],
                     h.bindingN1.outage >= 0
                             ? QString::fromStdString(study->describeBranch(h.bindingN1.outage))
                             : QString());
        }
    }

    void errors()
    {
        QTemporaryDir dir;
        const QString m = write(dir, "hand3.m", kHandCase);
        const Run none = run({"headroom"});
        QCOMPARE(none.code, 2);
        QVERIFY(none.err.contains("give a MATPOWER case file"));
        const Run missing = run({"headroom", dir.filePath("nothere.m")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("nothere.m: no such file"));
        // A branch row one column short, on line 16 of the file.
        QByteArray bad(kHandCase);
        bad.replace("2	3	0	0.2	0	60	130	0	0	0	1	-360	360;",
                    "2	3	0	0.2	0	60;");
        const Run malformed = run({"headroom", write(dir, "bad.m", bad)});
        QCOMPARE(malformed.code, 1);
        QVERIFY2(malformed.err.contains("bad.m line 16: mpc.branch row has 6 columns"),
                 qPrintable(malformed.err));
        const Run unknown = run({"headroom", m, "--bus", "99"});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains("no bus 99 in hand3.m (its bus numbers run from 1 to 3)"));
        const Run notANumber = run({"headroom", m, "--bus", "one"});
        QCOMPARE(notANumber.code, 2);
        const Run atAlone = run({"headroom", m, "--at", "-100,30"});
        QCOMPARE(atAlone.code, 2);
        QVERIFY(atAlone.err.contains("--at needs --locations FILE"));
        const Run both = run({"headroom", m, "--bus", "1", "--at", "-100,30"});
        QCOMPARE(both.code, 2);
        for (const char *tau : {"-0.1", "2", "abc"}) {
            const Run badTau = run({"headroom", m, "--tau", tau});
            QCOMPARE(badTau.code, 2);
            QVERIFY(badTau.err.contains("--tau wants a distribution-factor threshold between 0 "
                                        "and 1"));
        }
        const QString other = write(dir, "west.csv", "bus,lat,lon\n2000001,30,-100\n");
        const Run mismatch = run({"headroom", m, "--locations", other, "--at", "-100,30"});
        QCOMPARE(mismatch.code, 1);
        QVERIFY(mismatch.err.contains("west.csv: none of its 1 rows is a bus of hand3.m"));
        const QString badRow = write(dir, "rows.csv", "bus,lat,lon\n1,30,-100\n2,nan,-101\n");
        const Run rows = run({"headroom", m, "--locations", badRow});
        QCOMPARE(rows.code, 1);
        QVERIFY(rows.err.contains("rows.csv line 3: latitude 'nan' is not a finite number"));
        const Run help = run({"--help"});
        QVERIFY(help.out.contains("energize headroom CASE.m"));
    }
};

QTEST_GUILESS_MAIN(TestHeadroomCli)
#include "test_headroomcli.moc"
