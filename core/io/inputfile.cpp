#include "inputfile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
// Messages a user reads: translated (context "InputFile").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(InputFile)
};
}  // namespace

namespace inputfile {

QString check(const QString &path, const QString &what, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return Text::tr("no file is given; choose %1").arg(what);
    if (!info.exists())
        return Text::tr("%1: file not found").arg(path);
    if (info.isDir())
        return Text::tr("%1: is a folder, not %2; choose a file").arg(path, what);
    if (!info.isFile())
        return Text::tr("%1: not a regular file (a device, pipe or socket); choose %2").arg(path, what);
    if (maxBytes >= 0 && info.size() > maxBytes)
        return Text::tr("%1: %2 bytes is too large for %3 (at most %4 bytes)").arg(path).arg(info.size()).arg(what).arg(maxBytes);
    return QString();
}

}  // namespace inputfile
