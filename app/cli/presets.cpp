#include "cli.h"

#include "spec/presets.h"

namespace cli {

int presets()
{
    for (const QString &name : presets::names()) {
        ExperimentSpec spec;
        presets::load(name, &spec);
        out() << name << "\n";
        QString text = spec.description;
        // Wrap at ~90 columns, indented.
        QString line;
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (line.size() + word.size() + 1 > 90) {
                out() << "    " << line << "\n";
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        if (!line.isEmpty())
            out() << "    " << line << "\n";
        out() << "\n";
    }
    return kExitOk;
}

}  // namespace cli
