#include "errortext.h"

#include <QCoreApplication>
#include <c10/util/Exception.h>

#include <new>

namespace {
// Messages a user reads: translated (context "ErrorText").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};
}  // namespace

QString errorText(const std::exception &e)
{
    if (const auto *c10 = dynamic_cast<const c10::Error *>(&e))
        return QString::fromStdString(c10->what_without_backtrace()).section(QLatin1Char('\n'), 0, 0);
    if (dynamic_cast<const std::bad_alloc *>(&e))
        return Text::tr("out of memory");
    return QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0);
}
