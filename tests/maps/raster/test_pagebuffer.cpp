// SPDX-License-Identifier: GPL-3.0-or-later
// PageBuffer: small (malloc) and large (mapped, huge-page advised) buffers come zeroed, hold
// what is written to every byte, and move.

#include "maps/raster/pagebuffer.h"

#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <utility>

using namespace maps;

class TestPageBuffer : public QObject
{
    Q_OBJECT

private slots:
    void zeroedWritableAndMovable_data()
    {
        QTest::addColumn<qulonglong>("bytes");
        QTest::addRow("small") << qulonglong(1000);
        QTest::addRow("large, not a whole huge page") << qulonglong((9 << 20) + 12345);
    }
    void zeroedWritableAndMovable()
    {
        QFETCH(qulonglong, bytes);
        PageBuffer buffer(bytes);
        QVERIFY(buffer);
        QCOMPARE(buffer.size(), std::size_t(bytes));
        auto *p = buffer.as<std::uint8_t>();
        QVERIFY(std::all_of(p, p + bytes, [](std::uint8_t b) { return b == 0; }));
        for (std::size_t i = 0; i < bytes; ++i) {
            p[i] = std::uint8_t(i * 7);
        }
        PageBuffer moved(std::move(buffer));
        QVERIFY(!buffer);
        QCOMPARE(moved.as<std::uint8_t>(), p);
        PageBuffer assigned;
        assigned = std::move(moved);
        QCOMPARE(assigned.size(), std::size_t(bytes));
        QCOMPARE(int(assigned.as<std::uint8_t>()[bytes - 1]), int(std::uint8_t((bytes - 1) * 7)));
    }

    void emptyIsNull()
    {
        PageBuffer empty(0);
        QVERIFY(!empty);
        QCOMPARE(empty.size(), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestPageBuffer)
#include "test_pagebuffer.moc"
