#include "inputfile.h"

#include <QFileInfo>

namespace inputfile {

QString check(const QString &path, const QString &what, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (path.isEmpty())
        return QStringLiteral("no file is given; choose %1").arg(what);
    if (!info.exists())
        return QStringLiteral("%1: file not found").arg(path);
    if (info.isDir())
        return QStringLiteral("%1: is a folder, not %2; choose a file").arg(path, what);
    if (!info.isFile())
        return QStringLiteral("%1: not a regular file (a device, pipe or socket); choose %2").arg(path, what);
    if (maxBytes >= 0 && info.size() > maxBytes)
        return QStringLiteral("%1: %2 bytes is too large for %3 (at most %4 bytes)").arg(path).arg(info.size()).arg(what).arg(maxBytes);
    return QString();
}

}  // namespace inputfile
