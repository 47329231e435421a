#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <initializer_list>

class QFileDevice;

// Every file the program writes goes through here: into a temporary file beside the target,
// renamed over it only when every byte was written and synced. A short write (a full disk, a
// quota, a file-size limit) cancels the save, so the previous file stays as it was.
namespace atomicfile {

// Writes the parts one after another as the file's whole content. Returns an empty string, or
// a message naming the file and the cause ("disk full") and saying that the previous file is
// unchanged. `what` names the file for the message ("checkpoint"); empty: "file".
QString write(const QString &path, std::initializer_list<QByteArrayView> parts, const QString &what = QString());
inline QString write(const QString &path, QByteArrayView bytes, const QString &what = QString())
{
    return write(path, {bytes}, what);
}

// Writes all of `bytes` to a file opened Unbuffered (so each result is the disk's answer).
// Returns an empty string, or the cause: "disk full (wrote 184320 of 872448 bytes)", counting
// from `*written` (advanced by what was written) towards `wanted`.
QString writeAll(QFileDevice &file, QByteArrayView bytes, qint64 *written, qint64 wanted);

}  // namespace atomicfile
