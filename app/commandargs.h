// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The arguments of a headless command (energize plan, score, heatmap, compare, save, report):
// `--name VALUE` options, `--name` switches, at most one positional argument (the project or
// the file to write) and --help / -h. One parser for every command, so that each accepts and
// refuses arguments the same way and says so in the same words.

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace app {

struct CommandSyntax
{
    const char *command = ""; // messages read "energize <command>: ..."
    QStringList valued; // options followed by a value, e.g. "--out"
    QStringList switches; // options alone, e.g. "--demo"
    bool positional = true; // whether one argument that is not an option is taken
    const char *usage = "";
};

struct CommandArgs
{
    QString positional; // empty when none was given
    QHash<QString, QString> values; // the last value given to each valued option
    QSet<QString> switches;

    bool has(const QString &name) const { return switches.contains(name); }
    QString value(const QString &name) const { return values.value(name); }
};

// nullopt: go on with `parsed`. A number: the exit code, after printing the usage to `out`
// (--help: 0) or what was unexpected and the usage to `err` (2).
std::optional<int> parseCommandArgs(const CommandSyntax &syntax, const QStringList &args,
                                    QTextStream &out, QTextStream &err, CommandArgs &parsed);

} // namespace app
