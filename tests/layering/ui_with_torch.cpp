// Must not compile: ui/ sees no torch headers (tests/CMakeLists.txt, layering_ui_with_torch).
#include "window/mainwindow.h"
#include <torch/torch.h>
int uiLayeringProbe() { return 0; }
