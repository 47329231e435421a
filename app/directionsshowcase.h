#pragma once

#include "explorer/latentexplorer.h"

#include <QObject>
#include <QString>

class MainWindow;

// gan-playground --directions M [--sweep K] [--screenshot FILE]: once the run's first generator
// is in the explorer, finds directions by method M, sweeps along direction K (A and B at its
// ends, the slider half way) and saves the window as a picture, then quits. For the README's
// figures and for seeing the explorer work without clicking.
class DirectionsShowcase : public QObject {
    Q_OBJECT
public:
    DirectionsShowcase(MainWindow *window, LatentExplorer::Mode mode, int sweep, const QString &screenshot);

private:
    void onDirections();

    MainWindow *m_window;
    LatentExplorer *m_explorer;
    LatentExplorer::Mode m_mode;
    int m_sweep;  // 0-based; -1: none
    QString m_screenshot;
    bool m_started = false;
};
