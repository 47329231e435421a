#pragma once

#include <utility>
#include <vector>

// Halves a history kept for scrubbing back through a run (sample grids, 2D lab frames): it
// keeps the first entry and every other one after it, so that what is left stays spread over
// the whole run. Returns where entry `index` is now, or its kept predecessor when it was the
// one dropped (-1 stays -1).
template <typename T>
int thinHistory(std::vector<T> &history, int index)
{
    std::vector<T> kept;
    int moved = index;
    for (size_t i = 0; i < history.size(); ++i) {
        const bool keep = i == 0 || i % 2 == 1;
        if (int(i) == index)
            moved = int(kept.size()) - (keep ? 0 : 1);
        if (keep)
            kept.push_back(std::move(history[i]));
    }
    history.swap(kept);
    return moved;
}
