#include "cli.h"

#include "i18n/language.h"
#include "spec/presets.h"

namespace cli {

namespace {
// Han, kana and full-width forms take two columns and can break anywhere; other text breaks at spaces.
bool isWide(QChar c) { return c.unicode() >= 0x2E80 && !(c.unicode() >= 0xD800 && c.unicode() < 0xF900); }

QStringList wrapped(const QString &text, int columns)
{
    QStringList lines;
    QString line;
    int width = 0;
    bool spaceBefore = false;
    for (qsizetype i = 0; i < text.size();) {
        if (text[i].isSpace()) {
            spaceBefore = true;
            ++i;
            continue;
        }
        // The next piece: one wide character, or a run of narrow ones up to a space or a wide one.
        qsizetype end = i + 1;
        if (!isWide(text[i]))
            while (end < text.size() && !text[end].isSpace() && !isWide(text[end]))
                ++end;
        const QString piece = text.mid(i, end - i);
        const int pieceWidth = isWide(text[i]) ? 2 : int(piece.size());
        const int gap = spaceBefore && width > 0 ? 1 : 0;
        if (width > 0 && width + gap + pieceWidth > columns) {
            lines << line;
            line.clear();
            width = 0;
        } else if (gap) {
            line += QLatin1Char(' ');
            ++width;
        }
        line += piece;
        width += pieceWidth;
        spaceBefore = false;
        i = end;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}
}  // namespace

int presets()
{
    for (const QString &name : presets::names()) {
        ExperimentSpec spec;
        presets::load(name, &spec);
        out() << name << "\n";
        // Wrap at ~90 columns, indented.
        for (const QString &line : wrapped(language::presetDescription(spec.description), 90))
            out() << "    " << line << "\n";
        out() << "\n";
    }
    return kExitOk;
}

}  // namespace cli
