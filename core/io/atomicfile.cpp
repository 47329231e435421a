#include "atomicfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace {
// Messages a user reads: translated (context "AtomicFile").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)
};
}  // namespace

namespace atomicfile {
namespace {

QString describeShortWrite(int savedErrno, qint64 written, qint64 wanted)
{
    QString cause;
    switch (savedErrno) {
    case ENOSPC:
        cause = Text::tr("disk full");
        break;
    case EDQUOT:
        cause = Text::tr("disk quota exceeded");
        break;
    case EFBIG:
        cause = Text::tr("file size limit reached");
        break;
    case 0:
        cause = Text::tr("the write was cut short");
        break;
    default:
        cause = QString::fromLocal8Bit(std::strerror(savedErrno));
        break;
    }
    return Text::tr("%1 (wrote %2 of %3 bytes)").arg(cause).arg(written).arg(wanted);
}

}  // namespace

QString writeAll(QFileDevice &file, QByteArrayView bytes, qint64 *written, qint64 wanted)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        // A write that runs out of space returns what fit; the next one fails with the cause.
        errno = 0;
        const qint64 n = file.write(bytes.data() + done, bytes.size() - done);
        const int savedErrno = errno;
        if (n <= 0)
            return describeShortWrite(savedErrno, *written + done, wanted);
        done += n;
    }
    *written += done;
    return QString();
}

QString checkTarget(const QString &path, Links links)
{
    const QFileInfo info(path);
    if (info.isSymLink()) {
        const QString target = info.symLinkTarget();
        if (links == Links::Refuse)
            return Text::tr("%1: is a symbolic link (to %2); a run folder's files must be its own, so it is not written "
                            "through. Remove the link and try again")
                .arg(path, target);
        if (!info.exists())
            return Text::tr("%1: is a symbolic link to %2, which does not exist; give the path of a file").arg(path, target);
    }
    if (info.exists() && info.isDir())
        return Text::tr("%1: is a folder; give a file name").arg(path);
    if (info.exists() && !info.isFile())
        return Text::tr("%1: not a regular file (a device, pipe or socket), so it is not replaced; give a file name").arg(path);
    return QString();
}

QString write(const QString &path, std::initializer_list<QByteArrayView> parts, const QString &what, Links links)
{
    if (const QString e = checkTarget(path, links); !e.isEmpty())
        return e;
    const QString name = what.isEmpty() ? Text::tr("file") : what;
    qint64 wanted = 0;
    for (QByteArrayView p : parts)
        wanted += p.size();
    const bool existed = QFileInfo::exists(path);
    const QString kept = existed ? Text::tr("the previous %1 is unchanged").arg(name) : Text::tr("no %1 was written").arg(name);
    QSaveFile file(path);
    // Unbuffered: each write reaches the file at once, so its result says whether the disk took
    // it (a buffered write "succeeds" and a short one would go unnoticed until too late).
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Text::tr("%1: cannot write the %2 (%3); choose a writable folder").arg(path, name, file.errorString());
    qint64 written = 0;
    for (QByteArrayView p : parts) {
        if (const QString cause = writeAll(file, p, &written, wanted); !cause.isEmpty()) {
            file.cancelWriting();
            return Text::tr("%1: %2; %3. Free some space or choose another folder.").arg(path, cause, kept);
        }
    }
    if (!file.commit())
        return Text::tr("%1: writing the %2 failed (%3); %4").arg(path, name, file.errorString(), kept);
    return QString();
}

}  // namespace atomicfile
