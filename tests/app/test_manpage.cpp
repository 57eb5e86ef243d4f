// SPDX-License-Identifier: GPL-3.0-or-later
// The manual page (packaging/energize.1) and the bash completion (packaging/energize.bash-
// completion) against what the real binary says: the commands are those `energize --help`
// lists, the options of each are those its own --help prints, so a new command or option fails
// here until both document it. The man page's version is that of `energize --version`, the
// AppStream metadata has release notes of it, and its screenshots are files of the project.

#include "support_energizebinary.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

QString sourceFile(const QString &relative)
{
    return QString(ENERGIZE_SOURCE_DIR) + "/" + relative;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The commands `energize --help` lists: its lines "  energize <command> ...".
QStringList commandsFromHelp()
{
    const testing::BinaryRun help = testing::runEnergize({"--help"});
    QStringList commands;
    static const QRegularExpression line(R"(^\s+energize ([a-z][a-z-]*)\b)",
                                         QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(help.out); it.hasNext();) {
        const QString c = it.next().captured(1);
        if (!commands.contains(c))
            commands << c;
    }
    return commands;
}

// Every option a text names: --long and -x words.
QStringList optionsIn(const QString &text)
{
    QStringList options;
    static const QRegularExpression word(R"((?<![\w-])(--?[a-z][a-z0-9-]*))");
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString o = it.next().captured(1);
        if (!options.contains(o))
            options << o;
    }
    return options;
}

// The options of the window: the "Options:" block of `energize --help`.
QStringList windowOptions()
{
    const QString out = testing::runEnergize({"--help"}).out;
    const qsizetype from = out.indexOf("Options:"), to = out.indexOf("Arguments:");
    if (from < 0)
        return {};
    QStringList options;
    for (const QString &line : out.mid(from, to < 0 ? -1 : to - from).split('\n')) {
        // "  -h, --help    Displays help..." : the words before the description.
        static const QRegularExpression names(R"(^\s+((?:--?[a-z][a-z0-9-]*(?:, )?)+))");
        const auto m = names.match(line);
        if (m.hasMatch())
            options << optionsIn(m.captured(1));
    }
    return options;
}

// The man page split at its .SH and .SS headings: "COMMANDS/plan" → the lines under it.
QHash<QString, QStringList> manSections(const QString &page)
{
    QHash<QString, QStringList> sections;
    QString sh, key;
    for (const QString &line : page.split('\n')) {
        auto heading = [&](const QString &macro) {
            QString t = line.mid(macro.size()).trimmed();
            if (t.startsWith('"') && t.endsWith('"'))
                t = t.mid(1, t.size() - 2);
            return t;
        };
        if (line.startsWith(".SH ")) {
            sh = heading(".SH ");
            key = sh;
        } else if (line.startsWith(".SS ")) {
            key = sh + "/" + heading(".SS ");
        }
        sections[key] << line;
    }
    return sections;
}

// The tags of a section's .TP items (the line after each .TP), in roff.
QString tagsOf(const QStringList &lines)
{
    QString tags;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i).startsWith(".TP"))
            tags += lines.at(i + 1) + "\n";
    }
    return tags;
}

// Whether roff text names an option: "--out" is written \-\-out (not followed by more of a name).
bool namesOption(const QString &roff, const QString &option)
{
    QString escaped = option;
    escaped.replace("-", R"(\-)");
    return QRegularExpression(QRegularExpression::escape(escaped) + R"((?![a-z0-9]|\\-))")
            .match(roff)
            .hasMatch();
}

// What bash completes for `energize <words...>`, the last word being completed.
QStringList complete(const QStringList &words)
{
    const QStringList args =
            QStringList{"-c",
                        "source \"$0\"; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _energize; "
                        "printf '%s\\n' \"${COMPREPLY[@]}\"",
                        sourceFile("packaging/energize.bash-completion"), "energize"}
            + words;
    QProcess bash;
    bash.start("bash", args);
    if (!bash.waitForFinished(30000) || bash.exitCode() != 0)
        return {"(bash failed: " + QString::fromUtf8(bash.readAllStandardError()) + ")"};
    return QString::fromUtf8(bash.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class TestManPage : public QObject
{
    Q_OBJECT
private slots:
    void helpListsTheCommands();
    void commandIsDocumented_data();
    void commandIsDocumented();
    void windowOptionsAreDocumented();
    void everyDocumentedCommandExists();
    void versionMatches();
    void screenshotsAreTheProjectsOwn();
};

void TestManPage::helpListsTheCommands()
{
    // The checks below are only as good as the list they derive from.
    const QStringList commands = commandsFromHelp();
    for (const char *c : {"plan", "score", "heatmap", "compare", "report", "save"})
        QVERIFY2(commands.contains(c), c);
}

void TestManPage::commandIsDocumented_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &c : commandsFromHelp())
        QTest::newRow(qPrintable(c)) << c;
}

