// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandargs.h"

namespace app {

std::optional<int> parseCommandArgs(const CommandSyntax &syntax, const QStringList &args,
                                    QTextStream &out, QTextStream &err, CommandArgs &parsed)
{
    parsed = {};
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (syntax.switches.contains(a)) {
            parsed.switches.insert(a);
        } else if (syntax.valued.contains(a) && i + 1 < args.size()) {
            parsed.values.insert(a, args.at(++i));
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << syntax.usage;
            return 0;
        } else if (syntax.positional && !a.startsWith(QLatin1String("--"))
                   && parsed.positional.isEmpty()) {
            parsed.positional = a;
        } else {
            err << "energize " << syntax.command << ": unexpected argument '" << a << "'\n"
                << syntax.usage;
            return 2;
        }
    }
    return std::nullopt;
}

} // namespace app
