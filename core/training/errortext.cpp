#include "errortext.h"

#include <c10/util/Exception.h>

#include <new>

QString errorText(const std::exception &e)
{
    if (const auto *c10 = dynamic_cast<const c10::Error *>(&e))
        return QString::fromStdString(c10->what_without_backtrace()).section(QLatin1Char('\n'), 0, 0);
    if (dynamic_cast<const std::bad_alloc *>(&e))
        return QStringLiteral("out of memory");
    return QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0);
}
