#pragma once

#include <QString>

#include <exception>

// What an exception says, as one line for a message: c10's text without its backtrace,
// "out of memory" for std::bad_alloc, else the first line of what().
QString errorText(const std::exception &e);
