// gan-playground-cli: the engine without a window, for scripts and bigger machines. One file
// per command in this folder; cli.h holds what they share.
#include "cli.h"

#include "i18n/language.h"
#include "io/memorybudget.h"
#include "training/errortext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

using cli::fail;
using cli::usage;

// Qt's and libpng's warnings ("libpng warning: iCCP: ...") would print before, and instead of,
// the program's own message naming the file: they are shown only with GP_VERBOSE set.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if ((type == QtDebugMsg || type == QtInfoMsg || type == QtWarningMsg) && qEnvironmentVariableIsEmpty("GP_VERBOSE"))
        return;
    QTextStream(stderr) << "gan-playground-cli: " << message << Qt::endl;
}

int run(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() < 2)
        return usage(cli::Text::tr("no command given"));
    const QString command = args.takeAt(1);
    cli::setCommand(command);
    if (command == QLatin1String("presets"))
        return cli::presets();
    if (command == QLatin1String("validate"))
        return cli::validate(args);
    if (command == QLatin1String("train"))
        return cli::train(args);
    if (command == QLatin1String("sample"))
        return cli::sample(args);
    if (command == QLatin1String("evaluate"))
        return cli::evaluate(args);
    if (command == QLatin1String("bench"))
        return cli::bench(args);
    if (command == QLatin1String("directions"))
        return cli::directions(args);
    if (command == QLatin1String("walk"))
        return cli::walk(args);
    if (command == QLatin1String("timeline"))
        return cli::timeline(args);
    if (command == QLatin1String("sweep"))
        return cli::sweep(args);
    if (command == QLatin1String("export"))
        return cli::exportScript(args);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return cli::help();
    return usage(cli::Text::tr("unknown command \"%1\"").arg(command));
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gan-playground-cli"));
    qInstallMessageHandler(quietMessages);
    // The locale's language (LANG, LC_ALL, LC_MESSAGES): messages, help and problem sentences.
    language::apply(language::systemLanguage());
    cli::catchInterrupts();
    // The engine reports what a user can cause as messages; anything that still escapes (an
    // allocation refused deep in LibTorch) ends the program with one line, not an abort.
    try {
        return run(app.arguments());
    } catch (const std::bad_alloc &) {
        return fail(cli::Text::tr("out of memory; make the batch, the layers, the images or the sample count smaller"));
    } catch (const std::exception &e) {
        // LibTorch's allocator reports a refused allocation as c10::Error with this text.
        const QString what = errorText(e);
        const QRegularExpressionMatch refused = QRegularExpression(QStringLiteral("can't allocate memory: you tried to allocate (\\d+) bytes")).match(what);
        if (refused.hasMatch())
            return fail(cli::Text::tr("out of memory (an allocation of %1 was refused); make the batch, the layers, the images "
                                       "or the sample count smaller")
                            .arg(memorybudget::describe(refused.captured(1).toDouble())));
        return fail(cli::Text::tr("stopped on an unexpected error: %1").arg(what));
    } catch (...) {
        return fail(cli::Text::tr("stopped on an unexpected error"));
    }
}