void TestManPage::commandIsDocumented()
{
    QFETCH(QString, command);
    const testing::BinaryRun help = testing::runEnergize({command, "--help"});
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.startsWith("usage: energize " + command), qPrintable(help.out));
    const QStringList options = optionsIn(help.out);

    const auto sections = manSections(readText(sourceFile("packaging/energize.1")));
    QVERIFY2(sections.contains("COMMANDS/" + command),
             qPrintable("energize.1 has no '.SS " + command + "' under COMMANDS"));
    const QString synopsis = sections.value("SYNOPSIS").join('\n');
    QVERIFY2(synopsis.contains(QString(".SY \"energize %1\"").arg(command)),
             qPrintable("energize.1: SYNOPSIS has no .SY \"energize " + command + "\""));
    const QString tags = tagsOf(sections.value("COMMANDS/" + command));
    for (const QString &option : options) {
        QVERIFY2(namesOption(tags, option),
                 qPrintable(QString("energize.1: '%1' of energize %2 has no .TP item under "
                                    "COMMANDS/%2")
                                    .arg(option, command)));
        QVERIFY2(namesOption(synopsis, option),
                 qPrintable(QString("energize.1: '%1' is not in the SYNOPSIS").arg(option)));
    }

    QVERIFY2(complete({""}).contains(command),
             qPrintable("energize.bash-completion does not complete " + command));
    const QStringList offered = complete({command, "-"});
    for (const QString &option : options + QStringList{"--help"}) {
        QVERIFY2(offered.contains(option),
                 qPrintable(QString("energize.bash-completion: 'energize %1 -' offers %2, "
                                    "not %3")
                                    .arg(command, offered.join(' '), option)));
    }
}

void TestManPage::windowOptionsAreDocumented()
{
    const QStringList options = windowOptions();
    QVERIFY2(options.contains("--demo") && options.contains("--version"),
             qPrintable(options.join(' ')));
    const auto sections = manSections(readText(sourceFile("packaging/energize.1")));
    const QString tags = tagsOf(sections.value("OPTIONS"));
    const QStringList offered = complete({"-"});
    for (const QString &option : options) {
        QVERIFY2(namesOption(tags, option),
                 qPrintable("energize.1: window option " + option + " has no .TP under OPTIONS"));
        if (option.startsWith("--"))
            QVERIFY2(offered.contains(option),
                     qPrintable("energize.bash-completion does not offer " + option));
    }
}

void TestManPage::everyDocumentedCommandExists()
{
    const QStringList commands = commandsFromHelp();
    const auto sections = manSections(readText(sourceFile("packaging/energize.1")));
    for (auto it = sections.keyBegin(); it != sections.keyEnd(); ++it) {
        if (it->startsWith("COMMANDS/"))
            QVERIFY2(commands.contains(it->mid(9)),
                     qPrintable("energize.1 documents '" + *it + "', which --help does not list"));
    }
    for (const QString &c : complete({""})) {
        if (!c.startsWith('-') && !c.contains('.') && !c.contains('/'))
            QVERIFY2(commands.contains(c) || QFileInfo(c).exists(),
                     qPrintable("energize.bash-completion completes '" + c
                                + "', which --help does not list"));
    }
}

void TestManPage::versionMatches()
{
    const testing::BinaryRun version = testing::runEnergize({"--version"});
    QCOMPARE(version.code, 0);
    const QString number = version.out.section(' ', 1).trimmed(); // "Energize 0.1.0"
    QVERIFY2(!number.isEmpty(), qPrintable(version.out));
    const QString page = readText(sourceFile("packaging/energize.1"));
    QVERIFY2(QRegularExpression(R"(^\.TH ENERGIZE 1 \S+ "Energize )"
                                        + QRegularExpression::escape(number) + "\"",
                                QRegularExpression::MultilineOption)
                     .match(page)
                     .hasMatch(),
             qPrintable("energize.1: .TH does not name version " + number));
    const QString metainfo =
            readText(sourceFile("packaging/io.github.energize.Energize.metainfo.xml"));
    QVERIFY2(metainfo.contains(QString("<release version=\"%1\"").arg(number)),
             qPrintable("the AppStream metainfo has no <release> of version " + number));
}

// Each screenshot of the metainfo is a file of packaging/screenshots (the URL is where the
// repository publishes it), of the size the metainfo gives and small enough to fetch.
void TestManPage::screenshotsAreTheProjectsOwn()
{
    const QString metainfo =
            readText(sourceFile("packaging/io.github.energize.Energize.metainfo.xml"));
    static const QRegularExpression image(
            R"re(<image type="source" width="(\d+)" height="(\d+)">[^<]*/([^/<]+)</image>)re");
    int count = 0;
    for (auto it = image.globalMatch(metainfo); it.hasNext(); ++count) {
        const auto m = it.next();
        const QString path = sourceFile("packaging/screenshots/" + m.captured(3));
        const QImage shot(path);
        QVERIFY2(!shot.isNull(), qPrintable(path + " cannot be read"));
        QCOMPARE(shot.size(), QSize(m.captured(1).toInt(), m.captured(2).toInt()));
        QVERIFY2(QFileInfo(path).size() < 300 * 1024, qPrintable(path + " is 300 KB or more"));
    }
    QVERIFY2(count > 0, "the metainfo lists no screenshot");
    QCOMPARE(count, int(metainfo.count("<screenshot")) - int(metainfo.count("<screenshots>")));
}

QTEST_GUILESS_MAIN(TestManPage)
#include "test_manpage.moc"
