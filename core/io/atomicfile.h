#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <initializer_list>

class QFileDevice;

// Every file the program writes goes through here: into a temporary file beside the target,
// renamed over it only when every byte was written and synced. A short write (a full disk, a
// quota, a file-size limit) cancels the save, so the previous file stays as it was. Only regular
// files are written: a device, pipe, socket or folder in the way is refused, never replaced
// (the rename would turn /dev/full into a plain file), and so is a link that leads to none.
namespace atomicfile {

// Whether a symbolic link at the path is written through. A file a person names may be a link to
// a file of theirs; a run folder's own files may not be links (they would write outside it).
enum class Links { Follow, Refuse };

// Empty when `path` may be written: nothing is there yet, or a regular file (or, with
// Links::Follow, a link to one). Otherwise a message naming the file and what is in the way.
QString checkTarget(const QString &path, Links links = Links::Follow);

// Writes the parts one after another as the file's whole content. Returns an empty string, or
// a message naming the file and the cause ("disk full") and saying that the previous file is
// unchanged. `what` names the file for the message ("checkpoint"); empty: "file".
QString write(const QString &path, std::initializer_list<QByteArrayView> parts, const QString &what = QString(),
              Links links = Links::Follow);
inline QString write(const QString &path, QByteArrayView bytes, const QString &what = QString(), Links links = Links::Follow)
{
    return write(path, {bytes}, what, links);
}

// Writes all of `bytes` to a file opened Unbuffered (so each result is the disk's answer).
// Returns an empty string, or the cause: "disk full (wrote 184320 of 872448 bytes)", counting
// from `*written` (advanced by what was written) towards `wanted`.
QString writeAll(QFileDevice &file, QByteArrayView bytes, qint64 *written, qint64 wanted);

}  // namespace atomicfile
