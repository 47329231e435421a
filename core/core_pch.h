// Precompiled header of the core target: torch headers cost ~20 s per translation unit.
#pragma once
#include <torch/torch.h>
#include <QtCore>
