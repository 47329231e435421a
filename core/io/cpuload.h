#pragma once

// How much of the machine is free: for work that should use the cores nobody else is using
// (an OpenMP team with more threads than free cores waits at every barrier for the thread a
// busy core keeps from running, and loses far more than its share).
namespace cpuload {

// The cores left idle over the next `milliseconds` (from /proc/stat: the machine's idle time
// over that time), between 0 and the machine's core count; the core count where that cannot
// be read. Blocks for that long.
double idleCores(int milliseconds = 200);

// The threads to use beside everything else running now: the idle cores rounded, at least 1,
// at most `most`.
int freeThreads(int most, int milliseconds = 200);

}  // namespace cpuload
