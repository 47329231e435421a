#pragma once

#include <QString>

#include <cstdint>

// How much memory this process may use, for refusing work that cannot fit before allocating
// it: the smallest of the machine's physical memory, a cgroup limit (a container or a systemd
// slice) and the address-space limit (ulimit -v) less what is already mapped.
namespace memorybudget {

std::int64_t availableBytes();

// "9.4 GB" / "312 MB": sizes in messages.
QString describe(double bytes);

}  // namespace memorybudget
