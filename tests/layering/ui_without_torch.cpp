// Compiles: the same probe as ui_with_torch.cpp without the torch include.
#include "window/mainwindow.h"
int uiLayeringProbe() { return 0; }
