#include "io/cpuload.h"

#include <QFile>
#include <QList>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace cpuload {
namespace {
struct Times {
    double idle = 0, total = 0;
    bool ok = false;
};

// The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...".
Times read()
{
    Times t;
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return t;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    if (fields.size() < 5 || fields[0] != "cpu")
        return t;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i)
        t.total += fields[i].toDouble();
    t.idle = fields[4].toDouble() + (fields.size() > 5 ? fields[5].toDouble() : 0);  // idle + iowait
    t.ok = t.total > 0;
    return t;
}
}  // namespace

double idleCores(int milliseconds)
{
    const int cores = std::max(1, QThread::idealThreadCount());
    const Times before = read();
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
    const Times after = read();
    if (!before.ok || !after.ok || after.total <= before.total)
        return cores;
    return std::clamp(cores * (after.idle - before.idle) / (after.total - before.total), 0.0, double(cores));
}

int freeThreads(int most, int milliseconds)
{
    return std::clamp(int(std::lround(idleCores(milliseconds))), 1, std::max(1, most));
}

}  // namespace cpuload
