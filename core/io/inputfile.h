#pragma once

#include <QString>

// Files a person points the program at are checked before anything reads them: a folder, a
// device such as /dev/zero or a pipe would be read without end, and a huge file whole.
namespace inputfile {

// Empty when `path` is a regular file of at most `maxBytes` (no bound when negative);
// otherwise a message naming the file, what it is, and what to give instead. `what` names the
// expected content for the message ("an IDX file", "an experiment file").
QString check(const QString &path, const QString &what, qint64 maxBytes = -1);

}  // namespace inputfile
