#pragma once

// Shared by the Qt Test executables.

#include "spec/presets.h"

#include <QtTest>

// Declares `var` as the built-in experiment `name`; fails the calling test if it does not load.
#define LOAD_PRESET(var, name)                                    \
    ExperimentSpec var;                                           \
    QCOMPARE(presets::load(QStringLiteral(name), &var), QString())
