#include "memorybudget.h"

#include <QFile>

#include <algorithm>
#include <limits>

#include <sys/resource.h>
#include <unistd.h>

namespace memorybudget {
namespace {

std::int64_t readNumber(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const std::int64_t v = f.readAll().trimmed().toLongLong(&ok);  // "max" reads as not a number
    return ok ? v : -1;
}

}  // namespace

std::int64_t availableBytes()
{
    std::int64_t budget = std::numeric_limits<std::int64_t>::max();
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0)
        budget = std::int64_t(pages) * pageSize;
    // cgroup v2, then v1.
    for (const QString &limit : {QStringLiteral("/sys/fs/cgroup/memory.max"),
                                 QStringLiteral("/sys/fs/cgroup/memory/memory.limit_in_bytes")}) {
        const std::int64_t v = readNumber(limit);
        if (v > 0)
            budget = std::min(budget, v);
    }
    rlimit as{};
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
        // What is mapped already (libraries, thread stacks) counts against the limit.
        QFile statm(QStringLiteral("/proc/self/statm"));
        std::int64_t mapped = 0;
        if (statm.open(QIODevice::ReadOnly))
            mapped = statm.readAll().split(' ').value(0).toLongLong() * std::max(1L, pageSize);
        budget = std::min(budget, std::max<std::int64_t>(0, std::int64_t(as.rlim_cur) - mapped));
    }
    return budget;
}

QString describe(double bytes)
{
    if (bytes >= 1e12)
        return QStringLiteral("%1 TB").arg(bytes / 1e12, 0, 'g', 3);
    if (bytes >= 1e9)
        return QStringLiteral("%1 GB").arg(bytes / 1e9, 0, 'f', 1);
    if (bytes >= 1e6)
        return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 0);
    return QStringLiteral("%1 kB").arg(bytes / 1e3, 0, 'f', 0);
}

}  // namespace memorybudget
